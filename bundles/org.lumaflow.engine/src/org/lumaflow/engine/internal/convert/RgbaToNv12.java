package org.lumaflow.engine.internal.convert;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.rgba_to_nv12}: RGBA8 to NV12, BT.709 limited range (scalar reference). */
@Component(service = PixelConverter.class)
public final class RgbaToNv12 extends Yuv420Converter {

    /** The converter with the best kernels available (DS). */
    public RgbaToNv12() {
        super(true);
    }

    /** The converter with Vector API kernels only if {@code allowSimd} and available. */
    public RgbaToNv12(boolean allowSimd) {
        super(allowSimd);
    }

    /** Whether the Vector API kernels are in use. */
    public boolean usesVectorApi() {
        return simd();
    }

    @Override
    public String id() {
        return "core.rgba_to_nv12";
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.NV12;
    }
}
