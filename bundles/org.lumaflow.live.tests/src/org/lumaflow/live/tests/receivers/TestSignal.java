package org.lumaflow.live.tests.receivers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * Pictures and sound that can be recognised after encoding and decoding: four big colour bars in the top half and the
 * frame number (mod 256) as eight black/white blocks in the bottom quarter; a 440 Hz tone.
 */
public final class TestSignal {

    /** The bars' BT.709 limited-range Y, U, V: red, green, blue, grey. */
    public static final int[][] BARS = {{63, 102, 240}, {173, 42, 26}, {32, 240, 118}, {126, 128, 128}};

    private TestSignal() {
    }

    /** Writes picture {@code number} into {@code f} (NV12). */
    public static void draw(Frame f, int number) {
        if (f.format() != PixelFormat.NV12) {
            throw new IllegalArgumentException("NV12 only");
        }
        int w = f.width();
        int h = f.height();
        ByteBuffer b = f.buffer();
        int chroma = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int yv;
                int u = 128;
                int v = 128;
                if (y < h / 2) {
                    int[] bar = BARS[x * 4 / w];
                    yv = bar[0];
                    u = bar[1];
                    v = bar[2];
                } else if (y >= h * 3 / 4) {
                    int bit = 7 - x * 8 / w;
                    yv = ((number >> bit) & 1) != 0 ? 235 : 16;
                } else {
                    yv = 16 + (x * 219 / w);
                }
                b.put(y * w + x, (byte) yv);
                if ((x & 1) == 0 && (y & 1) == 0) {
                    int o = chroma + (y / 2) * w + x;
                    b.put(o, (byte) u);
                    b.put(o + 1, (byte) v);
                }
            }
        }
    }

    /** Redraws only the frame-number blocks of a picture drawn by {@link #draw} (cheap: the bottom quarter). */
    public static void number(Frame f, int number) {
        int w = f.width();
        int h = f.height();
        ByteBuffer b = f.buffer();
        for (int y = h * 3 / 4; y < h; y++) {
            for (int bit = 0; bit < 8; bit++) {
                byte v = (byte) (((number >> (7 - bit)) & 1) != 0 ? 235 : 16);
                int x0 = (bit * w + 7) / 8;
                int x1 = ((bit + 1) * w + 7) / 8;
                for (int x = x0; x < x1; x++) {
                    b.put(y * w + x, v);
                }
            }
        }
    }

    /** {@code samples} frames of a 440 Hz stereo s16 tone starting at sample {@code start}, in a direct buffer. */
    public static ByteBuffer tone(ByteBuffer reuse, long start, int samples) {
        ByteBuffer b = reuse != null && reuse.capacity() >= samples * 4 ? reuse
                : ByteBuffer.allocateDirect(samples * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.clear();
        for (int i = 0; i < samples; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * (start + i) / 48000.0));
            b.putShort(s).putShort(s);
        }
        b.flip();
        return b;
    }
}
