package org.lumaflow.decoder;

import org.lumaflow.core.pool.Frame;

/**
 * A video stream opened for rendering at one output size. Frames are decoded ahead on the source's own thread (frame
 * N+1.. while N renders) into pooled frames; a request outside the decoded window seeks (to the previous keyframe,
 * then decodes forward), so any time can be read in any order. Thread-safe.
 */
public interface VideoSource extends AutoCloseable {

    /**
     * Copies the frame shown at source time {@code ticks} (the frame whose timestamp is the last one at or before it,
     * measured from the stream's first frame) into {@code target}, an RGBA8 frame of the size given at open.
     *
     * @return the shown frame's source time in ticks
     * @throws MediaException when no frame can be produced for that time (past the end, corrupt data, decode timeout);
     *         the message names the file and the time
     */
    long read(long ticks, Frame target) throws MediaException;

    /**
     * The decoded frame shown at source time {@code ticks}, without a copy: a retained pooled frame (its
     * {@link Frame#time()} is its source time) that the caller must release. Same rules as {@link #read}.
     */
    Frame frame(long ticks) throws MediaException;

    /** The probed stream. */
    VideoStreamInfo stream();

    /** The decoder in use, e.g. {@code "h264 via cuda"} or {@code "h264 in software (why no hardware)"}. */
    String decoder();

    /** How many frames were decoded so far (including frames decoded only to reach a seek target). */
    long decodedFrames();

    /**
     * How many damaged packets were skipped or damaged pictures concealed so far (0 for a clean file). A render that
     * sees it grow warns that pictures there may show artefacts.
     */
    long damaged();

    /** How many seeks were done so far. */
    long seeks();

    /** Stops the decode thread and frees native resources; later reads throw. */
    @Override
    void close();
}
