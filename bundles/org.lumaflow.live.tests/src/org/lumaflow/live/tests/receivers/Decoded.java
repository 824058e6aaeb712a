package org.lumaflow.live.tests.receivers;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * What a received file holds, decoded with FFmpeg: picture count and size, the frame numbers read back from
 * {@link TestSignal}'s blocks, whether the colour bars survived, decode errors, and audio.
 *
 * @param frames      pictures decoded
 * @param width       picture width
 * @param height      picture height
 * @param numbers     frame numbers (mod 256) read from each picture, in order
 * @param badBars     pictures whose colour bars were off by more than 24 code values
 * @param errors      packets the decoder rejected
 * @param audioCodec  the audio stream's codec name, or null
 * @param audioPackets audio packets read
 * @param container   FFmpeg's name of the container
 */
public record Decoded(int frames, int width, int height, List<Integer> numbers, int badBars, int errors,
        String audioCodec, int audioPackets, String container) {

    /** Decodes every picture of {@code input} (a file path or URL). */
    public static Decoded of(String input) {
        return of(input, picture -> {
        });
    }

    /** Decodes every picture of {@code input}, handing each to {@code each} (valid only during the call) too. */
    public static Decoded of(String input, Consumer<AVFrame> each) {
        FFmpeg.load();
        AVFormatContext ic = new AVFormatContext(null);
        AVDictionary opts = new AVDictionary(null);
        int r = avformat_open_input(ic, input, null, opts);
        av_dict_free(opts);
        if (r < 0) {
            throw new AssertionError("cannot open " + input + ": " + FFmpeg.error(r));
        }
        try {
            avformat_find_stream_info(ic, (AVDictionary) null);
            int vs = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            int as = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (vs < 0) {
                throw new AssertionError(input + ": no video stream");
            }
            AVCodec codec = avcodec_find_decoder(ic.streams(vs).codecpar().codec_id());
            AVCodecContext dec = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(dec, ic.streams(vs).codecpar());
            avcodec_open2(dec, codec, (AVDictionary) null);
            String audioCodec = as < 0 ? null : avcodec_get_name(ic.streams(as).codecpar().codec_id()).getString();
            AVPacket pkt = av_packet_alloc();
            AVFrame frame = av_frame_alloc();
            List<Integer> numbers = new ArrayList<>();
            int[] counters = new int[4]; // frames, badBars, errors, audio
            int[] size = new int[2];
            while (av_read_frame(ic, pkt) >= 0) {
                if (pkt.stream_index() == vs) {
                    if (avcodec_send_packet(dec, pkt) < 0) {
                        counters[2]++;
                    }
                    receive(dec, frame, numbers, counters, size, each);
                } else if (pkt.stream_index() == as) {
                    counters[3]++;
                }
                av_packet_unref(pkt);
            }
            avcodec_send_packet(dec, null);
            receive(dec, frame, numbers, counters, size, each);
            String container = ic.iformat().name().getString();
            av_frame_free(frame);
            av_packet_free(pkt);
            avcodec_free_context(dec);
            return new Decoded(counters[0], size[0], size[1], numbers, counters[1], counters[2], audioCodec,
                    counters[3], container);
        } finally {
            avformat_close_input(ic);
        }
    }

    private static void receive(AVCodecContext dec, AVFrame f, List<Integer> numbers, int[] counters, int[] size,
            Consumer<AVFrame> each) {
        while (avcodec_receive_frame(dec, f) >= 0) {
            counters[0]++;
            int w = f.width();
            int h = f.height();
            size[0] = w;
            size[1] = h;
            BytePointer y = f.data(0);
            int ls = f.linesize(0);
            int n = 0;
            for (int bit = 0; bit < 8; bit++) {
                int x = (bit * w / 8) + w / 16;
                int row = h * 7 / 8;
                n = (n << 1) | ((y.get((long) row * ls + x) & 0xff) > 125 ? 1 : 0);
            }
            numbers.add(n);
            boolean bad = false;
            boolean nv12 = f.format() == AV_PIX_FMT_NV12;
            for (int b = 0; b < 4; b++) {
                int x = b * w / 4 + w / 8;
                int row = h / 4;
                int yy = y.get((long) row * ls + x) & 0xff;
                int u;
                int v;
                if (nv12) {
                    long o = (long) (row / 2) * f.linesize(1) + (x / 2) * 2;
                    u = f.data(1).get(o) & 0xff;
                    v = f.data(1).get(o + 1) & 0xff;
                } else {
                    u = f.data(1).get((long) (row / 2) * f.linesize(1) + x / 2) & 0xff;
                    v = f.data(2).get((long) (row / 2) * f.linesize(2) + x / 2) & 0xff;
                }
                int[] e = TestSignal.BARS[b];
                bad |= Math.abs(yy - e[0]) > 24 || Math.abs(u - e[1]) > 24 || Math.abs(v - e[2]) > 24;
            }
            if (bad) {
                counters[1]++;
            }
            each.accept(f);
            av_frame_unref(f);
        }
    }

    /** Longest run of consecutive frame numbers (mod 256). */
    public int longestRun() {
        int best = numbers.isEmpty() ? 0 : 1;
        int run = 1;
        for (int i = 1; i < numbers.size(); i++) {
            run = numbers.get(i) == ((numbers.get(i - 1) + 1) & 255) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Places where the frame numbers jump (not +1). */
    public int gaps() {
        int g = 0;
        for (int i = 1; i < numbers.size(); i++) {
            if (numbers.get(i) != ((numbers.get(i - 1) + 1) & 255)) {
                g++;
            }
        }
        return g;
    }
}
