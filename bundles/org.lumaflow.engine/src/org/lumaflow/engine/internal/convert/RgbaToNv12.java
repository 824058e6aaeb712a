package org.lumaflow.engine.internal.convert;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.rgba_to_nv12}: RGBA8 to NV12, BT.709 limited range (scalar reference). */
@Component(service = PixelConverter.class)
public final class RgbaToNv12 extends Yuv420Converter {

    @Override
    public String id() {
        return "core.rgba_to_nv12";
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.NV12;
    }
}
