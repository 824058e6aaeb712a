package org.lumaflow.live;

import org.lumaflow.core.time.FrameRate;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An opened capture source. After {@link #start} it captures on its own thread into the {@link CaptureSink} and
 * never blocks on the rest of the pipeline: pictures go into the sink's triple buffer, sound into its ring.
 */
@ConsumerType
public interface LiveSource extends AutoCloseable {

    /** For people: kind and device, secrets masked (e.g. {@code screen :99 1280x720@30}). */
    String name();

    /** Whether pictures are delivered. */
    boolean hasVideo();

    /** Whether sound is delivered (48 kHz stereo after {@link CaptureSink#audio}). */
    boolean hasAudio();

    /** Picture width delivered (0 without video). */
    int width();

    /** Picture height delivered (0 without video). */
    int height();

    /** Nominal frame rate delivered (null without video). */
    FrameRate rate();

    /** Starts capturing into {@code sink} on the source's own thread; returns at once. */
    void start(CaptureSink sink) throws LiveException;

    /** Stops capturing and frees the device; the capture thread has ended when this returns. Idempotent. */
    @Override
    void close();
}
