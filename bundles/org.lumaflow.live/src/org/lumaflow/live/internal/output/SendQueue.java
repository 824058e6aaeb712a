package org.lumaflow.live.internal.output;

import org.lumaflow.live.EncodedPacket;

/**
 * An output's queue of retained packets in a fixed ring, with OBS's congestion rules applied as packets arrive: more
 * than {@link #DISPOSABLE_MICROS} of video queued drops the disposable (non-reference) pictures, more than
 * {@link #KEYFRAME_MICROS} drops every queued picture and the following ones up to the next keyframe. While
 * disconnected the queue keeps only the newest keyframe and what follows, so sending resumes on a keyframe. Every
 * dropped picture is counted. Thread-safe (one producer, one consumer); allocates nothing.
 */
final class SendQueue {

    /** Queued video beyond which non-reference pictures are dropped. */
    static final long DISPOSABLE_MICROS = 700_000;
    /** Queued video beyond which everything up to the next keyframe is dropped. */
    static final long KEYFRAME_MICROS = 900_000;

    private final EncodedPacket[] ring;
    private int head;
    private int size;
    private boolean waitKeyframe = true;
    private boolean disconnected = true;
    private long droppedPictures;
    private long droppedDisposable;
    private long droppedToKeyframe;

    SendQueue(int capacity) {
        ring = new EncodedPacket[capacity];
    }

    /** Queues {@code p} (retaining it) unless a rule drops it. */
    synchronized void offer(EncodedPacket p) {
        boolean video = p.stream() == EncodedPacket.VIDEO;
        if (video && p.keyframe() && disconnected) {
            clear(true);
            waitKeyframe = false;
        }
        if (waitKeyframe) {
            if (!video || !p.keyframe()) {
                if (video) {
                    droppedPictures++;
                    droppedToKeyframe++;
                }
                return;
            }
            waitKeyframe = false;
        }
        if (video && !disconnected) {
            long queued = videoSpan(p);
            if (queued > DISPOSABLE_MICROS) {
                int n = removeVideo(true);
                droppedPictures += n;
                droppedDisposable += n;
            }
            queued = videoSpan(p);
            if (queued > KEYFRAME_MICROS) {
                int n = removeVideo(false);
                droppedPictures += n;
                droppedToKeyframe += n;
                if (!p.keyframe()) {
                    waitKeyframe = true;
                    droppedPictures++;
                    droppedToKeyframe++;
                    return;
                }
            }
        }
        if (size == ring.length) {
            EncodedPacket old = removeAt(0);
            if (old.stream() == EncodedPacket.VIDEO) {
                droppedPictures++;
                waitKeyframe = !p.keyframe();
            }
            old.release();
        }
        ring[(head + size) % ring.length] = p.retain();
        size++;
    }

    /** Media time from the oldest queued picture to {@code p}. */
    private long videoSpan(EncodedPacket p) {
        for (int i = 0; i < size; i++) {
            EncodedPacket q = ring[(head + i) % ring.length];
            if (q.stream() == EncodedPacket.VIDEO) {
                return p.dtsMicros() - q.dtsMicros();
            }
        }
        return 0;
    }

    /** Removes queued pictures (only disposable ones when {@code disposableOnly}); returns how many. */
    private int removeVideo(boolean disposableOnly) {
        int kept = 0;
        int removed = 0;
        for (int i = 0; i < size; i++) {
            EncodedPacket q = ring[(head + i) % ring.length];
            boolean drop = q.stream() == EncodedPacket.VIDEO && (!disposableOnly || q.disposable());
            if (drop) {
                q.release();
                removed++;
            } else {
                ring[(head + kept) % ring.length] = q;
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            ring[(head + i) % ring.length] = null;
        }
        size = kept;
        return removed;
    }

    private EncodedPacket removeAt(int i) {
        EncodedPacket p = ring[(head + i) % ring.length];
        for (int k = i; k < size - 1; k++) {
            ring[(head + k) % ring.length] = ring[(head + k + 1) % ring.length];
        }
        ring[(head + size - 1) % ring.length] = null;
        size--;
        return p;
    }

    /** Drops queued packets ahead of the first video keyframe; returns that keyframe (still queued) or null. */
    synchronized EncodedPacket peekKeyframe() {
        while (size > 0) {
            EncodedPacket p = ring[head];
            if (p.stream() == EncodedPacket.VIDEO && p.keyframe()) {
                return p;
            }
            poll();
            if (p.stream() == EncodedPacket.VIDEO) {
                droppedPictures++;
            }
            p.release();
        }
        return null;
    }

    /** The oldest packet (the caller releases it), or null. */
    synchronized EncodedPacket poll() {
        if (size == 0) {
            return null;
        }
        EncodedPacket p = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        return p;
    }

    /**
     * Marks the connection lost or (re)established. Lost: what is queued is trimmed to start at its newest keyframe
     * (or emptied to wait for the next one).
     */
    synchronized void connected(boolean up) {
        disconnected = !up;
        if (!up) {
            int key = -1;
            for (int i = size - 1; i >= 0; i--) {
                EncodedPacket q = ring[(head + i) % ring.length];
                if (q.stream() == EncodedPacket.VIDEO && q.keyframe()) {
                    key = i;
                    break;
                }
            }
            if (key < 0) {
                clear(true);
                waitKeyframe = true;
            } else {
                for (int i = 0; i < key; i++) {
                    EncodedPacket q = poll();
                    if (q.stream() == EncodedPacket.VIDEO) {
                        droppedPictures++;
                    }
                    q.release();
                }
            }
        }
    }

    /** Releases everything queued; {@code count}: count the pictures as dropped. */
    synchronized void clear(boolean count) {
        while (size > 0) {
            EncodedPacket q = poll();
            if (count && q.stream() == EncodedPacket.VIDEO) {
                droppedPictures++;
            }
            q.release();
        }
    }

    synchronized int size() {
        return size;
    }

    /** Media time queued: newest minus oldest timestamp, in microseconds. */
    synchronized long queuedMicros() {
        if (size < 2) {
            return 0;
        }
        return ring[(head + size - 1) % ring.length].dtsMicros() - ring[head].dtsMicros();
    }

    synchronized long droppedPictures() {
        return droppedPictures;
    }

    synchronized long droppedDisposable() {
        return droppedDisposable;
    }

    synchronized long droppedToKeyframe() {
        return droppedToKeyframe;
    }
}
