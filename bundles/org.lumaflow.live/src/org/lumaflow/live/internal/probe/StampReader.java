package org.lumaflow.live.internal.probe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.live.CaptureSink;
import org.lumaflow.live.internal.capture.FrameStamp;

/**
 * The receiving end of a latency measurement: a {@link CaptureSink} for a {@code url} source that reads the
 * {@link FrameStamp} of every picture as it arrives. With {@code clock} stamps (the wall clock in milliseconds, drawn
 * by a stamp-clock window or the {@code test} source's {@code stamp=clock}) it records glass-to-glass latency = the
 * arrival time - the stamp; with {@code counter} stamps (frame numbers) it counts missing and repeated pictures.
 * The picture is converted to RGBA by the source first, as a player would, so that time is included.
 */
public final class StampReader implements CaptureSink, AutoCloseable {

    private final FramePool pool = new FramePool(FramePool.Config.defaults().withBudget(256L << 20));
    private final boolean clock;
    private final BitSet seen = new BitSet();
    private Frame frame;
    private double[] latencies = new double[4096];
    private int count;
    private long frames;
    private long unreadable;
    private long first = -1;
    private long last = -1;
    private long repeated;
    private volatile String failure;
    private volatile boolean ended;

    /** {@code clock}: stamps are wall-clock milliseconds; else frame numbers. */
    public StampReader(boolean clock) {
        this.clock = clock;
    }

    @Override
    public Frame beginFrame(int width, int height, PixelFormat format) {
        if (frame == null || frame.width() != width || frame.height() != height || frame.format() != format) {
            if (frame != null) {
                frame.release();
            }
            frame = pool.lease(new FrameKey(width, height, format, Usage.DECODE));
        }
        return frame;
    }

    @Override
    public synchronized void publishFrame(long captureNanos) {
        long now = System.currentTimeMillis();
        frames++;
        long stamp = FrameStamp.read(frame);
        if (stamp == FrameStamp.NONE) {
            unreadable++;
            return;
        }
        if (clock) {
            int ms = (int) now - (int) stamp; // both the low 32 bits of the wall clock
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = ms;
        } else {
            if (first < 0) {
                first = stamp;
            }
            if (stamp <= Integer.MAX_VALUE) {
                if (seen.get((int) stamp)) {
                    repeated++;
                }
                seen.set((int) stamp);
            }
            last = Math.max(last, stamp);
        }
    }

    @Override
    public void audio(ByteBuffer data, int samples, int sampleRate, int channels, long captureNanos) {
        // sound is not measured
    }

    @Override
    public void failed(String message) {
        failure = message;
    }

    @Override
    public void ended() {
        ended = true;
    }

    /** Pictures received so far (cheap: no summary). */
    public synchronized long frames() {
        return frames;
    }

    /** Why the stream failed, or null. */
    public String failure() {
        return failure;
    }

    /** Whether the stream ended or failed. */
    public boolean done() {
        return ended || failure != null;
    }

    /** The summary so far. */
    public synchronized Result result() {
        double[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        long distinct = seen.cardinality();
        long missing = clock || first < 0 ? 0 : Math.max(0, last - first + 1 - distinct);
        return new Result(frames, frames - unreadable, pct(sorted, 0.5), pct(sorted, 0.95),
                count == 0 ? -1 : sorted[count - 1], first, last, missing, repeated);
    }

    private static double pct(double[] s, double p) {
        return s.length == 0 ? -1 : s[Math.min(s.length - 1, (int) Math.floor(p * (s.length - 1) + 0.5))];
    }

    /**
     * What arrived.
     *
     * @param frames   pictures received
     * @param stamped  pictures with a readable stamp
     * @param p50      latency median, ms (-1 without clock stamps)
     * @param p95      latency 95th percentile, ms
     * @param max      latency maximum, ms
     * @param first    first frame number (counter stamps), else -1
     * @param last     last frame number (counter stamps), else -1
     * @param missing  frame numbers between first and last never received
     * @param repeated frame numbers received more than once
     */
    public record Result(long frames, long stamped, double p50, double p95, double max, long first, long last,
            long missing, long repeated) {

        /** One line for people. */
        public String line() {
            StringBuilder b = new StringBuilder(String.format("%d frames, %d stamped", frames, stamped));
            if (p50 >= 0) {
                b.append(String.format("; latency p50 %.0f ms, p95 %.0f ms, max %.0f ms", p50, p95, max));
            }
            if (first >= 0) {
                b.append(String.format("; frame numbers %d..%d, %d missing, %d repeated", first, last, missing,
                        repeated));
            }
            return b.toString();
        }

        /** The same as a JSON object. */
        public String json() {
            return String.format(java.util.Locale.ROOT, "{\"frames\": %d, \"stamped\": %d, \"latency_p50_ms\": %.1f, "
                    + "\"latency_p95_ms\": %.1f, \"latency_max_ms\": %.1f, \"first\": %d, \"last\": %d, "
                    + "\"missing\": %d, \"repeated\": %d}", frames, stamped, p50, p95, max, first, last, missing,
                    repeated);
        }
    }

    @Override
    public synchronized void close() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
        pool.close();
    }
}
