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

    /**
     * Whether {@code file}'s first video stream can be read by {@link #openVideoYuv} (8-bit 4:2:0 planar, no display
     * rotation).
     */
    boolean yuvReadable(VideoStreamInfo stream);

    /**
     * Opens the first video stream for reading its decoded pictures unconverted (same size, same YUV values) into
     * {@code format} frames ({@link org.lumaflow.core.pool.PixelFormat#I420} or {@code NV12}): the direct path of a
     * transcode that changes nothing in the picture.
     *
     * @throws MediaException when the stream is not {@link #yuvReadable}
     */
    VideoSource openVideoYuv(Path file, org.lumaflow.core.pool.PixelFormat format, FramePool pool, int lookahead)
            throws MediaException;

    /**
     * Opens the first video stream for measuring every decoded picture as it is: planar, in the stream's own bit
     * depth, chroma subsampling and range ({@link PictureLayout}), in software, damage stepped over and listed. Any
     * pixel format FFmpeg decodes is accepted; see {@link PictureLayout#source()} for when pictures are converted.
     *
     * @param lookahead pictures decoded ahead of the consumer (at least 1)
     * @throws MediaException when the file cannot be read or has no video stream
     */
    PictureSource openPictures(Path file, int lookahead) throws MediaException;

    /**
     * Opens the first audio stream, decoded to {@value AudioSource#SAMPLE_RATE} Hz stereo float.
     *
     * @throws MediaException when the file cannot be read or has no audio stream
     */
    AudioSource openAudio(Path file) throws MediaException;
}
