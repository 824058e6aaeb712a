package org.lumaflow.engine.internal.convert;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.rgba_to_i420}: RGBA8 to I420, BT.709 limited range (scalar reference). */
@Component(service = PixelConverter.class)
public final class RgbaToI420 extends Yuv420Converter {

    /** The converter with the best kernels available (DS). */
    public RgbaToI420() {
        super(true);
    }

    /** The converter with Vector API kernels only if {@code allowSimd} and available. */
    public RgbaToI420(boolean allowSimd) {
        super(allowSimd);
    }

    /** Whether the Vector API kernels are in use. */
    public boolean usesVectorApi() {
        return simd();
    }

    @Override
    public String id() {
        return "core.rgba_to_i420";
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.I420;
    }
}
