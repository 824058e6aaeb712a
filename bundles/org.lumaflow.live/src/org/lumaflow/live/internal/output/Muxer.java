package org.lumaflow.live.internal.output;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.lumaflow.live.EncodedPacket;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.lumaflow.live.internal.encode.PooledPacket;
import org.lumaflow.media.ffmpeg.BufferPointers;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * One FFmpeg muxer connection (a file, an SRT/RTMP socket, a WHIP session) writing our encoded packets by pointer:
 * no copy on our side, nothing allocated per packet. Send thread only.
 */
final class Muxer implements AutoCloseable {

    private final String what;
    private final AVFormatContext oc;
    private final AVPacket packet = av_packet_alloc();
    private final BufferPointers pointers = new BufferPointers();
    private final int videoIndex;
    private final int audioIndex;
    private final long[] tbNum = new long[2];
    private final long[] tbDen = new long[2];
    private boolean headerWritten;
    private long firstDts = Long.MIN_VALUE;

    /**
     * Opens the muxer and writes the header.
     *
     * @param what       the output's masked name (for errors)
     * @param format     FFmpeg muxer ({@code mp4}, {@code matroska}, {@code mpegts}, {@code flv}, {@code whip})
     * @param url        where to write (a path or URL; may hold secrets, never shown)
     * @param ioOptions  protocol options (avio_open2)
     * @param fmtOptions muxer options (avformat_write_header)
     * @param audioCodec the audio stream's codec, or null for none
     * @param sps        H.264 SPS/PPS in Annex B (from the first keyframe) for the stream's set-up
     */
    Muxer(String what, String format, String url, Map<String, String> ioOptions, Map<String, String> fmtOptions,
            StreamFormat f, String audioCodec, byte[] sps, boolean file) throws LiveException {
        FFmpeg.load();
        this.what = what;
        AVFormatContext o = new AVFormatContext(null);
        FFmpeg.clearLog();
        int r = avformat_alloc_output_context2(o, null, format, url);
        if (r < 0 || o.isNull()) {
            av_packet_free(packet);
            throw new LiveException(what + ": no " + format + " muxer (" + explain(r) + ")");
        }
        this.oc = o;
        AVDictionary io = dict(ioOptions);
        AVDictionary fmt = dict(fmtOptions);
        try {
            AVStream vs = avformat_new_stream(oc, null);
            AVCodecParameters vp = vs.codecpar();
            vp.codec_type(AVMEDIA_TYPE_VIDEO);
            vp.codec_id(AV_CODEC_ID_H264);
            vp.width(f.width());
            vp.height(f.height());
            vp.format(AV_PIX_FMT_YUV420P);
            vp.bit_rate(f.bitrate());
            vp.color_range(AVCOL_RANGE_MPEG);
            vp.color_space(AVCOL_SPC_BT709);
            vp.color_primaries(AVCOL_PRI_BT709);
            vp.color_trc(AVCOL_TRC_BT709);
            vp.sample_aspect_ratio(av_make_q(1, 1));
            byte[] extra = sps != null && sps.length > 0 ? sps : f.videoExtradata();
            setExtradata(vp, extra);
            vs.time_base(av_make_q(1, 1_000_000));
            vs.avg_frame_rate(av_make_q(f.rate().num(), f.rate().den()));
            vs.r_frame_rate(av_make_q(f.rate().num(), f.rate().den()));
            videoIndex = vs.index();
            if (audioCodec != null && f.hasAudio()) {
                AVStream as = avformat_new_stream(oc, null);
                AVCodecParameters ap = as.codecpar();
                ap.codec_type(AVMEDIA_TYPE_AUDIO);
                ap.codec_id(audioCodec.equals("opus") ? AV_CODEC_ID_OPUS : AV_CODEC_ID_AAC);
                ap.sample_rate(f.sampleRate());
                av_channel_layout_default(ap.ch_layout(), f.channels());
                ap.frame_size(audioCodec.equals("opus") ? 960 : 1024);
                ap.format(audioCodec.equals("opus") ? AV_SAMPLE_FMT_FLT : AV_SAMPLE_FMT_FLTP);
                ap.bit_rate(audioCodec.equals("opus") ? 128_000 : 160_000);
                if (audioCodec.equals("opus")) {
                    ap.initial_padding(312);
                }
                setExtradata(ap, f.audioExtradata().getOrDefault(audioCodec, new byte[0]));
                as.time_base(av_make_q(1, f.sampleRate()));
                audioIndex = as.index();
            } else {
                audioIndex = -1;
            }
            if (file) {
                oc.avoid_negative_ts(AVFormatContext.AVFMT_AVOID_NEG_TS_MAKE_ZERO);
            }
            oc.flags(oc.flags() | AVFormatContext.AVFMT_FLAG_FLUSH_PACKETS);
            if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                FFmpeg.clearLog();
                r = avio_open2(pb, url, AVIO_FLAG_WRITE, null, io);
                if (r < 0) {
                    throw new LiveException(what + ": cannot " + (file ? "write" : "connect") + " (" + explain(r)
                            + ")");
                }
                oc.pb(pb);
            }
            FFmpeg.clearLog();
            r = avformat_write_header(oc, fmt);
            if (r < 0) {
                throw new LiveException(what + ": cannot start the " + format + " stream (" + explain(r) + ")");
            }
            headerWritten = true;
            for (int i = 0; i < oc.nb_streams(); i++) {
                AVRational tb = oc.streams(i).time_base();
                tbNum[i] = tb.num();
                tbDen[i] = tb.den();
            }
        } catch (LiveException | RuntimeException e) {
            free(false);
            throw e;
        } finally {
            av_dict_free(io);
            av_dict_free(fmt);
        }
    }

    private static AVDictionary dict(Map<String, String> m) {
        AVDictionary d = new AVDictionary(null);
        m.forEach((k, v) -> av_dict_set(d, k, v, 0));
        return d;
    }

    private static void setExtradata(AVCodecParameters p, byte[] extra) {
        if (extra == null || extra.length == 0) {
            return;
        }
        BytePointer e = new BytePointer(av_mallocz(extra.length + AV_INPUT_BUFFER_PADDING_SIZE));
        e.put(extra);
        p.extradata(e);
        p.extradata_size(extra.length);
    }

    /** FFmpeg's text for {@code r} and its last logged error, masked. */
    static String explain(int r) {
        String s = FFmpeg.explain(r);
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip(); // e.g. the whip muxer logs its whole SDP offer after the error
        }
        if (s.endsWith(",") || s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replaceFirst(", offer: v=0$", "");
        if (s.length() > 240) {
            s = s.substring(0, 240) + "...";
        }
        return Secrets.mask(s);
    }

    /** Whether the output carries {@code stream} ({@link EncodedPacket#VIDEO}/{@link EncodedPacket#AUDIO}). */
    boolean carries(int stream) {
        return stream == EncodedPacket.VIDEO || audioIndex >= 0;
    }

    /** Writes one packet (by pointer). */
    void write(EncodedPacket p) throws LiveException {
        int index = p.stream() == EncodedPacket.VIDEO ? videoIndex : audioIndex;
        if (index < 0) {
            return;
        }
        if (firstDts == Long.MIN_VALUE) {
            firstDts = p.dtsMicros();
        } else if (p.dtsMicros() < firstDts) {
            return; // sound from before the first keyframe: FLV (and players) want nothing earlier than the start
        }
        BytePointer data = p instanceof PooledPacket pp ? pp.pointer() : pointers.of(p.data());
        int size = p.data().limit();
        packet.data(data);
        packet.size(size);
        packet.stream_index(index);
        packet.pts(av_rescale(p.ptsMicros(), tbDen[index], tbNum[index] * 1_000_000L));
        packet.dts(av_rescale(p.dtsMicros(), tbDen[index], tbNum[index] * 1_000_000L));
        packet.duration(0);
        packet.pos(-1);
        packet.flags(p.keyframe() ? AV_PKT_FLAG_KEY : 0);
        int r = av_write_frame(oc, packet);
        packet.data(null);
        packet.size(0);
        if (r < 0) {
            throw new LiveException(what + ": sending failed (" + explain(r) + ")");
        }
    }

    /** Finishes cleanly (trailer) when {@code trailer}, then closes. */
    void finish(boolean trailer) throws LiveException {
        int r = 0;
        if (trailer && headerWritten) {
            FFmpeg.clearLog();
            r = av_write_trailer(oc);
        }
        free(true);
        if (r < 0) {
            throw new LiveException(what + ": finishing failed (" + explain(r) + ")");
        }
    }

    private boolean freed;

    private void free(boolean packetToo) {
        if (freed) {
            return;
        }
        freed = true;
        if (oc.pb() != null && !oc.pb().isNull() && (oc.oformat().flags() & AVFMT_NOFILE) == 0) {
            avio_closep(oc.pb());
        }
        avformat_free_context(oc);
        av_packet_free(packet);
    }

    /** Closes without a trailer (after a network error). */
    @Override
    public void close() {
        free(true);
    }
}
