package org.lumaflow.live.internal.compose;

import java.util.concurrent.ConcurrentHashMap;

import org.lumaflow.core.pool.Frame;

/**
 * The pictures the {@code live.source} node shows: per running session (keyed by its id) one slot per video source.
 * The session's process stage puts the newest picture of each source into its slot once per tick (retaining it) and
 * then renders; the node reads the slot on the same thread. Previews read a slot from other threads under its lock.
 */
public final class LiveSlots {

    private static final ConcurrentHashMap<String, Slot[]> SESSIONS = new ConcurrentHashMap<>();

    private LiveSlots() {
    }

    /** One source's newest picture (a retained pooled RGBA8 frame) and its capture time. */
    public static final class Slot {
        private Frame frame;
        private long captureNanos;

        /** Makes {@code f} (may be null) the slot's picture: retains it, releases the previous one. */
        public synchronized void set(Frame f, long captureNanos) {
            if (f == frame) {
                this.captureNanos = captureNanos;
                return;
            }
            if (f != null) {
                f.retain();
            }
            if (frame != null) {
                frame.release();
            }
            frame = f;
            this.captureNanos = captureNanos;
        }

        /** The picture (not retained: valid on the process thread until the next {@link #set}), or null. */
        public synchronized Frame frame() {
            return frame;
        }

        /** The picture retained for the caller (who releases it), or null. */
        public synchronized Frame retained() {
            return frame == null ? null : frame.retain();
        }

        /** Capture time of the picture. */
        public synchronized long captureNanos() {
            return captureNanos;
        }
    }

    /** Creates {@code count} empty slots for {@code session}. */
    public static Slot[] open(String session, int count) {
        Slot[] slots = new Slot[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Slot();
        }
        if (SESSIONS.putIfAbsent(session, slots) != null) {
            throw new IllegalStateException("live session id " + session + " is in use");
        }
        return slots;
    }

    /** The slot {@code index} of {@code session}, or null. */
    public static Slot slot(String session, int index) {
        Slot[] s = session == null ? null : SESSIONS.get(session);
        return s == null || index < 0 || index >= s.length ? null : s[index];
    }

    /** Releases the slots' pictures and forgets {@code session}. */
    public static void close(String session) {
        Slot[] s = SESSIONS.remove(session);
        if (s != null) {
            for (Slot slot : s) {
                slot.set(null, 0);
            }
        }
    }
}
