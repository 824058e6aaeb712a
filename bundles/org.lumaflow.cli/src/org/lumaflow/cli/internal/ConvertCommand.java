package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Track;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code lumaflow convert IN OUT}: converts a project between Lumaflow's format and the formats of installed
 * {@link org.lumaflow.engine.project.ProjectFormat}s (OpenTimelineIO {@code .otio}, {@code .otioz}, {@code .otiod}),
 * by extension. The output is written atomically; offline media and what was kept or approximated are reported.
 */
@Component(service = CliCommand.class)
public final class ConvertCommand implements CliCommand {

    @Reference
    private Engine engine;

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert a project between .lumaflow and OpenTimelineIO (.otio, .otioz, .otiod)";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow convert IN OUT [--strict]
                  IN, OUT      project files; the extension picks the format: .lumaflow (or .json), .otio (JSON),
                               .otioz (zip bundle with the media) or .otiod (folder bundle with the media)
                  --strict     exit with 3 when anything was reported (offline media, items kept but not shown)
                  Media that cannot be found stays in the timeline as offline media (a slate), listed on stderr;
                  the output replaces OUT atomically. See docs/otio.md for what maps to what.""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of(), Set.of("strict"));
        if (a.positionals.size() != 2) {
            throw new UsageException("expected IN and OUT, got " + a.positionals);
        }
        Path in = Path.of(a.positionals.get(0));
        Path to = Path.of(a.positionals.get(1));
        for (Path p : List.of(in, to)) {
            if (!ProjectIO.isProjectFile(p)) {
                throw new UsageException("'" + p + "' is not a project file name (.lumaflow, .json"
                        + ProjectIO.formatExtensions().stream().map(e -> ", " + e).reduce("", String::concat) + ")");
            }
        }
        if (Files.exists(to) && Files.exists(in) && Files.isSameFile(in, to)) {
            throw new UsageException("IN and OUT are the same file");
        }
        List<String> notes = new ArrayList<>();
        Project p;
        try {
            p = ProjectIO.load(in, notes::add);
        } catch (ProjectException e) {
            err.println("lumaflow convert: cannot load project: " + e.getMessage());
            return 1;
        }
        for (String n : notes) {
            err.println("lumaflow convert: " + n);
        }
        int before = notes.size();
        ProjectIO.save(p, to, engine.registry().snapshot(), notes::add);
        for (String n : notes.subList(before, notes.size())) {
            err.println("lumaflow convert: " + n);
        }
        int clips = 0;
        for (Track t : p.timeline().tracks()) {
            clips += t.clips().size();
        }
        out.println("converted " + in + " -> " + to + ": " + p.timeline().tracks().size() + " track(s), " + clips
                + " clip(s), " + p.timeline().markers().size() + " timeline marker(s)"
                + (notes.isEmpty() ? "" : "; " + notes.size() + " note(s) above"));
        return a.flag("strict") && !notes.isEmpty() ? 3 : 0;
    }
}
