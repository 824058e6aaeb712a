package org.lumaflow.decoder.internal;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.lumaflow.core.pool.Frame;

/** Turns a decoded picture into a pooled frame of the reader's key. */
interface PictureConverter extends AutoCloseable {

    void convert(AVFrame picture, Frame out);

    @Override
    void close();
}
