package org.lumaflow.telemetry.internal.gpmf;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.telemetry.TelemetryException;

/**
 * Reads the GPMF payloads of an MP4/MOV's {@code gpmd} data track through FFmpeg (data packets, AV_CODEC_ID_BIN_DATA),
 * each with its time span on the video clock (packet pts..pts+duration, less the first video stream's start).
 */
final class GpmdTrack {

    /** Receives one payload. */
    interface Sink {
        void payload(ByteBuffer data, int index, double t0, double t1) throws TelemetryException;
    }

    private static final int GPMD = 'g' | 'p' << 8 | 'm' << 16 | 'd' << 24; // codec_tag is little-endian

    private GpmdTrack() {
    }

    /** Calls {@code sink} for every gpmd packet in order; returns the number of packets. */
    static int read(Path file, Sink sink) throws TelemetryException {
        FFmpeg.load();
        AVFormatContext fmt = new AVFormatContext(null);
        int r = avformat_open_input(fmt, file.toString(), null, null);
        if (r < 0) {
            throw new TelemetryException(file, null, "not a readable MP4/MOV file (" + FFmpeg.error(r)
                    + "); check that the file is complete");
        }
        AVPacket pkt = null;
        try {
            r = avformat_find_stream_info(fmt, (PointerPointer<?>) null);
            if (r < 0) {
                throw new TelemetryException(file, null, "cannot read the stream information (" + FFmpeg.error(r) + ")");
            }
            int gpmd = -1;
            double videoStart = 0;
            boolean videoSeen = false;
            for (int i = 0; i < fmt.nb_streams(); i++) {
                AVStream st = fmt.streams(i);
                if (gpmd < 0 && st.codecpar().codec_tag() == GPMD) {
                    gpmd = i;
                } else {
                    if (!videoSeen && st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                            && st.start_time() != AV_NOPTS_VALUE) {
                        videoSeen = true;
                        videoStart = st.start_time() * seconds(st);
                    }
                }
            }
            if (gpmd < 0) {
                throw new TelemetryException(file, null, "no GoPro telemetry track ('gpmd' data stream) in this file:"
                        + " GPMF is recorded by GoPro HERO5 and later with GPS or sensors on");
            }
            for (int i = 0; i < fmt.nb_streams(); i++) {
                if (i != gpmd) {
                    fmt.streams(i).discard(AVDISCARD_ALL);
                }
            }
            AVStream st = fmt.streams(gpmd);
            double tb = seconds(st);
            double end = st.duration() > 0 ? (Math.max(0, st.start_time() == AV_NOPTS_VALUE ? 0 : st.start_time())
                    + st.duration()) * tb - videoStart : Double.POSITIVE_INFINITY;
            pkt = av_packet_alloc();
            int n = 0;
            double next = 0;
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (av_read_frame(fmt, pkt) >= 0) {
                try {
                    if (pkt.stream_index() != gpmd || pkt.size() <= 0) {
                        continue;
                    }
                    double t0 = pkt.pts() == AV_NOPTS_VALUE ? next : pkt.pts() * tb - videoStart;
                    double dur = pkt.duration() > 0 ? pkt.duration() * tb : 1.001;
                    if (t0 + dur > end && end > t0) {
                        dur = end - t0; // the last packet often claims a full second past the track's end
                    }
                    if (buf.capacity() < pkt.size()) {
                        buf = ByteBuffer.allocate(Integer.highestOneBit(pkt.size()) * 2);
                    }
                    buf.clear();
                    buf.put(pkt.data().capacity(pkt.size()).asByteBuffer());
                    buf.flip();
                    sink.payload(buf, n++, t0, t0 + dur);
                    next = t0 + dur;
                } finally {
                    av_packet_unref(pkt);
                }
            }
            return n;
        } finally {
            if (pkt != null) {
                av_packet_free(pkt);
            }
            avformat_close_input(fmt);
        }
    }

    private static double seconds(AVStream st) {
        return st.time_base().den() == 0 ? 0 : (double) st.time_base().num() / st.time_base().den();
    }
}
