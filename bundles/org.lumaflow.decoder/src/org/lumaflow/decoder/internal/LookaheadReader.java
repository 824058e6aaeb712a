package org.lumaflow.decoder.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;

/**
 * A {@link VideoSource} that decodes on its own thread into a small ring of pooled frames ahead of the last request.
 * A request before the ring or far beyond it makes the thread seek (keyframe at or before, then decode forward,
 * skipping the conversion of pictures that end before the target).
 */
final class LookaheadReader implements VideoSource {

    /** How far ahead of the decoded window a request may be before seeking beats decoding forward. */
    private static final long SEEK_AHEAD = Ticks.ofSeconds(2);
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("lumaflow.decode.timeoutSeconds", 20));

    private final VideoDecoder decoder;
    private final PictureConverter scaler;
    private final FramePool pool;
    private final FrameKey key;
    private final String name;
    private final boolean still;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // ring of decoded frames, oldest first
    private final Frame[] ring;
    private final long[] pts;
    private final long[] end;
    private int head;
    private int count;
    private boolean eof;
    private String failure;
    private long seekTarget = -1;
    private long generation;
    private boolean closed;
    private volatile long seeks;
    private volatile long lastUse = System.nanoTime();

    LookaheadReader(VideoDecoder decoder, int width, int height, Fit fit, FramePool pool, int lookahead) {
        this(decoder, FrameKey.rgba(width, height), new PictureScaler(width, height, fit, decoder.info().rotation()),
                pool, lookahead);
    }

    /** A reader producing frames of {@code key} through {@code converter}. */
    LookaheadReader(VideoDecoder decoder, FrameKey key, PictureConverter converter, FramePool pool, int lookahead) {
        this.decoder = decoder;
        this.scaler = converter;
        this.pool = pool;
        this.key = key;
        this.name = decoder.file().getFileName().toString();
        this.still = decoder.info().frames() <= 1;
        this.slack = decoder.slack();
        int cap = Math.max(2, lookahead + 1);
        this.ring = new Frame[cap];
        this.pts = new long[cap];
        this.end = new long[cap];
        this.thread = Thread.ofPlatform().daemon().name("decode " + name).unstarted(this::run);
        thread.start();
    }

    @Override
    public VideoStreamInfo stream() {
        return decoder.info();
    }

    @Override
    public String decoder() {
        return decoder.description();
    }

    @Override
    public long decodedFrames() {
        return decoder.decoded();
    }

    @Override
    public long damaged() {
        return decoder.damaged();
    }

    @Override
    public long seeks() {
        return seeks;
    }

    long lastUse() {
        return lastUse;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public long read(long ticks, Frame target) throws MediaException {
        Frame f = frame(ticks);
        try {
            target.copyFrom(f);
            return f.time();
        } finally {
            f.release();
        }
    }

    @Override
    public Frame frame(long ticks) throws MediaException {
        long t = Math.max(0, ticks) + slack; // a picture stamped within the time base's rounding counts as shown
        lastUse = System.nanoTime();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        lock.lock();
        try {
            boolean asked = false;
            while (true) {
                if (closed) {
                    throw new MediaException(decoder.file(), "closed");
                }
                dropBefore(t);
                if (count > 0 && seekTarget < 0) {
                    int i = head;
                    if (pts[i] <= t && t < coverEnd(0)) {
                        changed.signalAll();
                        return ring[i].retain();
                    }
                    boolean landedAfter = pts[i] > t && asked;
                    if (landedAfter) {
                        // the stream has no picture at or before t after seeking (t before its first frame)
                        return ring[i].retain();
                    }
                    if (eof && count == 1 && pts[i] <= t && t >= coverEnd(0)) {
                        throw new MediaException(decoder.file(), "no picture here: the stream ends at "
                                + at(end[i]) + (decoder.readError() != null ? " (" + decoder.readError() + ")" : ""));
                    }
                    if (pts[i] > t || t - end[idx(count - 1)] > SEEK_AHEAD) {
                        requestSeek(t);
                        asked = true;
                    }
                } else if (count == 0 && seekTarget < 0) {
                    if (failure != null) {
                        throw new MediaException(decoder.file(), "no picture here: " + failure);
                    }
                    if (eof) {
                        if (t < lastEnd) {
                            // stream ended before t only because t is behind us: go back
                            requestSeek(t);
                            asked = true;
                        } else {
                            throw new MediaException(decoder.file(), "no picture here: the stream ends at "
                                    + at(lastEnd) + (decoder.readError() != null ? " (" + decoder.readError() + ")"
                                            : ""));
                        }
                    } else if (t < lastEnd - 1 && lastEnd > 0 && !asked) {
                        requestSeek(t);
                        asked = true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MediaException(decoder.file(), "timed out decoding the picture at " + at(t));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(decoder.file(), "interrupted while decoding " + at(t));
        } finally {
            lock.unlock();
        }
    }

    private final long slack;

    /** End of the newest picture decoded since the last seek (the stream's end once {@link #eof}). */
    private long lastEnd;

    /**
     * End of ring entry {@code k} (0 = head): the next entry's start. The newest entry's end is unknown until the
     * picture after it is decoded (stored durations can be wrong with variable frame rates), except at the end of the
     * stream, where it is its stored duration (a still image: forever).
     */
    private long coverEnd(int k) {
        if (k + 1 < count) {
            return pts[idx(k + 1)];
        }
        if (!eof) {
            return Long.MIN_VALUE;
        }
        return still ? Long.MAX_VALUE : end[idx(k)];
    }

    /** Releases decoded frames followed by a frame that starts at or before {@code t}. */
    private void dropBefore(long t) {
        int before = count;
        while (count > 1 && pts[idx(1)] <= t) {
            ring[head].release();
            ring[head] = null;
            head = idx(1);
            count--;
        }
        if (count != before) {
            changed.signalAll(); // room in the ring: wake the decode thread
        }
    }

    private void requestSeek(long t) {
        clearRing();
        seekTarget = t;
        lastEnd = 0;
        generation++;
        eof = false;
        failure = null;
        changed.signalAll();
    }

    private void clearRing() {
        for (int k = 0; k < count; k++) {
            int i = idx(k);
            ring[i].release();
            ring[i] = null;
        }
        count = 0;
    }

    private int idx(int k) {
        return (head + k) % ring.length;
    }

    private void run() {
        boolean pending = false;
        while (true) {
            long gen;
            lock.lock();
            try {
                while (!closed && seekTarget < 0 && (count == ring.length || eof || failure != null)) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                gen = generation;
                if (seekTarget >= 0) {
                    long target = seekTarget;
                    seekTarget = -1;
                    lock.unlock();
                    try {
                        seeks++;
                        pending = decoder.seek(target);
                    } catch (MediaException e) {
                        pending = false;
                        failAt(gen, e.getMessage());
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
            } finally {
                lock.unlock();
            }
            decodeOne(gen, pending);
            pending = false;
        }
    }

    /**
     * Decodes the next picture into the ring (or notes the end of the stream). {@code pending}: the decoder already
     * holds it (where a seek landed).
     */
    private void decodeOne(long gen, boolean pending) {
        try {
            if (!pending && !decoder.next()) {
                lock.lock();
                try {
                    if (gen == generation) {
                        eof = true;
                        lastEnd = Math.max(lastEnd, decoder.end());
                        changed.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
                return;
            }
            Frame f = pool.lease(key);
            try {
                scaler.convert(decoder.frame(), f);
            } catch (RuntimeException e) {
                f.release();
                throw e;
            }
            f.setTime(decoder.pts());
            lock.lock();
            try {
                if (gen != generation || closed) {
                    f.release();
                    return;
                }
                int i = idx(count);
                ring[i] = f;
                pts[i] = decoder.pts();
                end[i] = decoder.end();
                lastEnd = Math.max(lastEnd, decoder.end());
                count++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } catch (MediaException | RuntimeException e) {
            failAt(gen, e.getMessage());
        }
    }

    private void failAt(long gen, String message) {
        lock.lock();
        try {
            if (gen == generation) {
                failure = message == null ? "decoder error" : message;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static String at(long ticks) {
        return String.format("%.3f s", Ticks.toSeconds(ticks));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            clearRing();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            scaler.close();
            decoder.close();
        }
    }
}
