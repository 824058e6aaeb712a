package org.lumaflow.live;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A running live session. */
@ProviderType
public interface LiveSession extends AutoCloseable {

    /** The counters now. */
    LiveStats stats();

    /** The sources opened, by their masked names. */
    List<String> sources();

    /** Whether the session still runs. */
    boolean running();

    /**
     * Stops cleanly: capture stops, queued frames are encoded, outputs flush and finalise (recordings are renamed
     * into place). Returns when done. Idempotent.
     */
    void stop();

    /**
     * Waits until the session ends by itself (duration reached, all sources ended or failed) or {@code timeout}
     * passes.
     *
     * @return whether it ended
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** Why the session ended on its own with an error (masked), or null. */
    String failure();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
