package org.lumaflow.live.internal.encode;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/** An opened encoder's codec set-up data (SPS/PPS, AudioSpecificConfig, OpusHead) as bytes. */
final class Extradata {

    private Extradata() {
    }

    /** The context's extradata, or an empty array when it exported none. */
    static byte[] of(AVCodecContext ctx) {
        if (ctx.extradata() == null || ctx.extradata_size() <= 0) {
            return new byte[0];
        }
        byte[] b = new byte[ctx.extradata_size()];
        ctx.extradata().get(b);
        return b;
    }
}
