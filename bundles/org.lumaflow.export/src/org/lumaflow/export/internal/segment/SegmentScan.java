package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.time.FrameRate;

/**
 * What a committed segment holds, read without decoding: its packets' frame numbers (from their timestamps), how far
 * decode order runs ahead of display order (the reorder delay), a digest of its packets, and whether it starts with an
 * IDR. Also the digest of a run of packets elsewhere (the joined file), computed the same way.
 */
final class SegmentScan {

    /** A digest over packet bytes and key flags, in decode order. */
    static final class PacketDigest {
        private final MessageDigest md;
        private final byte[] flag = new byte[1];

        PacketDigest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] data, int size, boolean key) {
            md.update(data, 0, size);
            flag[0] = (byte) (key ? 1 : 0);
            md.update(flag);
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    final int frames;
    final String digest;
    final int delay;
    final boolean idrFirst;
    final byte[] extradata;
    final int width;
    final int height;
    final int codecId;
    final int format;
    /** Frame number of the segment's first frame in its own timestamps (normally 0). */
    long base;

    private SegmentScan(int frames, String digest, int delay, boolean idrFirst, byte[] extradata, int width,
            int height, int codecId, int format) {
        this.frames = frames;
        this.digest = digest;
        this.delay = delay;
        this.idrFirst = idrFirst;
        this.extradata = extradata;
        this.width = width;
        this.height = height;
        this.codecId = codecId;
        this.format = format;
    }

    /** Frame number (at {@code rate}) of timestamp {@code ts} in time base {@code tb}, rounded to nearest. */
    static long frameOf(long ts, AVRational tb, FrameRate rate) {
        return av_rescale_q_rnd(ts, tb, av_make_q(rate.den(), rate.num()), AV_ROUND_NEAR_INF | AV_ROUND_PASS_MINMAX);
    }

    /**
     * Scans a segment; {@code expected} frames must be there with frame numbers exactly 0..expected-1 (after the
     * first), else the message says what is wrong.
     */
    static SegmentScan of(PacketReader in, long expected, FrameRate rate, String what) throws IOException {
        var p = in.videoParams();
        byte[] extra = in.extradata();
        int lengthSize = NalUnits.lengthSize(p.codec_id(), extra);
        AVRational tb = in.videoTimeBase();
        PacketDigest digest = new PacketDigest();
        long[] frameNos = new long[(int) Math.min(expected + 16, Integer.MAX_VALUE - 8)];
        int n = 0;
        boolean idrFirst = false;
        while (in.next()) {
            if (!in.isVideo()) {
                continue;
            }
            if (in.packet.pts() == AV_NOPTS_VALUE) {
                throw new IOException(what + ": packet " + n + " has no timestamp");
            }
            if (n >= frameNos.length) {
                throw new IOException(what + ": more than the planned " + expected + " frames");
            }
            if (n == 0) {
                idrFirst = in.key() && (Planner.intraOnly(p.codec_id())
                        || NalUnits.idr(p.codec_id(), in.data, in.size, lengthSize));
            }
            frameNos[n++] = frameOf(in.packet.pts(), tb, rate);
            digest.add(in.data, in.size, in.key());
        }
        if (n != expected) {
            throw new IOException(what + ": " + n + " frames, the plan says " + expected);
        }
        long[] sorted = Arrays.copyOf(frameNos, n);
        Arrays.sort(sorted);
        long base = sorted[0];
        int delay = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i] != base + i) {
                throw new IOException(what + ": frame timestamps are not continuous (frame " + i + " of the segment"
                        + " has number " + (sorted[i] - base) + ")");
            }
            delay = (int) Math.max(delay, i - (frameNos[i] - base));
        }
        SegmentScan scan = new SegmentScan(n, digest.hex(), delay, idrFirst, extra, p.width(), p.height(),
                p.codec_id(), p.format());
        scan.base = base;
        return scan;
    }
}
