package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avcodec.*;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;

/** Opening a live input's decoders (low delay: slice threads only) and reading its stream's rate and time base. */
final class Decoders {

    private Decoders() {
    }

    /** Opens the decoder of {@code st}; fails naming the source. */
    static AVCodecContext open(InputSpec spec, AVStream st, boolean video) throws LiveException {
        AVCodecParameters par = st.codecpar();
        AVCodec dec = avcodec_find_decoder(par.codec_id());
        String what = video ? "pictures" : "sound";
        if (dec == null) {
            throw new LiveException(spec.name() + ": no decoder for its " + what + " ("
                    + avcodec_get_name(par.codec_id()).getString() + ")");
        }
        AVCodecContext c = avcodec_alloc_context3(dec);
        avcodec_parameters_to_context(c, par);
        c.pkt_timebase(st.time_base());
        if (video) {
            c.flags(c.flags() | AV_CODEC_FLAG_LOW_DELAY);
            c.thread_type(2); // FF_THREAD_SLICE: frame threads would add a frame of delay per thread
            c.thread_count(0);
        }
        int r = avcodec_open2(c, dec, (AVDictionary) null);
        if (r < 0) {
            avcodec_free_context(c);
            throw new LiveException(spec.name() + ": cannot decode its " + what + " ("
                    + org.lumaflow.media.ffmpeg.FFmpeg.error(r) + ")");
        }
        return c;
    }

    /** The stream's frame rate (average, else real base), 30 when it says nothing sensible. */
    static FrameRate rate(AVStream st) {
        AVRational r = st.avg_frame_rate();
        if (r.num() <= 0 || r.den() <= 0 || r.num() / (double) r.den() > 240) {
            r = st.r_frame_rate();
        }
        if (r.num() <= 0 || r.den() <= 0 || r.num() / (double) r.den() > 240) {
            return FrameRate.FPS_30;
        }
        return new FrameRate(r.num(), r.den());
    }

    /** Seconds per tick of a time base. */
    static double seconds(AVRational tb) {
        return tb.den() == 0 ? 0 : tb.num() / (double) tb.den();
    }
}
