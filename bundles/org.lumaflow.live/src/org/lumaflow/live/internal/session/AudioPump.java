package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.lumaflow.live.internal.capture.AudioRing;
import org.lumaflow.live.internal.capture.BufferedSink;
import org.lumaflow.live.internal.pipe.EncodeStage;

/**
 * The audio pump thread: every 10 ms it moves the sound due by the clock (48 kHz stereo, 100 ms behind real time
 * so that capture jitter does not cut holes) from every audio source's ring into the encode stage, mixing several
 * sources (saturating sum) and filling gaps with silence. Buffers are allocated once.
 */
final class AudioPump implements Runnable {

    private static final long LAG_NANOS = 100_000_000L;
    private static final int MAX_CHUNK = BufferedSink.SAMPLE_RATE / 10;

    private final AudioRing[] rings;
    private final EncodeStage encode;
    private final long startNanos;
    private final BooleanSupplier stopping;
    private final int[] mix = new int[MAX_CHUNK * BufferedSink.CHANNELS];
    private final ByteBuffer out = ByteBuffer.allocateDirect(MAX_CHUNK * BufferedSink.CHANNELS * 2)
            .order(ByteOrder.LITTLE_ENDIAN);
    private long sent;

    AudioPump(AudioRing[] rings, EncodeStage encode, long startNanos, BooleanSupplier stopping) {
        this.rings = rings;
        this.encode = encode;
        this.startNanos = startNanos;
        this.stopping = stopping;
    }

    /** Sample frames submitted so far. */
    long sent() {
        return sent;
    }

    @Override
    public void run() {
        long wake = System.nanoTime();
        while (true) {
            wake += 10_000_000L;
            if (!TickClock.waitUntil(wake, stopping)) {
                return;
            }
            long due = (System.nanoTime() - startNanos - LAG_NANOS) * BufferedSink.SAMPLE_RATE / 1_000_000_000L;
            while (due - sent > 0) {
                int n = (int) Math.min(MAX_CHUNK, due - sent);
                Arrays.fill(mix, 0, n * BufferedSink.CHANNELS, 0);
                out.clear();
                for (AudioRing r : rings) {
                    r.mixInto(mix, n);
                    r.trimTo(BufferedSink.SAMPLE_RATE / 2); // at most half a second behind
                }
                for (int i = 0; i < n * BufferedSink.CHANNELS; i++) {
                    out.putShort(i * 2, (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i])));
                }
                out.position(0).limit(n * BufferedSink.CHANNELS * 2);
                long pts = sent * 1_000_000L / BufferedSink.SAMPLE_RATE;
                encode.submitAudio(out, n, pts, startNanos + pts * 1000);
                sent += n;
            }
        }
    }
}
