package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;

/**
 * The {@code test} source: {@link TestPattern} with the frame number stamped ({@link FrameStamp}), drawn on its own
 * thread at the requested rate by a clock (tick {@code n} is due at {@code start + n / rate}; a late thread skips
 * ticks rather than drifting, so the stamp is the tick number), optionally with a 1 kHz tone at -20 dBFS. The capture
 * time of a picture is its tick. Pictures are drawn into the sink's pooled frame; nothing is allocated per frame.
 */
final class TestPatternSource extends ThreadedSource {

    /** One period of the 1 kHz tone at 48 kHz, -20 dBFS. */
    private static final short[] TONE = new short[48];

    static {
        for (int i = 0; i < TONE.length; i++) {
            TONE[i] = (short) Math.round(Math.sin(2 * Math.PI * i / TONE.length) * 3277);
        }
    }

    private final boolean tone;
    private final boolean clock;
    private final ByteBuffer sound;
    private volatile long skipped;
    private long samplesOut;

    /** {@code clock}: stamp the wall clock in milliseconds (latency measurements) instead of the frame number. */
    TestPatternSource(int width, int height, FrameRate rate, boolean tone, boolean clock) {
        this.width = width;
        this.height = height;
        this.rate = rate;
        this.tone = tone;
        this.clock = clock;
        this.name = "test " + Specs.describe(width, height, rate) + (tone ? " +tone" : "") + (clock ? " +clock" : "");
        this.sound = tone ? ByteBuffer.allocateDirect(BufferedSink.SAMPLE_RATE * 4 / 10).order(ByteOrder.LITTLE_ENDIAN)
                : null;
    }

    @Override
    public boolean hasVideo() {
        return true;
    }

    @Override
    public boolean hasAudio() {
        return tone;
    }

    /** Ticks skipped because the thread was late. */
    long skipped() {
        return skipped;
    }

    @Override
    protected void run() {
        long start = System.nanoTime();
        long n = 0;
        while (!thread.halted()) {
            long due = start + tickNanos(n);
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !thread.halted()) {
                LockSupport.parkNanos(wait);
            }
            if (thread.halted()) {
                break;
            }
            long late = System.nanoTime() - due;
            long period = tickNanos(1);
            if (late > period) {
                long skip = late / period;
                skipped += skip;
                n += skip;
                due = start + tickNanos(n);
            }
            Frame f = sink.beginFrame(width, height, PixelFormat.RGBA8);
            TestPattern.draw(f, n, clock ? System.currentTimeMillis() - (System.nanoTime() - due) / 1_000_000 : n);
            sink.publishFrame(due);
            if (tone) {
                long end = (n + 1) * BufferedSink.SAMPLE_RATE * rate.den() / rate.num();
                int count = (int) Math.min(end - samplesOut, sound.capacity() / 4);
                if (count > 0) {
                    fillTone(count);
                    sink.audio(sound, count, BufferedSink.SAMPLE_RATE, BufferedSink.CHANNELS, due);
                }
                samplesOut = end;
            }
            frames++;
            n++;
        }
    }

    private void fillTone(int count) {
        sound.clear();
        for (int i = 0; i < count; i++) {
            short v = TONE[(int) ((samplesOut + i) % TONE.length)];
            sound.putShort(i * 4, v);
            sound.putShort(i * 4 + 2, v);
        }
        sound.limit(count * 4);
    }

    private long tickNanos(long n) {
        return n * 1_000_000_000L * rate.den() / rate.num();
    }
}
