package org.lumaflow.live;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of capture source, registered as an OSGi service (whiteboard): {@code lumaflow live --source KIND:SPEC}
 * picks the provider whose {@link #kind()} is {@code KIND}. Built in: {@code screen} (X11), {@code camera} (V4L2),
 * {@code audio} (PulseAudio, ALSA), {@code url} (SRT, UDP, RTMP input) and {@code test} (a moving pattern).
 */
@ConsumerType
public interface LiveSourceProvider {

    /** The kind word (lower case, unique). */
    String kind();

    /** Sources of this kind found now (may probe devices; may be empty; never throws). */
    List<SourceInfo> list();

    /**
     * Opens the source named by {@code spec} (the text after {@code KIND:}, may be empty for the default device).
     * Capture starts with {@link LiveSource#start}.
     *
     * @throws LiveException naming the source when it does not exist, is busy or cannot deliver what was asked
     */
    LiveSource open(String spec, SourceOptions options) throws LiveException;
}
