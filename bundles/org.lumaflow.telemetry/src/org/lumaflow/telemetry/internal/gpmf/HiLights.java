package org.lumaflow.telemetry.internal.gpmf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * GoPro HiLight tags of HERO5 and later: the MP4's {@code moov/udta/HMMT} box, a 32-bit count then that many
 * millisecond times (big-endian).
 */
final class HiLights {

    private static final long MAX_MOOV = 256L << 20;

    private HiLights() {
    }

    /** The HiLight times in seconds (empty when the file has none or is not an ISO media file). */
    static double[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            long size = ch.size();
            ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            while (pos + 8 <= size) {
                h.clear();
                ch.read(h, pos);
                long len = h.getInt(0) & 0xffffffffL;
                int type = h.getInt(4);
                int header = 8;
                if (len == 1) {
                    len = h.getLong(8);
                    header = 16;
                } else if (len == 0) {
                    len = size - pos;
                }
                if (len < header) {
                    return new double[0];
                }
                if (type == Klv.key("moov")) {
                    if (len > MAX_MOOV) {
                        return new double[0];
                    }
                    ByteBuffer moov = ByteBuffer.allocate((int) (len - header));
                    ch.read(moov, pos + header);
                    return fromMoov(moov.flip());
                }
                pos += len;
            }
        }
        return new double[0];
    }

    private static double[] fromMoov(ByteBuffer moov) {
        int udta = child(moov, 0, moov.limit(), Klv.key("udta"));
        if (udta < 0) {
            return new double[0];
        }
        int end = udta + moov.getInt(udta);
        int hmmt = child(moov, udta + 8, end, Klv.key("HMMT"));
        if (hmmt < 0 || moov.getInt(hmmt) < 12) {
            return new double[0];
        }
        int count = moov.getInt(hmmt + 8);
        int max = (moov.getInt(hmmt) - 12) / 4;
        count = Math.max(0, Math.min(count, max));
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = (moov.getInt(hmmt + 12 + 4 * i) & 0xffffffffL) / 1000.0;
        }
        return t;
    }

    /** Offset of the first child box of type {@code type} in {@code [start, end)}, or -1. */
    private static int child(ByteBuffer b, int start, int end, int type) {
        int p = start;
        while (p + 8 <= end) {
            int len = b.getInt(p);
            if (len < 8 || p + (long) len > end) {
                return -1;
            }
            if (b.getInt(p + 4) == type) {
                return p;
            }
            p += len;
        }
        return -1;
    }
}
