package org.lumaflow.telemetry.internal.reel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.ProgressBar;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectAnalyzer;
import org.lumaflow.perception.ObjectTrack;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightFinder;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.internal.highlights.DetectionCandidates;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code lumaflow highlights MEDIA... --out reel.lumaflow}: finds highlights and builds (and exports) a reel. */
@Component(service = CliCommand.class)
public final class HighlightsCommand implements CliCommand {

    @Reference
    private TelemetryService telemetry;
    @Reference
    private HighlightFinder finder;
    @Reference
    private MediaService media;
    @Reference
    private Exporter exporter;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ObjectAnalyzer objects;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Engine engine;

    @Override
    public String name() {
        return "highlights";
    }

    @Override
    public String summary() {
        return "find highlights in footage and its telemetry and build a reel project (and video)";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow highlights MEDIA... --out REEL.lumaflow [--telemetry FILE] [--export OUT.mp4 [--crf Q]]
                                          [--top N] [--spacing S] [--pre S] [--post S] [--offset S] [--correlate]
                                          [--units metric|imperial] [--gauge dial|digital] [--no-detect] [--model ONNX]
                  finds highlights (speed peaks, hard acceleration and braking, g-force peaks, jumps, spins, HiLight
                  tags, people and vehicles in the picture), keeps the best N at least S seconds apart, and writes a
                  reel project: one clip per highlight with PRE/POST seconds around it, dissolves between them, speed
                  gauge, minimap, elevation and g-meter overlays on each clip.
                  --telemetry FILE  telemetry for all MEDIA (GPX, DJI SRT, CSV, GPMF); default: each MEDIA's own
                                    (GoPro MP4s carry theirs)
                  --offset S        manual offset when FILE cannot be aligned by GPS time or creation time
                  --correlate       also match FILE's motion (gyro, else acceleration, else speed) with the video's
                                    motion: a confident match (reported) replaces a creation-time or manual offset
                  --export OUT      also export the reel (like lumaflow export; no QC report)
                  --crf Q           constant quality of that export (lower = better; default per codec)
                  --top N           highlights to keep (default 5)
                  --spacing S       seconds between highlights at least (default 10)
                  --pre S, --post S seconds before and after each highlight (default 2 and 3)
                  --no-detect       no object detection on the video
                  --model ONNX      detect people and vehicles with this YOLO model instead of OpenCV's HOG""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        List<Path> files = new ArrayList<>();
        Path telemetryFile = null;
        Path outFile = null;
        Path exportFile = null;
        Path model = null;
        Double offset = null;
        int crf = -1;
        boolean detect = true;
        boolean correlate = false;
        HighlightOptions o = HighlightOptions.defaults();
        ReelBuilder.Style style = ReelBuilder.Style.defaults();
        try {
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                switch (a) {
                    case "--out", "-o" -> outFile = Path.of(value(argv, ++i, a));
                    case "--telemetry" -> telemetryFile = Path.of(value(argv, ++i, a));
                    case "--export" -> exportFile = Path.of(value(argv, ++i, a));
                    case "--top" -> o = o.withTop((int) number(value(argv, ++i, a), a, 1));
                    case "--spacing" -> o = o.withSpacing(number(value(argv, ++i, a), a, 0));
                    case "--pre" -> o = o.withRoll(number(value(argv, ++i, a), a, 0), o.post());
                    case "--post" -> o = o.withRoll(o.pre(), number(value(argv, ++i, a), a, 0));
                    case "--offset" -> offset = Double.parseDouble(value(argv, ++i, a));
                    case "--crf" -> crf = (int) number(value(argv, ++i, a), a, 0);
                    case "--units" -> style = new ReelBuilder.Style(choice(value(argv, ++i, a), a, "metric",
                            "imperial"), style.gaugeStyle(), style.transition(), style.gMeter());
                    case "--gauge" -> style = new ReelBuilder.Style(style.units(), choice(value(argv, ++i, a), a,
                            "dial", "digital"), style.transition(), style.gMeter());
                    case "--no-detect" -> detect = false;
                    case "--correlate" -> correlate = true;
                    case "--model" -> model = Path.of(value(argv, ++i, a));
                    default -> {
                        if (a.startsWith("-") && a.length() > 1) {
                            throw new UsageException("unknown option " + a);
                        }
                        files.add(Path.of(a));
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new UsageException("bad number: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UsageException("expected at least one media file");
        }
        if (outFile == null) {
            throw new UsageException("--out REEL.lumaflow is required");
        }
        Telemetry external = null;
        List<ReelBuilder.Source> sources = new ArrayList<>();
        List<Highlight> all = new ArrayList<>();
        try {
            if (telemetryFile != null) {
                external = telemetry.read(telemetryFile);
            }
            List<List<Highlight>> perMedia = new ArrayList<>();
            List<Object[]> found = new ArrayList<>();
            for (Path f : files) {
                MediaInfo info = media.probe(f);
                if (info.firstVideo() == null) {
                    throw new MediaException(f, "has no video stream to cut a reel from");
                }
                double duration = Ticks.toSeconds(info.durationTicks());
                Telemetry t = external;
                if (t == null) {
                    try {
                        t = telemetry.read(f);
                    } catch (IOException none) {
                        err.println("lumaflow highlights: " + none.getMessage() + " (no telemetry overlays for "
                                + f.getFileName() + ")");
                    }
                }
                List<Highlight> candidates = new ArrayList<>();
                Alignment al = null;
                if (t != null) {
                    al = telemetry.align(t, f, offset, correlate);
                    err.println("lumaflow highlights: " + f.getFileName() + ": " + t.format() + " telemetry, "
                            + al.reason());
                    candidates.addAll(finder.candidates(t, al, o));
                }
                ObjectAnalyzer oa = objects;
                if (detect && oa != null) {
                    ObjectAnalysisSettings s = oa.defaultSettings().withModel(model);
                    ObjectTrack track = oa.analyze(f, s).get();
                    err.printf(Locale.ROOT, "lumaflow highlights: %s: %s on %d frames (batch %d)%s%n",
                            f.getFileName(), track.detector(), track.stats().analysedFrames(),
                            track.stats().batchSize(), track.fromCache() ? " (from the cache)" : "");
                    candidates.addAll(DetectionCandidates.of(track));
                }
                List<Highlight> chosen = finder.select(candidates, duration, o);
                perMedia.add(chosen);
                found.add(new Object[] {info, t, al});
                for (Highlight h : chosen) {
                    all.add(h);
                }
            }
            // the best N over all media (each media's list is already spaced)
            all.sort(Comparator.comparingDouble(Highlight::score).reversed());
            List<Highlight> keep = all.subList(0, Math.min(o.top(), all.size()));
            for (int k = 0; k < files.size(); k++) {
                Object[] fo = found.get(k);
                Telemetry t = (Telemetry) fo[1];
                Alignment al = (Alignment) fo[2];
                List<Highlight> mine = perMedia.get(k).stream().filter(keep::contains).toList();
                Path overlayFile = t == null ? null : t.source();
                sources.add(new ReelBuilder.Source((MediaInfo) fo[0], overlayFile, al == null ? 0 : al.offset(),
                        t != null && t.gps() != null && t.gps().channel(Channels.ALT) >= 0,
                        t != null && t.streamWith(Channels.ACCEL_X) != null, mine));
                for (Highlight h : mine) {
                    out.printf(Locale.ROOT, "%s %7.2f - %7.2f s  peak %7.2f  score %.2f  %s: %s%n",
                            files.get(k).getFileName(), h.start(), h.end(), h.peak(), h.score(),
                            String.join("+", h.kinds()), h.label());
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            err.println("lumaflow highlights: " + (c instanceof IOException ? c.getMessage() : c.toString()));
            return 1;
        } catch (IOException e) {
            err.println("lumaflow highlights: " + e.getMessage());
            return 1;
        }
        if (sources.stream().allMatch(s -> s.highlights().isEmpty())) {
            err.println("lumaflow highlights: no highlights found (try lower thresholds, or a file with telemetry)");
            return 1;
        }
        Project reel = ReelBuilder.build(stem(outFile), sources, style);
        try {
            ProjectIO.save(reel, outFile, engine == null ? null : engine.registry().snapshot());
        } catch (IOException e) {
            err.println("lumaflow highlights: cannot write " + outFile + ": " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "wrote %s: %d clips, %.1f s%n", outFile,
                reel.timeline().tracks().get(0).clips().size(), ReelBuilder.seconds(reel));
        return exportFile == null ? 0 : export(reel, exportFile, crf, out, err);
    }

    private int export(Project reel, Path file, int crf, PrintStream out, PrintStream err)
            throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, "export", reel.timeline().frameCount());
        try {
            ExportSettings settings = ExportSettings.to(file).withCrf(crf).withQc(false);
            ExportJob job = exporter.start(reel.timeline(), reel.baseDir(), settings, new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    bar.update(p.framesDone());
                }

                @Override
                public void note(String message) {
                    err.println("lumaflow highlights: " + message);
                }
            });
            ExportResult r = job.await();
            for (String w : r.warnings()) {
                err.println("lumaflow highlights: warning: " + w);
            }
            out.printf(Locale.ROOT, "%s: %d frames %dx%d with %s in %.1f s (%.1f fps)%n", r.output(), r.frames(),
                    r.width(), r.height(), r.encoder(), r.seconds(), r.fps());
            return 0;
        } catch (ExportException e) {
            err.println("lumaflow highlights: " + e.getMessage());
            return e.cancelled() ? 130 : 1;
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String value(List<String> argv, int i, String opt) throws UsageException {
        if (i >= argv.size()) {
            throw new UsageException("option " + opt + " needs a value");
        }
        return argv.get(i);
    }

    private static String choice(String v, String opt, String... allowed) throws UsageException {
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new UsageException("bad " + opt + " '" + v + "': expected " + String.join(" or ", allowed));
    }

    private static double number(String v, String opt, double min) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min) || !Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("bad " + opt + " '" + v + "': expected a number >= " + (long) min);
        }
    }
}
