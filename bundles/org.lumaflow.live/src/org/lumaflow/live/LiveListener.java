package org.lumaflow.live;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives a running session's statistics and events (on a session thread; return quickly). */
@ConsumerType
public interface LiveListener {

    /** Event severity. */
    enum Level {
        /** Information (output live, quality raised). */
        INFO,
        /** Something degraded (reconnecting, quality lowered, frames dropped). */
        WARNING,
        /** Something failed (a source gone, an output given up). */
        ERROR
    }

    /** Statistics, once a second. */
    default void stats(LiveStats stats) {
    }

    /** An event; {@code message} names the source or output, secrets masked. */
    default void event(Level level, String message) {
    }
}
