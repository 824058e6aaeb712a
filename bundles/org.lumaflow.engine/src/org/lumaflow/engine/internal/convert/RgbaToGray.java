package org.lumaflow.engine.internal.convert;

import java.nio.ByteBuffer;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/** {@code core.rgba_to_gray}: RGBA8 to GRAY8, full-range BT.709 luma (weights 0.2126, 0.7152, 0.0722). */
@Component(service = PixelConverter.class)
public final class RgbaToGray implements PixelConverter {

    @Override
    public String id() {
        return "core.rgba_to_gray";
    }

    @Override
    public PixelFormat from() {
        return PixelFormat.RGBA8;
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.GRAY8;
    }

    @Override
    public void convert(Frame src, Frame dst) {
        int w = src.width();
        BuiltinConverters.check(this, src, dst);
        ByteBuffer in = src.buffer();
        ByteBuffer out = dst.buffer();
        Parallel.rows(w, src.height(), (y0, y1) -> {
            for (int i = y0 * w, end = y1 * w; i < end; i++) {
                out.put(i, (byte) Bt709.luma(in.getInt(i * 4)));
            }
        });
    }
}
