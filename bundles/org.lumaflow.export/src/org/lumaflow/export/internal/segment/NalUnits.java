package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;

/**
 * Picture types from the bit stream itself (not from container flags): whether an H.264 / HEVC access unit holds an
 * IDR picture. Packets are length-prefixed (avcC / hvcC, the length size read from the extradata) or Annex B.
 */
final class NalUnits {

    private NalUnits() {
    }

    /** Bytes of each NAL length prefix, from avcC / hvcC extradata; 0 for Annex B (start codes). */
    static int lengthSize(int codecId, byte[] extradata) {
        if (extradata == null || extradata.length < 23 || extradata[0] != 1) {
            return extradata != null && extradata.length > 6 && extradata[0] == 1 && codecId == AV_CODEC_ID_H264
                    ? (extradata[4] & 3) + 1 : 0;
        }
        return codecId == AV_CODEC_ID_HEVC ? (extradata[21] & 3) + 1 : (extradata[4] & 3) + 1;
    }

    /**
     * Whether {@code data[0, size)} holds an IDR picture (H.264 NAL type 5; HEVC IDR_W_RADL / IDR_N_LP). Other codecs
     * (ProRes: every frame intra and independent) count as IDR when the container marks them as key frames, which the
     * caller decides.
     */
    static boolean idr(int codecId, byte[] data, int size, int lengthSize) {
        int i = 0;
        while (i < size) {
            int start;
            int end;
            if (lengthSize > 0) {
                if (i + lengthSize > size) {
                    return false;
                }
                long len = 0;
                for (int k = 0; k < lengthSize; k++) {
                    len = (len << 8) | (data[i + k] & 0xFF);
                }
                start = i + lengthSize;
                end = (int) Math.min(size, start + len);
            } else {
                int sc = startCode(data, i, size);
                if (sc < 0) {
                    return false;
                }
                start = sc;
                int next = nextStartCode(data, start, size);
                end = next < 0 ? size : next;
            }
            if (start < end && type(codecId, data[start]) ) {
                return true;
            }
            i = end;
        }
        return false;
    }

    private static boolean type(int codecId, byte header) {
        if (codecId == AV_CODEC_ID_H264) {
            return (header & 0x1F) == 5;
        }
        if (codecId == AV_CODEC_ID_HEVC) {
            int t = (header >> 1) & 0x3F;
            return t == 19 || t == 20;
        }
        return false;
    }

    /** Index just after the start code at or after {@code from}, or -1. */
    private static int startCode(byte[] d, int from, int size) {
        for (int i = from; i + 2 < size; i++) {
            if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Index of the next start code (its first zero) at or after {@code from}, or -1. */
    private static int nextStartCode(byte[] d, int from, int size) {
        for (int i = from; i + 2 < size; i++) {
            if (d[i] == 0 && d[i + 1] == 0 && (d[i + 2] == 1 || (i + 3 < size && d[i + 2] == 0 && d[i + 3] == 1))) {
                return i;
            }
        }
        return -1;
    }
}
