package org.lumaflow.live;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /**
     * Copies a downscaled RGBA8 picture into {@code rgba} ({@code width * height * 4} bytes from its position): the
     * newest picture of video source {@code index}, or the composed program for {@code index} -1. For previews (the
     * studio's Live part); cheap, allocates nothing.
     *
     * @return false when there is no picture yet
     */
    boolean preview(int index, int width, int height, ByteBuffer rgba);

    /**
     * Opens another output while the session runs (the studio's Record and Go Live buttons); it starts at the next
     * keyframe.
     *
     * @throws LiveException naming the target when no provider accepts it or it cannot be opened
     */
    default void startOutput(String target, Map<String, String> options) throws LiveException {
        throw new LiveException(Secrets.mask(target) + ": this session cannot add outputs while it runs");
    }

    /** Finalises and closes the running output opened for {@code target} (a recording is renamed into place). */
    default void stopOutput(String target) {
    }

    /** Why the session ended on its own with an error (masked), or null. */
    String failure();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
