package org.lumaflow.decoder;

import java.nio.file.Path;

import org.lumaflow.core.pool.FramePool;

/** Probes and opens media files (an OSGi service; FFmpeg through JavaCV). */
public interface MediaService {

    /** How decoded pictures are placed in the output frame. */
    enum Fit {
        /** The whole picture, letterboxed/pillarboxed with opaque black. */
        FIT,
        /** Scaled to the output size ignoring the aspect ratio. */
        STRETCH
    }

    /**
     * Reads container and stream information.
     *
     * @throws MediaException when the file is missing or not a media file FFmpeg can read (the message says which)
     */
    MediaInfo probe(Path file) throws MediaException;

    /**
     * Opens the first video stream for reading RGBA8 frames of {@code width} x {@code height} (rotation metadata
     * applied, BT.601/709 matrix and range taken from the stream's tags).
     *
     * @param lookahead frames decoded ahead of the last request (at least 1)
     */
    VideoSource openVideo(Path file, int width, int height, Fit fit, FramePool pool, int lookahead)
            throws MediaException;
}
