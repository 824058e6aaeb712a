package org.lumaflow.live.internal.encode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** H.264 Annex B helpers on packet buffers (absolute reads: no allocation, the buffer's position is kept). */
public final class Nal {

    private Nal() {
    }

    /**
     * Whether every slice NAL unit of the access unit in {@code b[0, size)} has {@code nal_ref_idc} 0 (no picture
     * refers to it, so it may be dropped). False when no slice is found.
     */
    public static boolean disposable(ByteBuffer b, int size) {
        boolean slice = false;
        for (int i = next(b, 0, size); i >= 0 && i < size; i = next(b, i, size)) {
            int h = b.get(i) & 0xff;
            int type = h & 0x1f;
            if (type == 1 || type == 5) {
                if ((h & 0x60) != 0) {
                    return false;
                }
                slice = true;
            }
        }
        return slice;
    }

    /** Whether the access unit holds an IDR slice. */
    public static boolean idr(ByteBuffer b, int size) {
        for (int i = next(b, 0, size); i >= 0 && i < size; i = next(b, i, size)) {
            if ((b.get(i) & 0x1f) == 5) {
                return true;
            }
        }
        return false;
    }

    /** Clears {@code nal_ref_idc} of every slice (test support: makes a picture non-reference for the drop rules). */
    public static void clearRefIdc(ByteBuffer b, int size) {
        for (int i = next(b, 0, size); i >= 0 && i < size; i = next(b, i, size)) {
            int h = b.get(i) & 0xff;
            if ((h & 0x1f) == 1) {
                b.put(i, (byte) (h & 0x9f));
            }
        }
    }

    /**
     * The SPS and PPS NAL units of the access unit, each with a 4-byte start code (the extradata muxers want), or an
     * empty array when there are none. Allocates (called once per connection).
     */
    public static byte[] parameterSets(ByteBuffer b, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = next(b, 0, size); i >= 0 && i < size; ) {
            int type = b.get(i) & 0x1f;
            int n = next(b, i, size);
            int end = n < 0 ? size : startOf(b, n);
            if (type == 7 || type == 8) {
                out.write(0);
                out.write(0);
                out.write(0);
                out.write(1);
                for (int k = i; k < end; k++) {
                    out.write(b.get(k));
                }
            }
            i = n;
        }
        return out.toByteArray();
    }

    /** Position of the byte after the next start code at or after {@code from}, or -1. */
    private static int next(ByteBuffer b, int from, int size) {
        for (int i = from; i + 2 < size; i++) {
            if (b.get(i) == 0 && b.get(i + 1) == 0 && b.get(i + 2) == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Start of the start code that ends just before {@code nalStart} (3 or 4 bytes, trailing zeros trimmed). */
    private static int startOf(ByteBuffer b, int nalStart) {
        int i = nalStart - 3;
        while (i > 0 && b.get(i - 1) == 0) {
            i--;
        }
        return i;
    }
}
