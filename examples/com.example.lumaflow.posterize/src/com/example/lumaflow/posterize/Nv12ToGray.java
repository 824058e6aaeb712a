package com.example.lumaflow.posterize;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.service.component.annotations.Component;

/**
 * {@code example.nv12_to_gray}: NV12 to GRAY8, the luma plane expanded from limited (16..235) to full range. No
 * built-in converter handles this pair; for a pair that has one, the {@code service.ranking} property decides
 * (highest wins, built-ins have 0).
 */
@Component(service = PixelConverter.class)
public final class Nv12ToGray implements PixelConverter {

    private static final byte[] EXPAND = new byte[256];

    static {
        for (int y = 0; y < 256; y++) {
            EXPAND[y] = (byte) Math.max(0, Math.min(255, Math.round((y - 16) * 255f / 219f)));
        }
    }

    @Override
    public String id() {
        return "example.nv12_to_gray";
    }

    @Override
    public PixelFormat from() {
        return PixelFormat.NV12;
    }

    @Override
    public PixelFormat to() {
        return PixelFormat.GRAY8;
    }

    @Override
    public void convert(Frame src, Frame dst) {
        if (src.width() != dst.width() || src.height() != dst.height() || src.format() != from()
                || dst.format() != to()) {
            throw new IllegalArgumentException(id() + ": cannot convert " + src.key() + " into " + dst.key());
        }
        ByteBuffer in = src.buffer();
        ByteBuffer out = dst.buffer();
        for (int i = 0, n = src.width() * src.height(); i < n; i++) {
            out.put(i, EXPAND[in.get(i) & 0xFF]);
        }
    }
}
