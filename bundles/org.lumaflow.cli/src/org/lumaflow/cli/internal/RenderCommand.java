package org.lumaflow.cli.internal;

import org.lumaflow.cli.ProgressBar;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code lumaflow render}: renders a project's frames to PNG files. */
@Component(service = CliCommand.class)
public final class RenderCommand implements CliCommand {

    static final String DEMO = "/demo/demo.lumaflow";

    private Engine engine;

    /** For DS. */
    public RenderCommand() {
    }

    /** Outside OSGi. */
    public RenderCommand(Engine engine) {
        this.engine = engine;
    }

    @Reference
    void setEngine(Engine e) {
        this.engine = e;
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "render a project's frames to PNG files (the bundled demo when no project is given)";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow render [PROJECT] [--frames A..B] [--size WxH] [--out DIR] [--quiet] [--strict]
                  PROJECT      a .lumaflow project file, or OpenTimelineIO .otio/.otioz/.otiod (default: the bundled
                               demo, procedural sources only)
                  --frames     frame range at the project rate, inclusive: A..B, A.. (to the end) or N (default: all)
                  --size       output size, e.g. 1280x720 (default: the project's size)
                  --out        output folder for frame_NNNNNN.png (default: ./frames)
                  --quiet      no progress bar
                  --strict     exit with 3 when any frame carried a warning or a node error (frames are still written)""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("frames", "size", "out"), Set.of("quiet", "strict"));
        if (a.positionals.size() > 1) {
            throw new UsageException("expected at most one project file, got " + a.positionals);
        }
        Project project;
        try {
            project = a.positionals.isEmpty() ? loadDemo()
                    : ProjectIO.load(Path.of(a.positionals.get(0)), n -> err.println("lumaflow render: " + n));
        } catch (ProjectException e) {
            err.println("lumaflow render: cannot load project: " + e.getMessage());
            return 1;
        }
        var fmt = project.timeline().format();
        int[] size = a.get("size") == null ? new int[] {fmt.width(), fmt.height()} : parseSize(a.get("size"));
        long total = project.timeline().frameCount();
        long[] range = parseFrames(a.get("frames"), total);
        Path outDir = Path.of(a.get("out") == null ? "frames" : a.get("out"));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("lumaflow render: cannot create output folder " + outDir + ": " + Errors.describe(e));
            return 1;
        }
        if (!Files.isWritable(outDir)) {
            err.println("lumaflow render: output folder " + outDir + " is not writable");
            return 1;
        }
        for (Path stale : org.lumaflow.core.internal.PartialFile.removeStale(outDir)) {
            err.println("lumaflow render: removed " + stale.getFileName() + " (left by an interrupted render)");
        }
        TimelineRenderer renderer = new TimelineRenderer(engine, project.timeline(), project.baseDir());
        long count = range[1] - range[0] + 1;
        ProgressBar bar = a.flag("quiet") ? null : new ProgressBar(err, "render", count);
        Map<String, long[]> warnings = new LinkedHashMap<>();
        FailedNodes failed = new FailedNodes();
        int writers = FrameSink.defaultWriters();
        // GPU backends overlap frames: keep up to inFlight() renders submitted before taking the oldest
        ArrayDeque<PendingRender> flying = new ArrayDeque<>();
        String backend = null;
        try (FrameSink sink = new FrameSink(outDir, writers)) {
            try {
                long done = range[0];
                for (long f = range[0]; f <= range[1]; f++) {
                    int depth;
                    try {
                        var g = renderer.graphAt(project.timeline().format().rate().frameToTicks(f));
                        depth = g.inFlight();
                        backend = g.backend();
                        flying.add(renderer.submitFrame(f, size[0], size[1], PixelFormat.RGBA8));
                    } catch (GraphException e) {
                        err.println("lumaflow render: " + source(project) + ": the timeline at frame " + f
                                + " cannot be rendered: " + e.getMessage());
                        return 1;
                    }
                    while (flying.size() >= depth || (f == range[1] && !flying.isEmpty())) {
                        deliver(flying.poll().await(), done++, sink, warnings, failed);
                        if (bar != null) {
                            bar.update(done - range[0]);
                        }
                    }
                }
            } finally {
                drain(flying); // renders still in flight after an error
            }
        }
        double secs = bar == null ? 0 : bar.elapsedSeconds();
        for (Map.Entry<String, long[]> w : warnings.entrySet()) {
            long[] s = w.getValue();
            err.println(w.getKey() + " (" + s[0] + " frame(s), " + s[1] + ".." + s[2] + ")");
        }
        out.printf(Locale.ROOT, "rendered %d frame(s) %dx%d of '%s' to %s%s on %s%n", count, size[0], size[1],
                project.name(), outDir, secs > 0 ? String.format(Locale.ROOT, " in %.2f s (%.1f fps)", secs, count / secs)
                        : "", backend);
        if (!warnings.isEmpty()) {
            // the last line says it too: a failed node (a title without its font, a missing source) is easy to miss
            long errors = warnings.keySet().stream().filter(k -> k.startsWith("error")).count();
            long affected = warnings.values().stream().mapToLong(s -> s[0]).max().orElse(0);
            err.printf(Locale.ROOT, "lumaflow render: %s: %d node error(s) and %d warning(s), in up to %d frame(s); "
                    + "those frames are not as the project describes them (listed above%s)%n", source(project),
                    errors, warnings.size() - errors, affected, a.flag("strict") ? "" : "; --strict makes this fail");
            // and which nodes the frames lack (a contained extension failure still exits 0 without --strict)
            failed.print(err, "render", type -> engine.registry().snapshot().plugins().get(type));
        }
        if (a.flag("strict") && !warnings.isEmpty()) {
            err.println("lumaflow render: --strict: " + warnings.size() + " distinct warning(s)/error(s), see above");
            return 3;
        }
        return 0;
    }

    private static void deliver(RenderResult r, long f, FrameSink sink, Map<String, long[]> warnings,
            FailedNodes failed) throws IOException, InterruptedException {
        failed.frame(r.messages(), f);
        for (RenderMessage m : r.messages()) {
            long[] seen = warnings.get(m.toString());
            if (seen == null) {
                seen = new long[] {0, f, f};
                warnings.put(m.toString(), seen);
            }
            seen[0]++;
            seen[2] = f;
        }
        sink.submit(r.frame(), f); // takes over the frame's lease
    }

    private static void drain(ArrayDeque<PendingRender> flying) {
        while (!flying.isEmpty()) {
            try {
                flying.poll().await().close();
            } catch (RuntimeException e) {
                // already failing: the first error is the one reported
            }
        }
    }

    static Project loadDemo() throws ProjectException, IOException {
        try (InputStream in = RenderCommand.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IOException("the bundled demo project " + DEMO + " is missing from the CLI bundle");
            }
            return ProjectIO.load(in, Path.of("demo.lumaflow"));
        }
    }

    private static String source(Project p) {
        return p.file() == null ? "demo.lumaflow" : p.file().toString();
    }

    static int[] parseSize(String s) throws UsageException {
        String[] parts = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 1 && h >= 1 && w <= 16384 && h <= 16384) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("bad --size '" + s + "': expected WxH with 1..16384, e.g. 1280x720");
    }

    static long[] parseFrames(String s, long total) throws UsageException {
        if (total <= 0) {
            throw new UsageException("the project is empty (no clips), nothing to render");
        }
        if (s == null) {
            return new long[] {0, total - 1};
        }
        try {
            long a;
            long b;
            int dots = s.indexOf("..");
            if (dots < 0) {
                a = Long.parseLong(s.trim());
                b = a;
            } else {
                a = Long.parseLong(s.substring(0, dots).trim());
                String rest = s.substring(dots + 2).trim();
                b = rest.isEmpty() ? total - 1 : Long.parseLong(rest);
            }
            if (a < 0 || b < a || a >= total) {
                throw new UsageException("bad --frames '" + s + "': the project has frames 0.." + (total - 1));
            }
            return new long[] {a, Math.min(b, total - 1)};
        } catch (NumberFormatException e) {
            throw new UsageException("bad --frames '" + s + "': expected A..B, A.. or N (frame numbers)");
        }
    }
}
