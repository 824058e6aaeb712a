package org.lumaflow.engine.internal.convert;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.rgba_to_i420}: RGBA8 to I420, BT.709 limited range (scalar reference). */
@Component(service = PixelConverter.class)
public final class RgbaToI420 extends Yuv420Converter {

    @Override
    public String id() {
        return "core.rgba_to_i420";
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.I420;
    }
}
