package org.lumaflow.engine.timeline;

import org.lumaflow.core.time.FrameRate;

/**
 * The project's picture format.
 *
 * @param width  pixels
 * @param height pixels
 * @param rate   frame rate
 */
public record VideoFormat(int width, int height, FrameRate rate) {
    /** Validates the format. */
    public VideoFormat {
        if (width < 16 || height < 16 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " is out of range (16..16384)");
        }
    }
}
