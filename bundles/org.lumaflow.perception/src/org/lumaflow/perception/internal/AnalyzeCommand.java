package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceTrack;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code lumaflow analyze MEDIA [--out faces.json]}: the face track of a media file as JSON. */
@Component(service = CliCommand.class)
public final class AnalyzeCommand implements CliCommand {

    @Reference
    private FaceAnalyzer analyzer;

    /** For DS. */
    public AnalyzeCommand() {
    }

    /** Outside OSGi. */
    public AnalyzeCommand(FaceAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "find the faces in a media file and write them as JSON";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow analyze MEDIA [--out FILE] [--rate N] [--proxy W] [--model ONNX] [--fresh]
                  finds the faces of MEDIA's first video stream (on a W px wide proxy, at most N detector passes per
                  second of media time plus one at each scene cut) and writes the face track as JSON: per analysed
                  frame its time and the face boxes (normalized 0..1 x, y, w, h and confidence). The result is cached
                  (per file content and settings): the perception nodes and later runs reuse it.
                  --out FILE     write the JSON to FILE (default: standard output)
                  --rate N       detector passes per second of media time (default 5; 0 = every frame)
                  --proxy W      proxy width in pixels (default 320)
                  --model ONNX   use the YuNet face detector model ONNX (OpenCV FaceDetectorYN) instead of the Haar
                                 cascade (default: -Dlumaflow.faces.model, else the cascade)
                  --fresh        ignore and replace a cached result""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        List<String> files = new ArrayList<>();
        String outFile = null;
        FaceAnalysisSettings s = analyzer.defaultSettings();
        boolean fresh = false;
        try {
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                switch (a) {
                    case "--out", "-o" -> outFile = Options.value(argv, ++i, a);
                    case "--rate" -> s = s.withMaxRate(Options.nonNegative(Options.value(argv, ++i, a), a));
                    case "--proxy" -> s = s.withProxyWidth((int) Options.nonNegative(Options.value(argv, ++i, a), a));
                    case "--model" -> s = s.withModel(Path.of(Options.value(argv, ++i, a)));
                    case "--fresh" -> fresh = true;
                    default -> files.add(Options.positional(a));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (files.size() != 1) {
            throw new UsageException("expected one media file");
        }
        Path media = Path.of(files.get(0));
        FaceTrack t;
        try {
            if (fresh && Files.isRegularFile(media)) {
                analyzer.evict(media);
            }
            t = analyzer.analyze(media, s).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            err.println("lumaflow analyze: " + (c instanceof IOException ? c.getMessage() : c.toString()));
            return 1;
        }
        StringWriter w = new StringWriter();
        TrackJson.write(t, w);
        if (outFile == null) {
            out.println(w);
        } else {
            try {
                ResultCache.write(Path.of(outFile), o -> o.write(w.toString()));
            } catch (IOException e) {
                err.println("lumaflow analyze: cannot write " + outFile + ": " + e.getMessage());
                return 1;
            }
        }
        FaceTrack.Stats st = t.stats();
        long withFaces = t.samples().stream().filter(x -> !x.faces().isEmpty()).count();
        int most = t.samples().stream().mapToInt(x -> x.faces().size()).max().orElse(0);
        err.printf(Locale.ROOT, "%s: %d frames, detector (%s) on %d of them at %dx%d proxy, %.1f ms each; %d scene cuts;"
                + " faces in %d analysed frames (at most %d at once)%s%n", media, st.frames(), t.detector(),
                st.analysedFrames(), Math.min(s.proxyWidth(), t.width()),
                Math.max(1, Math.round(t.height() * (double) Math.min(s.proxyWidth(), t.width()) / t.width())),
                st.detectorMillisPerFrame(), st.cuts(), withFaces, most,
                t.origin() == FaceTrack.Origin.DISK_CACHE ? " (from the cache)" : "");
        if (outFile != null) {
            err.println("wrote " + outFile);
        }
        return 0;
    }
}
