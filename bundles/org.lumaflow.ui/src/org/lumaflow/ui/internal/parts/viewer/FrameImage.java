package org.lumaflow.ui.internal.parts.viewer;

import java.nio.ByteBuffer;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.lumaflow.core.pool.Frame;

/**
 * Reusable SWT image data for RGBA8 frames: SWT's 32-bit direct palette with red in the high byte reads the bytes in
 * R, G, B, X order, so a frame's rows copy in with one bulk get and no per-pixel work. The buffer is reused while the
 * size stays the same.
 */
public final class FrameImage {

    private static final PaletteData RGBX = new PaletteData(0xFF000000, 0x00FF0000, 0x0000FF00);
    private ImageData data;

    /** Copies {@code frame} (RGBA8, tightly packed rows) into the reused image data and returns it. */
    public ImageData fill(Frame frame) {
        int w = frame.width();
        int h = frame.height();
        if (data == null || data.width != w || data.height != h) {
            data = new ImageData(w, h, 32, RGBX);
        }
        ByteBuffer b = frame.buffer();
        int stride = w * 4;
        if (data.bytesPerLine == stride) {
            b.get(0, data.data, 0, stride * h);
        } else {
            for (int y = 0; y < h; y++) {
                b.get(y * stride, data.data, y * data.bytesPerLine, stride);
            }
        }
        return data;
    }

    /** The last filled image data (null before the first frame). */
    public ImageData current() {
        return data;
    }
}
