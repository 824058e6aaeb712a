package org.lumaflow.engine.internal.convert;

import java.util.List;

import org.lumaflow.engine.registry.PixelConverter;

/** New instances of every built-in converter (for use outside OSGi; in OSGi they are DS components). */
public final class BuiltinConverters {

    private BuiltinConverters() {
    }

    /** All built-in converters. */
    public static List<PixelConverter> all() {
        return List.of(new RgbaToNv12(), new RgbaToI420(), new RgbaToGray(), new GrayToRgba());
    }
}
