package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** Media and inspection for the segmented export tests: real files, real FFmpeg. */
public final class SegTestSupport {

    /** One video packet as stored: decode order, frame number, key flag, IDR in the bit stream, data digest. */
    record Pkt(long frame, boolean key, boolean idr, String sha) {
    }

    private SegTestSupport() {
    }

    /** A moving test pattern with a stereo tone (MPEG-4 Part 2 + AAC), made by the embedded ffmpeg. */
    static Path clip(Path dir, String name, int w, int h, double seconds) throws Exception {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=s=" + w + "x" + h + ":r=25:d=" + seconds, "-f", "lavfi", "-i",
                "sine=f=440:r=48000:d=" + seconds, "-c:v", "mpeg4", "-q:v", "2", "-c:a", "aac", "-b:a", "128k",
                "-shortest", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    /** A timeline of {@code frames} frames at 25 fps: the clip (picture and sound) on V1. */
    static Timeline timeline(String file, int w, int h, long frames) {
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(w, h, rate));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("clip", new GraphNode("clip", "media.video").set("file", file), 0, 0,
                rate.frameToTicks(frames)));
        tl.tracks().add(v1);
        return tl;
    }

    /** Generated pictures only (bars, then a gradient): no audio. */
    public static Timeline generated(int w, int h, long frames) {
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(w, h, rate));
        Track v1 = new Track("V1");
        long half = rate.frameToTicks(frames / 2);
        v1.clips().add(new Clip("bars", new GraphNode("bars", "core.smpte_bars"), 0, 0, half));
        v1.clips().add(new Clip("grad", new GraphNode("grad", "core.gradient"), half, 0,
                rate.frameToTicks(frames) - half));
        tl.tracks().add(v1);
        return tl;
    }

    /** The video packets of {@code file} in decode order. */
    static List<Pkt> videoPackets(Path file, FrameRate rate) throws Exception {
        List<Pkt> out = new ArrayList<>();
        try (PacketReader in = new PacketReader(file)) {
            int codec = in.videoParams().codec_id();
            int ls = NalUnits.lengthSize(codec, in.extradata());
            long base = Long.MIN_VALUE;
            while (in.next()) {
                if (in.isVideo()) {
                    long f = SegmentScan.frameOf(in.packet.pts(), in.videoTimeBase(), rate);
                    base = base == Long.MIN_VALUE ? f : base;
                    SegmentScan.PacketDigest d = new SegmentScan.PacketDigest();
                    d.add(in.data, in.size, false);
                    out.add(new Pkt(f - base, in.key(), Planner.intraOnly(codec) ? in.key()
                            : NalUnits.idr(codec, in.data, in.size, ls), d.hex()));
                }
            }
        }
        return out;
    }

    /** The audio packets' data digests, in order. */
    static List<String> audioPackets(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (PacketReader in = new PacketReader(file)) {
            while (in.next()) {
                if (in.packet.stream_index() == in.audio) {
                    SegmentScan.PacketDigest d = new SegmentScan.PacketDigest();
                    d.add(in.data, in.size, false);
                    out.add(d.hex());
                }
            }
        }
        return out;
    }

    /** Every decoded picture's luma plane, in display order. */
    static List<byte[]> lumaFrames(Path file) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (PacketReader in = new PacketReader(file)) {
            AVCodec codec = avcodec_find_decoder(in.videoParams().codec_id());
            AVCodecContext ctx = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(ctx, in.videoParams());
            assertEquals(0, avcodec_open2(ctx, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
            AVFrame f = av_frame_alloc();
            try {
                boolean more = true;
                while (more) {
                    more = in.next();
                    if (more && !in.isVideo()) {
                        continue;
                    }
                    avcodec_send_packet(ctx, more ? in.packet : null);
                    while (avcodec_receive_frame(ctx, f) >= 0) {
                        int w = f.width();
                        int bytesPerSample = f.format() == AV_PIX_FMT_YUV420P ? 1 : 2;
                        byte[] y = new byte[w * f.height() * bytesPerSample];
                        for (int r = 0; r < f.height(); r++) {
                            f.data(0).position((long) r * f.linesize(0)).get(y, r * w * bytesPerSample,
                                    w * bytesPerSample);
                            f.data(0).position(0);
                        }
                        out.add(y);
                        av_frame_unref(f);
                    }
                }
            } finally {
                av_frame_free(f);
                avcodec_free_context(ctx);
            }
        }
        return out;
    }

    /** PSNR of two 8-bit luma planes. */
    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }
}
