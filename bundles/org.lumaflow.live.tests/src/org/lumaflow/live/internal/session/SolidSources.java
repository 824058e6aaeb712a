package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.CaptureSink;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;

/**
 * A third-party source kind registered by the tests through the whiteboard API: {@code solid:RRGGBB@WxH} delivers
 * opaque pictures of one colour at the session's rate on its own thread; {@code ,fail=N} fails after N pictures;
 * {@code ,tone} adds a 1 kHz tone (48 kHz stereo in 10 ms blocks); {@code ,audio-only} delivers only the tone.
 */
public final class SolidSources implements LiveSourceProvider {

    /** Sources open now (to check that a failed start leaves none open). */
    public static final AtomicInteger OPEN = new AtomicInteger();

    @Override
    public String kind() {
        return "solid";
    }

    @Override
    public List<SourceInfo> list() {
        return List.of(new SourceInfo("solid", "ff0000@320x180", "one colour (test)", true, false));
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        String[] parts = spec.split(",");
        try {
            String[] cs = parts[0].split("@");
            int rgb = Integer.parseInt(cs[0], 16);
            String[] wh = cs.length > 1 ? cs[1].split("x") : new String[] {"320", "180"};
            int fail = -1;
            boolean tone = false;
            boolean audioOnly = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("fail=")) {
                    fail = Integer.parseInt(parts[i].substring(5));
                } else if (parts[i].equals("tone")) {
                    tone = true;
                } else if (parts[i].equals("audio-only")) {
                    tone = true;
                    audioOnly = true;
                } else {
                    throw new IllegalArgumentException(parts[i]);
                }
            }
            OPEN.incrementAndGet();
            return new Solid("solid " + spec, rgb, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                    options.rate() == null ? new FrameRate(30, 1) : options.rate(), fail, tone, audioOnly);
        } catch (RuntimeException e) {
            throw new LiveException("solid source '" + spec + "': expected RRGGBB@WxH[,fail=N][,tone]");
        }
    }

    private static final class Solid implements LiveSource {
        private final String name;
        private final int packed;
        private final int w;
        private final int h;
        private final FrameRate rate;
        private final int fail;
        private final boolean tone;
        private final boolean audioOnly;
        private volatile boolean stop;
        private Thread thread;
        private boolean closed;

        Solid(String name, int rgb, int w, int h, FrameRate rate, int fail, boolean tone, boolean audioOnly) {
            this.name = name;
            this.packed = 0xFF000000 | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
            this.w = w;
            this.h = h;
            this.rate = rate;
            this.fail = fail;
            this.tone = tone;
            this.audioOnly = audioOnly;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean hasVideo() {
            return !audioOnly;
        }

        @Override
        public boolean hasAudio() {
            return tone;
        }

        @Override
        public int width() {
            return audioOnly ? 0 : w;
        }

        @Override
        public int height() {
            return audioOnly ? 0 : h;
        }

        @Override
        public FrameRate rate() {
            return audioOnly ? null : rate;
        }

        @Override
        public void start(CaptureSink sink) {
            thread = new Thread(() -> capture(sink), "test " + name);
            thread.start();
        }

        private void capture(CaptureSink sink) {
            long t0 = System.nanoTime();
            long period = 1_000_000_000L * rate.den() / rate.num();
            ByteBuffer pcm = ByteBuffer.allocateDirect(480 * 4).order(ByteOrder.LITTLE_ENDIAN);
            long audioSent = 0;
            long frames = 0;
            long next = t0;
            while (!stop) {
                long now = System.nanoTime();
                if (!audioOnly && now - next >= 0) {
                    if (fail >= 0 && frames >= fail) {
                        sink.failed(name + ": device unplugged (test)");
                        return;
                    }
                    Frame f = sink.beginFrame(w, h, PixelFormat.RGBA8);
                    ByteBuffer b = f.buffer();
                    for (int i = 0; i < w * h * 4; i += 4) {
                        b.putInt(i, packed);
                    }
                    sink.publishFrame(now);
                    frames++;
                    next += period;
                }
                if (tone) {
                    long due = (now - t0) * 48000 / 1_000_000_000L;
                    while (due - audioSent >= 480) {
                        for (int i = 0; i < 480; i++) {
                            short v = (short) (8000 * Math.sin(2 * Math.PI * 1000 * (audioSent + i) / 48000.0));
                            pcm.putShort(i * 4, v).putShort(i * 4 + 2, v);
                        }
                        pcm.position(0).limit(480 * 4);
                        sink.audio(pcm, 480, 48000, 2, now);
                        audioSent += 480;
                    }
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            stop = true;
            if (thread != null) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            OPEN.decrementAndGet();
        }
    }
}
