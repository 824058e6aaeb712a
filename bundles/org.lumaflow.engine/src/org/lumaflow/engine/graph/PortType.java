package org.lumaflow.engine.graph;

import org.lumaflow.core.pool.PixelFormat;

/** The type of data flowing through a port; an input accepts only outputs of the same type. */
public enum PortType {
    /** An RGBA8 image (straight alpha). */
    IMAGE(PixelFormat.RGBA8),
    /** A single-channel 8-bit mask (255 = fully selected). */
    MASK(PixelFormat.GRAY8);

    private final PixelFormat format;

    PortType(PixelFormat format) {
        this.format = format;
    }

    /** Pixel format of frames of this type. */
    public PixelFormat format() {
        return format;
    }
}
