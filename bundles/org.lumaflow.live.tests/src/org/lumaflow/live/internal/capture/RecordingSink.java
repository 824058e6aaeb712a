package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.live.CaptureSink;

/**
 * A {@link BufferedSink} that also notes, on the capture thread and without allocating, each published picture's
 * stamp ({@link FrameStamp}) and capture time, for tests.
 */
final class RecordingSink implements CaptureSink {

    final BufferedSink sink;
    final long[] stamps = new long[4096];
    final long[] nanos = new long[4096];
    /** {@link System#nanoTime()} when each picture was published. */
    final long[] arrivals = new long[4096];
    volatile int count;
    private Frame writing;

    RecordingSink(BufferedSink sink) {
        this.sink = sink;
    }

    @Override
    public Frame beginFrame(int width, int height, PixelFormat format) {
        writing = sink.beginFrame(width, height, format);
        return writing;
    }

    @Override
    public void publishFrame(long captureNanos) {
        int n = count;
        if (n < stamps.length) {
            stamps[n] = FrameStamp.read(writing);
            nanos[n] = captureNanos;
            arrivals[n] = System.nanoTime();
            count = n + 1;
        }
        sink.publishFrame(captureNanos);
    }

    @Override
    public void audio(ByteBuffer data, int samples, int sampleRate, int channels, long captureNanos) {
        sink.audio(data, samples, sampleRate, channels, captureNanos);
    }

    @Override
    public void failed(String message) {
        sink.failed(message);
    }

    @Override
    public void ended() {
        sink.ended();
    }

    /** Stamps that read and follow the previous one by exactly 1, among pictures from {@code from} on. */
    int consecutive(int from) {
        int c = 0;
        for (int i = Math.max(1, from); i < count; i++) {
            if (stamps[i] >= 0 && stamps[i] == stamps[i - 1] + 1) {
                c++;
            }
        }
        return c;
    }
}
