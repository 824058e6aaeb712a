package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;

/**
 * Plans a segmented export: checks the settings can be segmented, chooses the one encoder, cuts the range on frame
 * boundaries (on keyframe-interval multiples when every segment gets at least one full interval, so the segments'
 * GOPs start where a single pass starts them) and saves plan and timeline in a work folder beside the output.
 */
final class Planner {

    /** Segment files: Matroska (exact frame order, global headers, so packets copy byte for byte into MP4/MOV/MKV). */
    static final String SEGMENT_CONTAINER = "matroska";

    private Planner() {
    }

    /** Codecs whose every frame is intra and independent (a key frame is all it takes). */
    static boolean intraOnly(int codecId) {
        return codecId == org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PRORES;
    }

    /** Encoders whose GOPs we can close and restart with an IDR at frame 0, and the options that do it. */
    static Map<String, String> closedGop(String encoder) {
        return switch (encoder) {
            case "libx264" -> Map.of("x264-params", "stitchable=1:open-gop=0", "forced-idr", "1");
            case "libx265" -> Map.of("x265-params", "open-gop=0", "forced-idr", "1");
            // openh264: I/P only (no reordering), every intra frame an IDR, the first frame always one
            case "libopenh264", "prores_ks", "prores" -> Map.of(); // ProRes: every frame intra
            case "h264_nvenc", "hevc_nvenc" -> Map.of("forced-idr", "1", "strict_gop", "1");
            default -> null;
        };
    }

    static SegmentPlan plan(Timeline tl, Path baseDir, ExportSettings s, int wanted, MediaService media,
            NodeRegistry registry, ExportListener listener) throws ExportException {
        Path out = s.output().toAbsolutePath();
        String container;
        String codec;
        try {
            container = s.container();
            codec = s.effectiveCodec();
            SegmentSupport.candidates(codec);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage(), e);
        }
        if (container.equals("gif") || codec.equals("gif")) {
            throw new ExportException(out + ": a GIF cannot be exported in segments (its palette is built per frame"
                    + " in one pass); export it without --segments", null);
        }
        if (s.audioOnlyContainer() || SegmentSupport.noPicture(tl, baseDir, media)) {
            throw new ExportException(out + ": an audio-only export cannot be segmented (audio is encoded once for"
                    + " the whole range anyway); export it without --segments", null);
        }
        if (!List.of("mp4", "mov", "matroska").contains(container)) {
            throw new ExportException(out + ": segments can be joined into .mp4, .mov or .mkv, not ." + container,
                    null);
        }
        List<String> problems = tl.validate();
        if (!problems.isEmpty()) {
            throw new ExportException("cannot export: " + String.join("; ", problems), null);
        }
        int w = ExportSettings.evenSize(s.width() > 0 ? s.width() : tl.format().width());
        int h = ExportSettings.evenSize(s.height() > 0 ? s.height() : tl.format().height());
        if (w < 2 || h < 2) {
            throw new ExportException("cannot export at " + w + "x" + h + ": 4:2:0 needs at least 2x2 pixels", null);
        }
        long end = tl.frameCount();
        long first = Math.max(0, s.firstFrame());
        long total = s.frames() < 0 ? end - first : Math.min(s.frames(), end - first);
        if (total <= 0) {
            throw new ExportException("nothing to export: frames " + first + ".. of a " + end + "-frame timeline",
                    null);
        }
        String encoder = chooseEncoder(s, codec, listener);
        var rate = tl.format().rate();
        int gop = s.keyframeInterval() > 0 ? s.keyframeInterval() : Math.max(1, (int) Math.round(2 * rate.toDouble()));
        List<long[]> cuts = cut(first, total, Math.max(1, wanted), gop);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path work = out.resolveSibling("." + out.getFileName() + ".segments." + id);
        List<Segment> segments = new ArrayList<>();
        for (long[] c : cuts) {
            segments.add(new Segment(segments.size(), c[0], c[1], String.format("seg-%04d.mkv", segments.size())));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("width", Integer.toString(w));
        settings.put("height", Integer.toString(h));
        settings.put("rate", rate.num() + "/" + rate.den());
        settings.put("gop", Integer.toString(gop));
        settings.put("container", SEGMENT_CONTAINER);
        settings.put("firstFrame", Long.toString(first));
        settings.put("frames", Long.toString(total));
        settings.put("audio", Boolean.toString(s.audio()));
        if (s.loudness() != null) {
            settings.put("loudness", Double.toString(s.loudness().targetLufs()));
            settings.put("truePeak", Double.toString(s.loudness().truePeakDbtp()));
        }
        settings.put("qc", Boolean.toString(s.qc()));
        settings.put("stallSeconds", Long.toString(s.stallTimeout().toSeconds()));
        if (s.crf() >= 0) {
            settings.put("crf", Integer.toString(s.crf()));
        }
        if (s.bitrate() > 0) {
            settings.put("bitrate", Long.toString(s.bitrate()));
        }
        if (s.preset() != null) {
            settings.put("preset", s.preset());
        }
        if (s.qcOptions() != null) {
            for (String k : org.lumaflow.qc.QcOptions.KEYS) {
                settings.put("qc." + k, s.qcOptions().format(k));
            }
        }
        Map<String, String> opts = new LinkedHashMap<>(SegmentSupport.options(encoder, s, w, h, rate.toDouble()));
        opts.putAll(closedGop(encoder));
        opts.forEach((k, v) -> settings.put("opt." + k, v));
        // no base folder (a project from memory, the bundled demo): relative FILE paths resolve as a single pass
        // resolves them, against the current folder
        Path base = (baseDir == null ? Path.of("") : baseDir).toAbsolutePath();
        SegmentPlan plan = new SegmentPlan(id, work.resolve("timeline.lumaflow"), base, out,
                encoder, codec, settings, segments, work);
        try {
            Files.createDirectories(work);
            ProjectIO.save(new Project(out.getFileName().toString(), tl), plan.project(),
                    registry == null ? null : registry.snapshot());
            PlanFiles.save(plan);
        } catch (IOException e) {
            WorkDirs.remove(work);
            throw new ExportException(work + ": cannot write the segment plan (" + e.getMessage() + ")", e);
        }
        listener.note("segmented export: " + segments.size() + " segment(s) of about " + total / segments.size()
                + " frames with " + encoder + " (closed GOPs, an IDR at every segment start), work folder "
                + work.getFileName());
        return plan;
    }

