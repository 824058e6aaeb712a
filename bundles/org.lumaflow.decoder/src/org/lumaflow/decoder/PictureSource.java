package org.lumaflow.decoder;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Every decoded picture of a video stream in presentation order, in the stream's own bit depth and chroma
 * subsampling ({@link #layout()}), decoded ahead on the source's own thread into a few reused buffers: for measuring
 * pictures as they are (quality control), not for rendering. Damage is stepped over and listed in {@link #errors()}.
 * Not thread-safe: one consumer.
 */
public interface PictureSource extends AutoCloseable {

    /** The probed stream. */
    VideoStreamInfo stream();

    /** The layout of every picture. */
    PictureLayout layout();

    /**
     * Moves to the next picture; false at the end of the stream. The previous picture's buffer is handed back.
     *
     * @throws MediaException when the stream cannot be read on (the message names the file and the time)
     */
    boolean next() throws MediaException;

    /** The current picture ({@link PictureLayout#bytes()} bytes, native order), valid until {@link #next()}. */
    ByteBuffer picture();

    /** Source time of the current picture, ticks from the stream's first picture. */
    long time();

    /** Whether the decoder flagged the current picture as damaged (concealed errors). */
    boolean damaged();

    /** Damage stepped over so far (refused packets, decoding errors), oldest first. */
    List<DecodeError> errors();

    /** Stops the decode thread and frees native resources. */
    @Override
    void close();
}
