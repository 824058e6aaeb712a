package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** Moves every packet an encoder has ready into the muxer (audio and video share this). */
final class Packets {

    private Packets() {
    }

    /**
     * Receives the encoder's ready packets and writes them to {@code stream} of {@code oc} (interleaved); with
     * {@code oc} null (probing) they are dropped. Returns how many there were.
     */
    static int drain(AVCodecContext ctx, AVPacket packet, AVFormatContext oc, AVStream stream, String what)
            throws IOException {
        int n = 0;
        while (true) {
            int r = avcodec_receive_packet(ctx, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return n;
            }
            if (r < 0) {
                throw new IOException(what + ": encoding failed (" + FFmpeg.error(r) + ")");
            }
            n++;
            if (oc == null) {
                av_packet_unref(packet);
                continue;
            }
            av_packet_rescale_ts(packet, ctx.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            r = av_interleaved_write_frame(oc, packet);
            if (r < 0) {
                throw new IOException(what + ": writing failed (" + FFmpeg.error(r) + ")");
            }
        }
    }
}
