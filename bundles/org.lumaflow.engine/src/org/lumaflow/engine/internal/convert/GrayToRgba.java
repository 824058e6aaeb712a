package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.gray_to_rgba}: GRAY8 to opaque grey RGBA8. */
@Component(service = PixelConverter.class)
public final class GrayToRgba implements PixelConverter {

    @Override
    public String id() {
        return "core.gray_to_rgba";
    }

    @Override
    public PixelFormat from() {
        return PixelFormat.GRAY8;
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.RGBA8;
    }

    @Override
    public void convert(Frame src, Frame dst) {
        BuiltinConverters.check(this, src, dst);
        ByteBuffer in = src.buffer();
        ByteBuffer out = dst.buffer();
        int n = src.width() * src.height();
        for (int i = 0; i < n; i++) {
            int v = in.get(i) & 0xFF;
            out.putInt(i * 4, 0xFF000000 | v * 0x010101);
        }
    }
}
