package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free single-producer single-consumer ring of interleaved 16-bit sample frames (fixed size, off-heap). The
 * writer never waits: what does not fit is dropped and counted. Positions are counted in sample frames since the
 * start, so the reader can date what it reads ({@link #nanosAt}).
 */
public final class AudioRing {

    private final ByteBuffer ring;
    private final int frameBytes;
    private final int capacity;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastNanos;
    private volatile long lastEnd;
    private final int rate;

    /** A ring holding {@code capacity} sample frames of {@code channels} channels at {@code rate} Hz. */
    public AudioRing(int capacity, int channels, int rate) {
        this.frameBytes = 2 * channels;
        this.capacity = capacity;
        this.rate = rate;
        this.ring = ByteBuffer.allocateDirect(capacity * frameBytes);
    }

    /** Writer: appends {@code samples} frames from {@code data}'s position; drops what does not fit. */
    public void write(ByteBuffer data, int samples, long captureNanos) {
        long w = written.get();
        int free = (int) (capacity - (w - read.get()));
        int n = Math.min(samples, free);
        if (n < samples) {
            dropped.addAndGet(samples - n);
        }
        int src = data.position();
        int at = (int) (w % capacity);
        int first = Math.min(n, capacity - at);
        ring.put(at * frameBytes, data, src, first * frameBytes);
        if (n > first) {
            ring.put(0, data, src + first * frameBytes, (n - first) * frameBytes);
        }
        // the capture time belongs to the last delivered sample frame of this write
        lastNanos = captureNanos;
        lastEnd = w + n;
        written.set(w + n);
    }

    /**
     * Reader: copies up to {@code max} sample frames into {@code dst} at its position (advancing it); returns how
     * many.
     */
    public int read(ByteBuffer dst, int max) {
        long r = read.get();
        int n = (int) Math.min(Math.min(max, written.get() - r), dst.remaining() / frameBytes);
        if (n <= 0) {
            return 0;
        }
        int at = (int) (r % capacity);
        int first = Math.min(n, capacity - at);
        int pos = dst.position();
        dst.put(pos, ring, at * frameBytes, first * frameBytes);
        if (n > first) {
            dst.put(pos + first * frameBytes, ring, 0, (n - first) * frameBytes);
        }
        dst.position(pos + n * frameBytes);
        read.set(r + n);
        return n;
    }

    /**
     * Reader: adds up to {@code frames} sample frames into {@code mix} (interleaved, little-endian s16 widened to
     * int, for mixing several sources); returns how many there were.
     */
    public int mixInto(int[] mix, int frames) {
        long r = read.get();
        int n = (int) Math.min(frames, written.get() - r);
        if (n <= 0) {
            return 0;
        }
        int samples = n * frameBytes / 2;
        int at = (int) (r % capacity) * frameBytes;
        int size = capacity * frameBytes;
        for (int i = 0; i < samples; i++) {
            mix[i] += (short) ((ring.get(at) & 0xFF) | (ring.get(at + 1) << 8));
            at += 2;
            if (at == size) {
                at = 0;
            }
        }
        read.set(r + n);
        return n;
    }

    /** Reader: skips all but the newest {@code frames} sample frames (bounds the latency of a lagging reader). */
    public void trimTo(int frames) {
        long w = written.get();
        if (w - read.get() > frames) {
            read.set(w - frames);
        }
    }

    /** Sample frames waiting to be read. */
    public int available() {
        return (int) (written.get() - read.get());
    }

    /** Reader position: sample frames read so far. */
    public long readPosition() {
        return read.get();
    }

    /** Sample frames written so far. */
    public long written() {
        return written.get();
    }

    /** Sample frames dropped because the reader fell more than the ring's size behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Estimated capture time of sample frame {@code position} (from the last write's time), 0 before any write. */
    public long nanosAt(long position) {
        long t = lastNanos;
        if (t == 0) {
            return 0;
        }
        return t - (lastEnd - position) * 1_000_000_000L / rate;
    }
}
