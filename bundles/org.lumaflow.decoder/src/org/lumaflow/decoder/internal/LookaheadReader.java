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
 * <p>
 * Reverse playback: a request just before the ring (the previous frame of a clip played backwards) switches to
 * reverse reading: the thread seeks to {@link #REVERSE_FRAMES} frames before the request and decodes that whole
 * window once into a larger ring, and the following backward requests are served from it, so a window costs one seek
 * (decoding from its keyframe) plus its frames instead of one seek per frame. A forward request leaves reverse
 * reading.
 */
final class LookaheadReader implements VideoSource {

    /** How far ahead of the decoded window a request may be before seeking beats decoding forward. */
    private static final long SEEK_AHEAD = Ticks.ofSeconds(2);
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("lumaflow.decode.timeoutSeconds", 20));

    /** Frames decoded per reverse window ({@code -Dlumaflow.decode.reverseFrames}, 2..120, default 12). */
    static final int REVERSE_FRAMES = Math.max(2, Math.min(120, Integer.getInteger("lumaflow.decode.reverseFrames",
            12)));

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
        this.forwardLimit = cap;
        this.limit = cap;
        this.nominal = decoder.nominalDuration();
        cap = Math.max(cap, REVERSE_FRAMES + 1);
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
                if (!reverse) {
                    dropBefore(t);
                }
                if (count > 0 && seekTarget < 0) {
                    int i = head;
                    int k = find(t);
                    if (k >= 0) {
                        changed.signalAll();
                        return ring[idx(k)].retain();
                    }
                    boolean landedAfter = pts[i] > t && asked;
                    if (landedAfter) {
                        // the stream has no picture at or before t after seeking (t before its first frame)
                        return ring[i].retain();
                    }
                    int last = idx(count - 1);
                    if (eof && pts[last] <= t && t >= coverEnd(count - 1) && (count == 1 || reverse)) {
                        throw new MediaException(decoder.file(), "no picture here: the stream ends at "
                                + at(end[last]) + (decoder.readError() != null ? " (" + decoder.readError() + ")" : ""));
                    }
                    if (pts[i] > t) {
                        // behind the ring: the previous frames of a backward play decode as one window
                        boolean backward = pts[i] - t <= SEEK_AHEAD;
                        reverse = backward;
                        limit = backward ? ring.length : forwardLimit;
                        requestSeek(backward ? Math.max(0, t - (REVERSE_FRAMES - 1) * nominal) : t);
                        asked = true;
                    } else if (t - end[last] > SEEK_AHEAD) {
                        reverse = false;
                        limit = forwardLimit;
                        requestSeek(t);
                        asked = true;
                    } else if (reverse && (count >= limit || eof)) {
                        // forward again (past a full window): drop what is behind and decode on
                        reverse = false;
                        limit = forwardLimit;
                        continue;
                    }
                } else if (count == 0 && seekTarget < 0) {
                    reverse = false;
                    limit = forwardLimit;
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
    /** Ring entries the decode thread fills: {@link #forwardLimit} ahead, more in reverse reading. */
    private int limit;
    private final int forwardLimit;
    private final long nominal;
    /** Whether backward requests are served from a decoded window (no dropping of older frames). */
    private boolean reverse;

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

    /** The ring entry (0 = head) showing {@code t}, or -1. */
    private int find(long t) {
        for (int k = 0; k < count; k++) {
            int i = idx(k);
            if (pts[i] > t) {
                return -1;
            }
            if (t < coverEnd(k)) {
                return k;
            }
        }
        return -1;
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
                while (!closed && seekTarget < 0 && (count >= limit || eof || failure != null)) {
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