    /**
     * Cuts {@code total} frames from {@code first} into at most {@code n} non-empty segments: as even as possible,
     * on multiples of {@code gop} (from the range start) when each segment still gets at least one interval.
     */
    static List<long[]> cut(long first, long total, int n, int gop) {
        int parts = (int) Math.min(n, total);
        List<long[]> out = new ArrayList<>();
        boolean aligned = total / parts >= gop;
        long prev = 0;
        for (int i = 1; i <= parts; i++) {
            long b = i == parts ? total : total * i / parts;
            if (aligned && i < parts) {
                b = Math.round(b / (double) gop) * gop;
            }
            if (b > prev) {
                out.add(new long[] {first + prev, b - prev});
                prev = b;
            }
        }
        return out;
    }

    private static String chooseEncoder(ExportSettings s, String codec, ExportListener listener)
            throws ExportException {
        if (s.encoderPinned()) {
            if (closedGop(s.encoder()) == null) {
                throw new ExportException(s.encoder() + " cannot be used for a segmented export: no control of"
                        + " closed GOPs known (use libx264, libx265, libopenh264, h264_nvenc, hevc_nvenc or prores_ks),"
                        + " or export without --segments", null);
            }
            return s.encoder();
        }
        List<String> skipped = new ArrayList<>();
        for (String name : SegmentSupport.candidates(codec)) {
            EncoderChoice c = SegmentSupport.probe(name, codec);
            if (!c.usable()) {
                skipped.add(c.toString());
            } else if (closedGop(name) == null) {
                skipped.add(name + ": skipped, no closed-GOP control for segments");
            } else {
                listener.note("encoder " + name + " for every segment (chosen once, no fallback inside a segmented"
                        + " export; " + (skipped.isEmpty() ? "first candidate" : String.join("; ", skipped)) + ")");
                return name;
            }
        }
        throw new ExportException("no " + codec + " encoder usable for a segmented export: " + skipped, null);
    }
}
