package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * The checks a joined file passes before it is renamed into place: the frame count equals the range, presentation
 * timestamps are exactly the range's frames, an IDR at every segment start, each segment's packets equal the joined
 * file's at its position, a full decode without errors, and audio as long as the video (within one video frame plus
 * one AAC frame). The decode feeds QC, as a single-pass export feeds it its encoded frames.
 */
final class JoinChecks {

    private JoinChecks() {
    }

    static void run(Path file, Joiner.Expect want, FrameRate rate, SegmentSupport.Qc qc, FramePool pool,
            BooleanSupplier cancelled) throws ExportException, IOException {
        String name = file.getFileName().toString();
        long[] frameNos = new long[(int) want.frames()];
        int n = 0;
        int seg = 0;
        SegmentScan.PacketDigest digest = null;
        long audioStart = Long.MIN_VALUE;
        long audioEnd = Long.MIN_VALUE;
        AVRational audioTb = null;
        try (PacketReader in = new PacketReader(file); Decode dec = new Decode(in, qc, pool, rate)) {
            int lengthSize = NalUnits.lengthSize(want.codecId(), in.extradata());
            AVRational tb = in.videoTimeBase();
            if (in.audio >= 0) {
                audioTb = in.stream(in.audio).time_base();
            }
            while (in.next()) {
                if (!in.isVideo()) {
                    if (in.packet.stream_index() == in.audio && in.packet.pts() != AV_NOPTS_VALUE) {
                        audioStart = audioStart == Long.MIN_VALUE ? in.packet.pts() : audioStart;
                        audioEnd = Math.max(audioEnd, in.packet.pts() + in.packet.duration());
                    }
                    continue;
                }
                if (n >= frameNos.length) {
                    throw new ExportException(name + ": more frames than the " + want.frames() + " planned", null);
                }
                if ((n & 31) == 0 && cancelled.getAsBoolean()) {
                    throw new ExportException(name + ": export cancelled; the destination was not touched", null,
                            true);
                }
                if (seg < want.offsets().length && n == want.offsets()[seg]) {
                    if (digest != null) {
                        compare(name, seg - 1, digest, want);
                    }
                    boolean idr = in.key() && (Planner.intraOnly(want.codecId())
                            || NalUnits.idr(want.codecId(), in.data, in.size, lengthSize));
                    if (!idr) {
                        throw new ExportException(name + ": no IDR frame at the start of segment " + seg
                                + " (frame " + n + ")", null);
                    }
                    digest = new SegmentScan.PacketDigest();
                    seg++;
                }
                digest.add(in.data, in.size, in.key());
                frameNos[n++] = SegmentScan.frameOf(in.packet.pts(), tb, rate);
                dec.send(n - 1);
            }
            if (digest != null) {
                compare(name, seg - 1, digest, want);
            }
            dec.flush();
            if (n != want.frames()) {
                throw new ExportException(name + ": " + n + " frames, the range has " + want.frames(), null);
            }
            if (dec.decoded != n) {
                throw new ExportException(name + ": " + dec.decoded + " of " + n + " frames decoded", null);
            }
        }
        long[] sorted = Arrays.copyOf(frameNos, n);
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            if (sorted[i] != sorted[0] + i) {
                throw new ExportException(name + ": timestamps are not continuous at frame " + i + " (found frame "
                        + (sorted[i] - sorted[0]) + ")", null);
            }
        }
        if (want.audio()) {
            if (audioTb == null || audioStart == Long.MIN_VALUE) {
                throw new ExportException(name + ": the audio stream is missing", null);
            }
            double video = n * rate.den() / (double) rate.num();
            double audio = (audioEnd - audioStart) * audioTb.num() / (double) audioTb.den();
            double tolerance = rate.den() / (double) rate.num() + 1024.0 / AudioSource.SAMPLE_RATE;
            if (Math.abs(audio - video) > tolerance) {
                throw new ExportException(String.format(Locale.ROOT, "%s: audio lasts %.4f s, video %.4f s (more"
                        + " than a frame and an AAC frame apart)", name, audio, video), null);
            }
        }
    }

    private static void compare(String name, int seg, SegmentScan.PacketDigest d, Joiner.Expect want)
            throws ExportException {
        String got = d.hex();
        if (!got.equals(want.digests()[seg])) {
            throw new ExportException(name + ": the packets of segment " + seg + " differ from the committed"
                    + " segment's (SHA-256 " + got.substring(0, 12) + " vs " + want.digests()[seg].substring(0, 12)
                    + ")", null);
        }
    }

    /** A full decode of the video stream; decoded 4:2:0 8-bit frames go to QC. */
    private static final class Decode implements AutoCloseable {
        private final AVCodecContext ctx;
        private final AVFrame frame = av_frame_alloc();
        private final PacketReader in;
        private final SegmentSupport.Qc qc;
        private final FramePool pool;
        private final FrameRate rate;
        private byte[] row = new byte[0];
        long decoded;

        Decode(PacketReader in, SegmentSupport.Qc qc, FramePool pool, FrameRate rate) throws IOException {
            this.in = in;
            this.qc = qc;
            this.pool = pool;
            this.rate = rate;
            AVCodec codec = avcodec_find_decoder(in.videoParams().codec_id());
            if (codec == null) {
                throw new IOException(in.file() + ": no decoder for its video");
            }
            ctx = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(ctx, in.videoParams());
            ctx.thread_count(0);
            ctx.pkt_timebase(in.videoTimeBase());
            int r = avcodec_open2(ctx, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
            if (r < 0) {
                avcodec_free_context(ctx);
                av_frame_free(frame);
                throw new IOException(in.file() + ": cannot open the decoder (" + FFmpeg.error(r) + ")");
            }
        }

        void send(long packetNo) throws ExportException {
            int r = avcodec_send_packet(ctx, in.packet);
            if (r < 0) {
                throw new ExportException(in.file().getFileName() + ": decoding packet " + packetNo + " failed ("
                        + FFmpeg.error(r) + ")", null);
            }
            receive();
        }

        void flush() throws ExportException {
            avcodec_send_packet(ctx, null);
            receive();
        }

        private void receive() throws ExportException {
            while (true) {
                int r = avcodec_receive_frame(ctx, frame); // frame.flags() bit 0: AV_FRAME_FLAG_CORRUPT
                if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                    return;
                }
                if (r < 0 || frame.decode_error_flags() != 0 || (frame.flags() & 1) != 0) {
                    throw new ExportException(in.file().getFileName() + ": frame " + decoded + " does not decode"
                            + " cleanly (" + (r < 0 ? FFmpeg.error(r) : "decode errors") + ")", null);
                }
                if (qc != null && frame.format() == AV_PIX_FMT_YUV420P) {
                    measure();
                }
                decoded++;
                av_frame_unref(frame);
            }
        }

        /** Copies the decoded planes into a pooled I420 frame (rows through one reused array) and measures it. */
        private void measure() {
            int w = frame.width();
            int h = frame.height();
            try (Frame f = pool.lease(w, h, PixelFormat.I420, Usage.DECODE)) {
                var buf = f.buffer();
                for (int plane = 0; plane < 3; plane++) {
                    int pw = plane == 0 ? w : (w + 1) / 2;
                    int ph = plane == 0 ? h : (h + 1) / 2;
                    long off = PixelFormat.I420.planeOffset(plane, w, h);
                    if (row.length < pw) {
                        row = new byte[pw];
                    }
                    var src = frame.data(plane);
                    int ls = frame.linesize(plane);
                    for (int y = 0; y < ph; y++) {
                        src.position((long) y * ls).get(row, 0, pw);
                        buf.put((int) (off + (long) y * pw), row, 0, pw);
                    }
                    src.position(0);
                }
                qc.add(f, decoded * rate.den() / (double) rate.num());
            }
        }

        @Override
        public void close() {
            avcodec_free_context(ctx);
            av_frame_free(frame);
        }
    }
}
