package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * A machine-readable frame number drawn into a picture as large black and white blocks, read back after compression
 * and scaling: the test source draws it, tests and the latency benchmark read it at the receiver.
 * <p>
 * Layout, relative to the frame width {@code W} so that a scaled picture reads the same: a band {@value #CELLS} cells
 * wide at the top left, each cell {@code W/48} wide and the band {@code 2 * W/48} high. Cell 0 is white and cell 1 is
 * black (the reader's calibration), cells 2..33 hold the 32-bit number (most significant bit first, white = 1), cells
 * 34..41 a CRC-8 of its four bytes. The reader averages the middle of each cell (half its width, the upper cell of
 * the band) and thresholds halfway between the calibration cells, so it tolerates H.264 ringing and chroma
 * subsampling; the checksum rejects a frame without a stamp or a misread. Allocation free.
 */
public final class FrameStamp {

    /** Cells per frame width. */
    public static final int DIVISIONS = 48;
    /** Cells used: 2 calibration, 32 number bits, 8 checksum bits. */
    public static final int CELLS = 42;
    /** What the readers return when no valid stamp is found. */
    public static final long NONE = -1;

    private FrameStamp() {
    }

    /** The height of the stamp band in a frame {@code width} pixels wide (pixels below it are not touched). */
    public static int bandHeight(int width) {
        return 2 * Math.max(1, width / DIVISIONS);
    }

    /** Left edge of cell {@code i} in a frame {@code width} wide (cell {@link #CELLS} = right edge of the band). */
    public static int cellLeft(int i, int width) {
        return (int) ((long) i * width / DIVISIONS);
    }

    /** Whether cell {@code i} is white for {@code number}. */
    public static boolean white(int i, long number) {
        int n = (int) number;
        if (i == 0) {
            return true;
        }
        if (i == 1) {
            return false;
        }
        if (i < 34) {
            return ((n >>> (31 - (i - 2))) & 1) != 0;
        }
        return ((crc8(n) >>> (7 - (i - 34))) & 1) != 0;
    }

    /**
     * Draws {@code number} (its low 32 bits) into {@code frame}: RGBA8 (opaque black/white), GRAY8, NV12 or I420
     * (limited-range luma 16/235, neutral chroma).
     */
    public static void write(Frame frame, long number) {
        ByteBuffer b = frame.buffer();
        int w = frame.width();
        int h = frame.height();
        int band = Math.min(h, bandHeight(w));
        PixelFormat f = frame.format();
        for (int i = 0; i < CELLS; i++) {
            int x0 = cellLeft(i, w);
            int x1 = cellLeft(i + 1, w);
            boolean on = white(i, number);
            if (f == PixelFormat.RGBA8) {
                int px = on ? 0xFFFFFFFF : 0xFF000000;
                for (int y = 0; y < band; y++) {
                    int row = y * w * 4;
                    for (int x = x0; x < x1; x++) {
                        b.putInt(row + x * 4, px);
                    }
                }
            } else {
                byte luma = (byte) (f == PixelFormat.GRAY8 ? (on ? 255 : 0) : (on ? 235 : 16));
                for (int y = 0; y < band; y++) {
                    for (int x = x0; x < x1; x++) {
                        b.put(y * w + x, luma);
                    }
                }
            }
        }
        if (f == PixelFormat.NV12 || f == PixelFormat.I420) {
            neutralChroma(frame, band);
        }
    }

    private static void neutralChroma(Frame frame, int band) {
        ByteBuffer b = frame.buffer();
        int w = frame.width();
        int h = frame.height();
        int xEnd = cellLeft(CELLS, w) / 2 + 1;
        int rows = (band + 1) / 2;
        PixelFormat f = frame.format();
        for (int p = 1; p < f.planes(); p++) {
            int stride = f.stride(p, w);
            int off = (int) f.planeOffset(p, w, h);
            int bytes = f == PixelFormat.NV12 ? Math.min(stride, xEnd * 2) : Math.min(stride, xEnd);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < bytes; x++) {
                    b.put(off + y * stride + x, (byte) 128);
                }
            }
        }
    }

    /** Reads the stamp from a frame (RGBA8, GRAY8, NV12 or I420); {@link #NONE} when none is found. */
    public static long read(Frame frame) {
        if (frame.format() == PixelFormat.RGBA8) {
            return readRgba(frame.buffer(), 0, frame.width(), frame.height(), frame.width() * 4);
        }
        return readLuma(frame.buffer(), 0, frame.width(), frame.height(), frame.width());
    }

    /** Reads the stamp from RGBA8 pixels at {@code offset} in {@code b}, rows {@code stride} bytes apart. */
    public static long readRgba(ByteBuffer b, int offset, int width, int height, int stride) {
        return decode(b, offset, width, height, stride, 4);
    }

    /** Reads the stamp from an 8-bit luma plane (NV12/I420 Y, a decoded picture's Y) at {@code offset}. */
    public static long readLuma(ByteBuffer b, int offset, int width, int height, int stride) {
        return decode(b, offset, width, height, stride, 1);
    }

    private static long decode(ByteBuffer b, int offset, int width, int height, int stride, int bpp) {
        if (width < DIVISIONS || height < 2) {
            return NONE;
        }
        int cell = width / DIVISIONS;
        int y0 = Math.min(height - 1, cell / 4);
        int y1 = Math.min(height, Math.max(y0 + 1, cell * 3 / 4));
        int white = mean(b, offset, stride, bpp, 0, width, y0, y1);
        int black = mean(b, offset, stride, bpp, 1, width, y0, y1);
        if (white - black < 48) {
            return NONE;
        }
        int threshold = (white + black) / 2;
        int n = 0;
        for (int i = 2; i < 34; i++) {
            n = (n << 1) | (mean(b, offset, stride, bpp, i, width, y0, y1) > threshold ? 1 : 0);
        }
        int crc = 0;
        for (int i = 34; i < CELLS; i++) {
            crc = (crc << 1) | (mean(b, offset, stride, bpp, i, width, y0, y1) > threshold ? 1 : 0);
        }
        return crc == crc8(n) ? n & 0xFFFFFFFFL : NONE;
    }

    /** Mean brightness of the middle half of cell {@code i} (rows y0..y1); RGBA as (R + 2G + B) / 4. */
    private static int mean(ByteBuffer b, int offset, int stride, int bpp, int i, int width, int y0, int y1) {
        int l = cellLeft(i, width);
        int r = cellLeft(i + 1, width);
        int q = (r - l) / 4;
        int x0 = l + q;
        int x1 = Math.max(x0 + 1, r - q);
        long sum = 0;
        int count = 0;
        for (int y = y0; y < y1; y++) {
            int row = offset + y * stride;
            for (int x = x0; x < x1; x++) {
                if (bpp == 4) {
                    int p = row + x * 4;
                    sum += ((b.get(p) & 0xFF) + 2 * (b.get(p + 1) & 0xFF) + (b.get(p + 2) & 0xFF)) >> 2;
                } else {
                    sum += b.get(row + x) & 0xFF;
                }
                count++;
            }
        }
        return (int) (sum / count);
    }

    /** CRC-8 (polynomial 0x07) of the four big-endian bytes of {@code n}, xored with 0x55 so 0 is not all black. */
    static int crc8(int n) {
        int crc = 0;
        for (int k = 3; k >= 0; k--) {
            crc ^= (n >>> (k * 8)) & 0xFF;
            for (int j = 0; j < 8; j++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc ^ 0x55;
    }
}
