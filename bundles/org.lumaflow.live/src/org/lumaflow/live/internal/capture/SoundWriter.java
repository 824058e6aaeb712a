package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Decoded sound to interleaved signed 16-bit stereo at 48 kHz ({@code swresample}) in one reused off-heap buffer:
 * {@link #convert} returns the sample frames written and leaves them in {@link #buffer()} from position 0. The
 * resampler is rebuilt only when the input format changes; a call allocates nothing. One capture thread owns it.
 */
final class SoundWriter implements AutoCloseable {

    /** Most sample frames one conversion returns (a decoded frame is rarely more than 0.1 s). */
    private static final int MAX = 48_000 / 2;

    private final AVChannelLayout stereo = new AVChannelLayout();
    private final AVFrame out = av_frame_alloc();
    private final ByteBuffer view;
    private SwrContext swr;
    private int inFormat = -2;
    private int inRate;
    private int inChannels;
    private final PointerPointer<?> outData;
    private AVFrame viewed;
    private AVChannelLayout inLayout;
    private PointerPointer<?> inData;

    SoundWriter() {
        av_channel_layout_default(stereo, BufferedSink.CHANNELS);
        out.format(AV_SAMPLE_FMT_S16);
        out.sample_rate(BufferedSink.SAMPLE_RATE);
        av_channel_layout_copy(out.ch_layout(), stereo);
        out.nb_samples(MAX);
        int r = av_frame_get_buffer(out, 0);
        if (r < 0) {
            throw new IllegalStateException("cannot allocate a sound buffer (" + FFmpeg.error(r) + ")");
        }
        view = out.data(0).capacity(MAX * 4L).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        outData = out.data();
    }

    /** The converted sample frames (interleaved s16 stereo) of the last {@link #convert}, from position 0. */
    ByteBuffer buffer() {
        return view;
    }

    /**
     * Converts {@code in}; returns the sample frames now in {@link #buffer()} (0 while the resampler fills its
     * delay) or a negative FFmpeg error.
     */
    int convert(AVFrame in) {
        if (in != viewed) {
            viewed = in;
            inLayout = in.ch_layout();
            inData = in.data();
        }
        int channels = inLayout.nb_channels();
        if (swr == null || in.format() != inFormat || in.sample_rate() != inRate || channels != inChannels) {
            int r = configure(in);
            if (r < 0) {
                return r;
            }
        }
        // data[] is extended_data up to 8 planes; more planar channels are rare enough to pay for the view
        PointerPointer<?> planes = channels > 8 ? in.extended_data() : inData;
        int r = swr_convert(swr, outData, MAX, planes, in.nb_samples());
        if (r < 0) {
            return r;
        }
        view.clear();
        return r;
    }

    private int configure(AVFrame in) {
        if (swr != null) {
            swr_free(swr);
        }
        swr = new SwrContext(null);
        inFormat = in.format();
        inRate = in.sample_rate();
        inChannels = inLayout.nb_channels();
        int r = swr_alloc_set_opts2(swr, stereo, AV_SAMPLE_FMT_S16, BufferedSink.SAMPLE_RATE, inLayout,
                inFormat, inRate, 0, null);
        if (r >= 0) {
            r = swr_init(swr);
        }
        if (r < 0) {
            swr_free(swr);
            swr = null;
        }
        return r;
    }

    @Override
    public void close() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
        av_frame_free(out);
        av_channel_layout_uninit(stereo);
    }
}
