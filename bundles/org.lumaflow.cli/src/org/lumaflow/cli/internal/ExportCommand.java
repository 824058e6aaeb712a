package org.lumaflow.cli.internal;

import org.lumaflow.cli.ProgressBar;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code lumaflow export}: a project (or a media file: transcode) to a video file. */
@Component(service = CliCommand.class)
public final class ExportCommand implements CliCommand {

    @Reference
    private Exporter exporter;
    @Reference
    private MediaService media;
    /** Segmented export (--segments) and the executors that run segments, picked by name ({@code local}...). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SegmentedExporter segmented;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<SegmentExecutor> executors;

    /** For DS. */
    public ExportCommand() {
    }

    /** Outside OSGi. */
    public ExportCommand(Exporter exporter, MediaService media) {
        this.exporter = exporter;
        this.media = media;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a project (or transcode a media file) to MP4/MOV/MKV/WebM/GIF, or its audio to M4A/WAV/FLAC/Opus";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow export [PROJECT|MEDIA] [-o OUT] [options]
                  PROJECT|MEDIA  a .lumaflow project (or OpenTimelineIO .otio/.otioz/.otiod), or a media file to transcode (default: the bundled demo)
                  -o, --out      output file; the extension picks the container: .mp4 .mov .mkv .webm .gif, or
                                 audio only: .m4a (AAC) .wav (16-bit PCM) .flac .opus/.ogg (Opus); a timeline
                                 without pictures (an audio file) exports audio only to any of them but .gif
                                 (default: demo.mp4, or NAME.export.mp4 for an input NAME.ext; .m4a for audio)
                  --codec        h264 | hevc | av1 | vp9 | prores (default: h264; vp9 for .webm; a .gif is
                                 palettised per frame with dithering)
                  --encoder      auto (default: hardware first, probed, software fallback) or an FFmpeg encoder name
                  --crf N        constant quality (lower = better; default per codec)
                  --bitrate R    target bit rate instead of --crf, e.g. 8M or 2500k
                  --preset P     encoder preset (x264: veryfast..., nvenc: p1..p7, SVT-AV1: 0..13)
                  --gop N        frames between keyframes (default: 2 s)
                  --frames A..B  frame range at the project rate (default: all)
                  --size WxH     output size (odd sizes are rounded down to even)
                  --duration S   seconds: how long a still image lasts (default 5 s at 25 fps); for other
                                 inputs an upper bound (the first S seconds)
                  --no-audio     leave the clips' audio out (default: mixed, AAC; Opus in .webm)
                  --loudness LUFS  normalise the audio to this EBU R128 integrated loudness (e.g. -23, -16),
                                 measured on the mix first; the true peak is kept at or below -1 dBTP
                  --no-qc        no QC report (default: OUT.qc.html and OUT.qc.json from the encoded frames)
                  --segments N|auto  encode in N segments in parallel worker processes (auto: from cores, memory
                                 and GPUs; one pass where one worker fits), joined by stream copy and checked;
                                 .mp4/.mov/.mkv, one encoder, closed GOPs (see docs/segmented-export.md)
                  --executor NAME  where segments run (default local: worker processes on this machine)
                  --cluster NAME [--members HOST,...]  run the segments on the render nodes of cluster NAME
                                 (lumaflow worker; executor hazelcast; see docs/cluster.md)
                  --qc-preset NAME, --black-min S ...  QC thresholds as for lumaflow qc (see lumaflow help qc)
                  --list-encoders  probe and list the encoder candidates for --codec, then exit
                  --quiet        no progress bar""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        List<String> args = new ArrayList<>();
        for (String s : argv) {
            args.add(s.equals("-o") ? "--out" : s);
        }
        Args qcArgs = QcArgs.take(args); // QC thresholds (--qc-preset, --black-min ...): see QcArgs
        Args a = Args.parse(args, Set.of("out", "codec", "encoder", "crf", "bitrate", "preset", "gop", "frames",
                "size", "duration", "segments", "executor",
                "cluster", "members", "loudness"), Set.of("quiet", "list-encoders", "no-audio", "no-qc"));
        if (a.flag("list-encoders")) {
            String codec = a.get("codec") == null ? "h264" : a.get("codec");
            try {
                for (EncoderChoice c : exporter.candidates(codec)) {
                    out.println((c.usable() ? "ok       " : "skipped  ") + (c.hardware() ? "hw " : "sw ")
                            + c.name() + (c.usable() ? "" : "  (" + c.reason() + ")"));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return 0;
        }
        if (a.positionals.size() > 1) {
            throw new UsageException("expected at most one input, got " + a.positionals);
        }
        Timeline timeline;
        Path baseDir;
        String stem;
        String ext = ".mp4";
        Double duration = null;
        if (a.get("duration") != null) {
            try {
                duration = Double.parseDouble(a.get("duration"));
            } catch (NumberFormatException e) {
                duration = -1.0;
            }
            if (!(duration > 0) || duration > 86_400) {
                throw new UsageException("bad --duration '" + a.get("duration") + "': expected seconds, e.g. 5 or 2.5");
            }
        }
        try {
            if (a.positionals.isEmpty()) {
                Project p = RenderCommand.loadDemo();
                timeline = p.timeline();
                baseDir = p.baseDir();
                stem = "demo";
            } else {
                Path in = Path.of(a.positionals.get(0));
                String n = in.getFileName().toString();
                stem = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) + ".export" : n + ".export";
                if (ProjectIO.isProjectFile(in)) {
                    Project p = ProjectIO.load(in, note -> err.println("lumaflow export: " + note));
                    timeline = p.timeline();
                    baseDir = p.baseDir();
                    stem = n.substring(0, n.lastIndexOf('.'));
                } else {
                    MediaTimeline mt = MediaTimeline.of(media, in, duration,
                            a.get("size") == null ? null : RenderCommand.parseSize(a.get("size")));
                    timeline = mt.timeline();
                    baseDir = in.toAbsolutePath().getParent();
                    if (mt.note() != null) {
                        err.println("lumaflow export: " + mt.note());
                    }
                    if (mt.audioOnly()) {
                        ext = ".m4a"; // an audio file: audio out
                    }
                    duration = null; // applied to the clip
                }
            }
        } catch (ProjectException | MediaException e) {
            err.println("lumaflow export: " + e.getMessage());
            return 1;
        }
        Path output = Path.of(a.get("out") != null ? a.get("out") : stem + ext);
        ExportSettings s = ExportSettings.to(output).withCodec(a.get("codec")).withEncoder(a.get("encoder"));
        try {
            if (a.get("crf") != null) {
                s = s.withCrf(Integer.parseInt(a.get("crf")));
            }
            if (a.get("bitrate") != null) {
                s = s.withBitrate(parseRate(a.get("bitrate")));
            }
            if (a.get("gop") != null) {
                s = s.withKeyframeInterval(Integer.parseInt(a.get("gop")));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("bad number: " + e.getMessage());
        }
        s = s.withPreset(a.get("preset")).withAudio(!a.flag("no-audio")).withQc(!a.flag("no-qc"));
        s = QcArgs.export(s, qcArgs);
        if (a.get("loudness") != null) {
            try {
                s = s.withLoudness(Double.parseDouble(a.get("loudness")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--loudness " + a.get("loudness") + ": a loudness in LUFS is expected, e.g."
                        + " -23 (" + e.getMessage() + ")");
            }
        }
        if (a.get("size") != null) {
            int[] wh = RenderCommand.parseSize(a.get("size"));
            s = s.withSize(wh[0], wh[1]);
        }
        if (a.get("frames") != null) {
            long[] r = RenderCommand.parseFrames(a.get("frames"), timeline.frameCount());
            s = s.withRange(r[0], r[1] - r[0] + 1);
        }
        if (duration != null) { // a project: the first S seconds (of the --frames range)
            long max = timeline.format().rate().ticksToFrame(
                    org.lumaflow.core.time.Ticks.fromSeconds(duration, java.math.RoundingMode.HALF_UP),
                    java.math.RoundingMode.CEILING);
            s = s.withRange(s.firstFrame(), s.frames() < 0 ? max : Math.min(s.frames(), max));
        }
        ProgressBar bar = a.flag("quiet") ? null : new ProgressBar(err, "export", expected(s, timeline));
        ExportJob job;
        int segments = segments(a.get("segments"));
        try {
            ExportListener listener = new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    if (bar != null) {
                        bar.update(p.framesDone());
                    }
                }

                @Override
                public void note(String message) {
                    err.println("lumaflow export: " + message);
                }
            };
            String executor = a.get("executor") != null ? a.get("executor")
                    : a.get("cluster") != null ? "hazelcast" : "local";
            job = segments < 0 && a.get("executor") == null && a.get("cluster") == null
                    ? exporter.start(timeline, baseDir, s, listener)
                    : segmentedExporter().start(timeline, baseDir, s, Math.max(0, segments),
                            cluster(executor(executor), a), listener);
        } catch (ExportException e) {
            err.println("lumaflow export: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> {
            job.cancel(); // Ctrl-C: stop cleanly, remove the temporary file, keep any earlier output
            try {
                job.await(Duration.ofSeconds(3));
            } catch (Exception ignored) {
                // exiting anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ExportResult r = job.await();
            for (String w : r.warnings()) {
                if (!w.contains(FailedNodes.MARK)) {
                    err.println("lumaflow export: warning: " + w);
                }
            }
            if (r.audioOnly()) {
                var rate = timeline.format().rate();
                long t0 = rate.frameToTicks(s.firstFrame());
                long t1 = Math.min(rate.frameToTicks(s.firstFrame() + r.frames()), timeline.duration());
                out.printf(Locale.ROOT, "%s: audio only, %.2f s with %s in %.1f s%n", r.output(),
                        (t1 - t0) / (double) org.lumaflow.core.time.Ticks.PER_SECOND, r.encoder(), r.seconds());
            } else {
                out.printf(Locale.ROOT, "%s: %d frames %dx%d with %s in %.1f s (%.1f fps)%n", r.output(),
                        r.frames(), r.width(), r.height(), r.encoder(), r.seconds(), r.fps());
            }
            if (r.qcReport() != null) {
                out.println("QC report: " + r.qcReport());
            }
            for (String w : r.warnings()) {
                if (w.contains(FailedNodes.MARK)) { // last: the export still succeeded, without that node
                    err.println("lumaflow export: " + w);
                }
            }
            return 0;
        } catch (ExportException e) {
            err.println("lumaflow export: " + e.getMessage());
            return e.cancelled() ? 130 : 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** {@code --segments}: -1 when absent (single pass), 0 for auto, else N >= 1. */
    static int segments(String v) throws UsageException {
        if (v == null) {
            return -1;
        }
        if (v.equals("auto")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("bad --segments '" + v + "': expected a number of segments >= 1, or auto");
    }

    /** {@code --cluster NAME [--members LIST]}: the executor configured to join that cluster as a client. */
    private static SegmentExecutor cluster(SegmentExecutor e, Args a) {
        if (a.get("cluster") == null) {
            return e;
        }
        java.util.Map<String, String> o = new java.util.HashMap<>();
        o.put("cluster", a.get("cluster"));
        if (a.get("members") != null) {
            o.put("members", a.get("members"));
        }
        return e.with(o);
    }

    private SegmentedExporter segmentedExporter() throws ExportException {
        SegmentedExporter s = segmented;
        if (s == null) {
            throw new ExportException("segmented export is not available in this runtime", null);
        }
        return s;
    }

    /** The segment executor named {@code name} (the hook for --executor and cluster options). */
    SegmentExecutor executor(String name) throws ExportException {
        List<SegmentExecutor> all = executors == null ? List.of() : executors;
        for (SegmentExecutor e : all) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new ExportException("no segment executor '" + name + "' (available: "
                + all.stream().map(SegmentExecutor::name).sorted().toList() + ")", null);
    }

    private static long expected(ExportSettings s, Timeline t) {
        long total = t.frameCount() - s.firstFrame();
        return s.frames() < 0 ? total : Math.min(total, s.frames());
    }

    static long parseRate(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.round(Double.parseDouble(t) * mult);
    }
}
