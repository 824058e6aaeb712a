package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.ProgressBar;
import org.lumaflow.cli.UsageException;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcListener;
import org.lumaflow.qc.QcMarkers;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code lumaflow qc MEDIA|PROJECT [--reference OTHER] [--report out.html] [--json out.json] [--preset NAME]
 * [threshold options] [--markers] [--quiet]}.
 */
@Component(service = CliCommand.class)
public final class QcCommand implements CliCommand {

    private static final Set<String> VALUED = QcArgs.valued("reference", "report", "json", "preset");
    private final QcService qc;

    @Activate
    public QcCommand(@Reference QcService qc) {
        this.qc = qc;
    }

    @Override
    public String name() {
        return "qc";
    }

    @Override
    public String summary() {
        return "quality control of a media file or a project: signal statistics, black/freeze/scene/clipping, "
                + "loudness, PSNR/SSIM; HTML and JSON reports";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow qc MEDIA|PROJECT [--reference OTHER] [--report OUT.html] [--json OUT.json]
                                   [--preset NAME] [threshold options] [--markers] [--quiet]
                  MEDIA        a video file (8-bit 4:2:0), analysed as decoded
                  PROJECT      a .lumaflow project (or .otio/.otioz/.otiod): rendered and analysed as an export would encode it
                  --reference  compare with another file of the same size: PSNR and SSIM per frame and overall
                  --report     write a self-contained HTML report (plots, events); default: none
                  --json       write the JSON report (per-frame signalstats fields, events, audio, comparison,
                               the thresholds used)
                  --markers    (PROJECT) write the findings into the project as timeline markers, coloured by
                               severity (red errors, orange warnings, yellow others; scene cuts left out),
                               replacing those of an earlier run; the file is saved atomically
                  --quiet      no progress bar
                Prints a summary; exit 0 when done (events are findings, not errors), 1 when the input cannot be read.
                """ + QcArgs.usage("--preset");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, VALUED, Set.of("quiet", "markers"));
        if (a.positionals.size() != 1) {
            throw new UsageException("expected one media file or project, got " + a.positionals);
        }
        QcOptions options = QcArgs.options(a, "preset");
        boolean quiet = a.flag("quiet");
        Path in = Path.of(a.positionals.get(0));
        ProgressBar[] bar = {null};
        QcListener l = (done, total) -> {
            if (!quiet) {
                if (bar[0] == null) {
                    bar[0] = new ProgressBar(err, "qc", total);
                }
                bar[0].update(done);
            }
            return true;
        };
        QcReport r;
        Project project = null;
        try {
            if (ProjectIO.isProjectFile(in)) {
                if (a.flag("reference")) {
                    throw new UsageException("--reference compares media files; export the project first");
                }
                Project p = ProjectIO.load(in, note -> err.println("lumaflow qc: " + note));
                r = qc.analyze(p.timeline(), p.baseDir(), in.toString(), options, l);
                project = p;
            } else if (a.flag("markers")) {
                throw new UsageException("--markers writes into a project; " + in + " is a media file");
            } else if (a.flag("reference")) {
                r = qc.compare(in, Path.of(a.get("reference")), options, l);
            } else {
                r = qc.analyze(in, options, l);
            }
        } catch (QcException | org.lumaflow.engine.project.ProjectException e) {
            err.println("lumaflow qc: " + e.getMessage());
            return 1;
        }
        if (a.flag("json")) {
            qc.writeJson(r, Path.of(a.get("json")));
        }
        if (a.flag("report")) {
            qc.writeHtml(r, Path.of(a.get("report")));
        }
        out.printf(Locale.ROOT, "%s: %d frames %dx%d, mean luma %.1f%n", r.source(), r.frames().size(), r.width(),
                r.height(), r.meanLuma());
        out.println("  thresholds: " + thresholds(options));
        for (QcEvent e : r.events()) {
            out.printf(Locale.ROOT, "  %-8s %9.3f .. %9.3f s  %s%n", e.type(), e.start(), e.end(), e.detail());
        }
        if (r.audio() != null) {
            out.printf(Locale.ROOT, "  audio: %.1f LUFS integrated, LRA %.1f LU, true peak %.1f dBTP%n",
                    r.audio().integrated(), r.audio().range(), r.audio().truePeak());
        }
        if (project != null && a.flag("markers")) {
            int n = QcMarkers.apply(project.timeline(), r);
            try {
                ProjectIO.save(project, in, null);
            } catch (java.io.IOException e) {
                err.println("lumaflow qc: " + in + ": cannot save the markers (" + e.getMessage() + ")");
                return 1;
            }
            out.println("  " + n + " QC marker(s) written to " + in);
        }
        if (r.comparison() != null) {
            out.printf(Locale.ROOT, "  vs %s: PSNR %.2f dB, SSIM %.5f%n", r.comparison().reference(),
                    r.comparison().psnr(), r.comparison().ssim());
        }
        return 0;
    }

    /** {@code preset broadcast, changed blackdetect.d=0.3}: the preset and what differs from it. */
    static String thresholds(QcOptions o) {
        StringBuilder s = new StringBuilder("preset ").append(o.preset());
        String sep = ", changed ";
        for (String k : o.changedFromPreset()) {
            s.append(sep).append(k).append('=').append(o.format(k));
            sep = " ";
        }
        return s.toString();
    }
}
