package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Reads a file's packets in file order, without decoding: the video stream's (and the audio stream's, if any) with
 * their data copied into a reused array. Not thread-safe.
 */
final class PacketReader implements AutoCloseable {

    private final Path file;
    private final AVFormatContext ic;
    final AVPacket packet = av_packet_alloc();
    final int video;
    final int audio;
    /** The current packet's bytes ({@link #size} of them). */
    byte[] data = new byte[1 << 16];
    int size;

    PacketReader(Path file) throws IOException {
        FFmpeg.load();
        this.file = file;
        AVFormatContext c = new AVFormatContext(null);
        int r = avformat_open_input(c, file.toString(), null, (AVDictionary) null);
        if (r < 0) {
            av_packet_free(packet);
            throw new IOException(file + ": cannot open (" + FFmpeg.error(r) + ")");
        }
        this.ic = c;
        int v = -1;
        int a = -1;
        for (int i = 0; i < c.nb_streams(); i++) {
            int type = c.streams(i).codecpar().codec_type();
            if (type == AVMEDIA_TYPE_VIDEO && v < 0) {
                v = i;
            } else if (type == AVMEDIA_TYPE_AUDIO && a < 0) {
                a = i;
            }
        }
        this.video = v;
        this.audio = a;
        if (v < 0) {
            close();
            throw new IOException(file + ": no video stream");
        }
    }

    Path file() {
        return file;
    }

    AVStream stream(int index) {
        return ic.streams(index);
    }

    AVCodecParameters videoParams() {
        return ic.streams(video).codecpar();
    }

    AVRational videoTimeBase() {
        return ic.streams(video).time_base();
    }

    byte[] extradata() {
        AVCodecParameters p = videoParams();
        byte[] b = new byte[Math.max(0, p.extradata_size())];
        if (b.length > 0) {
            p.extradata().get(b);
        }
        return b;
    }

    /** Reads the next packet of any stream into {@link #packet} and {@link #data}; false at the end. */
    boolean next() throws IOException {
        av_packet_unref(packet);
        int r = av_read_frame(ic, packet);
        if (r == AVERROR_EOF()) {
            return false;
        }
        if (r < 0) {
            throw new IOException(file + ": reading failed (" + FFmpeg.error(r) + ")");
        }
        size = packet.size();
        if (data.length < size) {
            data = new byte[Math.max(size, data.length * 2)];
        }
        if (size > 0) {
            packet.data().get(data, 0, size);
        }
        return true;
    }

    boolean isVideo() {
        return packet.stream_index() == video;
    }

    boolean key() {
        return (packet.flags() & AV_PKT_FLAG_KEY) != 0;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        if (ic != null) {
            avformat_close_input(ic);
        }
    }
}
