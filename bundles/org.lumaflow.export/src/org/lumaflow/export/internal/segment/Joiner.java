package org.lumaflow.export.internal.segment;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Joins committed segments by stream copy into the output container: packets byte for byte, timestamps rebuilt from
 * frame numbers (presentation = the frame's place in the range, decode = its place in decode order minus the plan's
 * reorder delay), so they are exact and continuous across segment borders. The timeline's audio is mixed and encoded
 * once, frame by frame as a single pass does, interleaved with the video.
 */
final class Joiner {

    /** What the joined file should hold, for the checks. */
    record Expect(long frames, int[] offsets, String[] digests, byte[] extradata, int codecId, long audioSamples,
            boolean audio) {
    }

    private Joiner() {
    }

    /** Scans every committed segment and checks they fit together (same stream parameters, IDR first). */
    static List<SegmentScan> scan(SegmentPlan plan, FrameRate rate) throws ExportException {
        List<SegmentScan> scans = new ArrayList<>();
        for (Segment s : plan.segments()) {
            Path f = Commits.file(plan, s);
            String what = "segment " + s.index() + " (" + s.file() + ")";
            try (PacketReader in = new PacketReader(f)) {
                SegmentScan sc = SegmentScan.of(in, s.frames(), rate, what);
                if (!sc.idrFirst) {
                    throw new ExportException(what + " does not start with an IDR frame: it cannot be joined", null);
                }
                if (!scans.isEmpty()) {
                    SegmentScan a = scans.get(0);
                    if (a.codecId != sc.codecId || a.width != sc.width || a.height != sc.height
                            || a.format != sc.format || !Arrays.equals(a.extradata, sc.extradata)) {
                        throw new ExportException(what + " was encoded with other stream parameters than segment 0"
                                + " (codec, size, pixel format or SPS/PPS differ: " + sc.width + "x" + sc.height
                                + " vs " + a.width + "x" + a.height + "): it cannot be joined", null);
                    }
                }
                scans.add(sc);
            } catch (ExportException e) {
                throw e;
            } catch (IOException e) {
                String m = String.valueOf(e.getMessage());
                throw new ExportException(m.startsWith(what) ? m : what + ": " + m, e);
            }
        }
        return scans;
    }

    /** Writes the joined file to {@code temp}; returns what the checks should find in it. */
    static Expect write(SegmentPlan plan, List<SegmentScan> scans, Timeline tl, SegmentedExporterImpl services,
            Path temp, String container, BooleanSupplier cancelled, List<String> warnings)
            throws IOException, ExportException {
        FrameRate rate = SegmentEncode.rate(plan);
        long first = Long.parseLong(plan.settings().get("firstFrame"));
        boolean wantAudio = Boolean.parseBoolean(plan.settings().get("audio"));
        int delay = 0;
        for (SegmentScan s : scans) {
            delay = Math.max(delay, s.delay);
        }
        int[] offsets = new int[scans.size()];
        String[] digests = new String[scans.size()];
        AVFormatContext oc = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(oc, null, container, temp.toString());
        if (r < 0 || oc.isNull()) {
            throw new IOException(temp + ": no muxer for " + container + " (" + FFmpeg.error(r) + ")");
        }
        SegmentSupport.Audio audio = null;
        PacketReader firstIn = null;
        try {
            firstIn = new PacketReader(Commits.file(plan, plan.segments().get(0)));
            AVStream st = avformat_new_stream(oc, null);
            avcodec_parameters_copy(st.codecpar(), firstIn.videoParams());
            st.codecpar().codec_tag(0);
            AVRational frameTb = av_make_q(rate.den(), rate.num());
            st.time_base(frameTb);
            st.avg_frame_rate(av_make_q(rate.num(), rate.den()));
            firstIn.close();
            firstIn = null;
            if (wantAudio) {
                audio = SegmentSupport.Audio.open(tl, plan.baseDir(), services.media(), oc, container);
                if (audio != null) {
                    warnings.addAll(audio.problems());
                    String lufs = plan.settings().get("loudness");
                    if (lufs != null) {
                        String note = audio.normalize(new org.lumaflow.export.ExportSettings.Loudness(
                                Double.parseDouble(lufs), Double.parseDouble(plan.settings().get("truePeak"))),
                                first, Long.parseLong(plan.settings().get("frames")));
                        if (note != null) {
                            warnings.add(note);
                        }
                    }
                }
            }
            if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                r = avio_open(pb, temp.toString(), AVIO_FLAG_WRITE);
                if (r < 0) {
                    throw new IOException(temp + ": cannot write (" + FFmpeg.error(r) + ")");
                }
                oc.pb(pb);
            }
            long frames = Long.parseLong(plan.settings().get("frames"));
            if (tl != null) {
                org.lumaflow.export.internal.Chapters.of(tl, rate.frameToTicks(first),
                        rate.frameToTicks(first + frames)).addTo(oc);
            }
            r = avformat_write_header(oc, (AVDictionary) null);
            if (r < 0) {
                throw new IOException(temp + ": cannot start the " + container + " file (" + FFmpeg.error(r) + ")");
            }
            AVRational outTb = st.time_base();
            long written = 0;
            for (int k = 0; k < scans.size(); k++) {
                Segment seg = plan.segments().get(k);
                SegmentScan sc = scans.get(k);
                offsets[k] = (int) written;
                SegmentScan.PacketDigest digest = new SegmentScan.PacketDigest();
                long segOffset = seg.firstFrame() - first;
                try (PacketReader in = new PacketReader(Commits.file(plan, seg))) {
                    AVRational inTb = in.videoTimeBase();
                    long i = 0;
                    while (in.next()) {
                        if (!in.isVideo()) {
                            continue;
                        }
                        if ((written & 31) == 0 && cancelled.getAsBoolean()) {
                            throw new ExportException(plan.output() + ": export cancelled; the destination was not"
                                    + " touched", null, true);
                        }
                        digest.add(in.data, in.size, in.key());
                        long frameNo = SegmentScan.frameOf(in.packet.pts(), inTb, rate) - sc.base;
                        var pkt = in.packet;
                        pkt.pts(av_rescale_q(segOffset + frameNo, frameTb, outTb));
                        pkt.dts(av_rescale_q(segOffset + i - delay, frameTb, outTb));
                        pkt.duration(av_rescale_q(1, frameTb, outTb));
                        pkt.stream_index(st.index());
                        pkt.pos(-1);
                        r = av_interleaved_write_frame(oc, pkt);
                        if (r < 0) {
                            throw new IOException(temp + ": writing frame " + (segOffset + frameNo) + " failed ("
                                    + FFmpeg.error(r) + ")");
                        }
                        if (audio != null) {
                            audio.frame(first + written);
                        }
                        i++;
                        written++;
                    }
                }
                digests[k] = digest.hex();
                if (!digests[k].equals(sc.digest)) {
                    throw new ExportException("segment " + k + " (" + seg.file() + ") changed while it was joined",
                            null);
                }
            }
            long samples = 0;
            if (audio != null) {
                audio.finish();
                samples = audio.samples();
                if (audio.problem() != null) {
                    warnings.add(audio.problem());
                }
            }
            r = av_write_trailer(oc);
            if (r < 0) {
                throw new IOException(temp + ": finishing the file failed (" + FFmpeg.error(r) + ")");
            }
            return new Expect(written, offsets, digests, scans.get(0).extradata, scans.get(0).codecId, samples,
                    audio != null);
        } finally {
            if (firstIn != null) {
                firstIn.close();
            }
            if (audio != null) {
                audio.close();
            }
            if (oc.pb() != null && !oc.pb().isNull()) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
        }
    }
}
