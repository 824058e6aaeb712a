package org.lumaflow.engine.internal.convert;

import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.registry.PixelConverter;

/** New instances of every built-in converter (for use outside OSGi; in OSGi they are DS components). */
public final class BuiltinConverters {

    private BuiltinConverters() {
    }

    /** All built-in converters. */
    public static List<PixelConverter> all() {
        return List.of(new RgbaToNv12(), new RgbaToI420(), new RgbaToGray(), new GrayToRgba());
    }

    /** Fails unless {@code src} and {@code dst} have the same size and the converter's formats. */
    static void check(PixelConverter c, Frame src, Frame dst) {
        if (dst.width() != src.width() || dst.height() != src.height() || src.format() != c.from()
                || dst.format() != c.to()) {
            throw new IllegalArgumentException(c.id() + ": cannot convert " + src.key() + " into " + dst.key());
        }
    }
}
