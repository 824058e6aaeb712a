package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@link SegmentedExporter} on the single-pass pipeline's pieces (see the package's classes for each step). */
@Component(service = SegmentedExporter.class)
public final class SegmentedExporterImpl implements SegmentedExporter {

    private final Engine engine;
    private final MediaService media;
    private final SegmentEncode encoder;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QcService qc;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeRegistry registry;
    /** The single pass, for an automatic count that comes to one local worker. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Exporter single;

    @Activate
    public SegmentedExporterImpl(@Reference Engine engine, @Reference ConverterRegistry converters,
            @Reference MediaService media) {
        this.engine = engine;
        this.media = media;
        this.encoder = new SegmentEncode(engine, converters, media);
    }

    MediaService media() {
        return media;
    }

    @Override
    public SegmentPlan plan(Timeline timeline, Path baseDir, ExportSettings settings, int segments)
            throws ExportException {
        return plan(timeline, baseDir, settings, segments, ExportListener.none());
    }

    SegmentPlan plan(Timeline timeline, Path baseDir, ExportSettings settings, int segments, ExportListener l)
            throws ExportException {
        return Planner.plan(timeline, baseDir, settings, segments, media, registry, l);
    }

    @Override
    public SegmentPlan load(Path planFile) throws ExportException {
        return PlanFiles.load(planFile);
    }

    @Override
    public SegmentResult encode(SegmentPlan plan, int index, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException {
        return encoder.encode(plan, index, listener, cancelled);
    }

    @Override
    public ExportResult join(SegmentPlan plan, List<SegmentResult> results, ExportListener listener,
            BooleanSupplier cancelled) throws ExportException {
        long t0 = System.nanoTime();
        Path out = plan.output();
        verifyCommitted(plan, results);
        Timeline tl;
        try {
            tl = ProjectIO.load(plan.project()).timeline();
        } catch (ProjectException e) {
            throw new ExportException(e.getMessage(), e);
        }
        var rate = SegmentEncode.rate(plan);
        List<SegmentScan> scans = Joiner.scan(plan, rate);
        String container = ExportSettings.to(out).container();
        List<String> warnings = new ArrayList<>();
        Path qcReport = null;
        SegmentSupport.removeStale(out, listener);
        int w = Integer.parseInt(plan.settings().get("width"));
        int h = Integer.parseInt(plan.settings().get("height"));
        QcService q = Boolean.parseBoolean(plan.settings().get("qc")) ? qc : null;
        SegmentSupport.Qc feed = q == null ? null
                : new SegmentSupport.Qc(q, out.toString(), w, h, rate.toDouble(), qcOptions(plan));
        boolean ok = false;
        try (PartialFile partial = PartialFile.beside(out, ".partial")) {
            long j0 = System.nanoTime();
            Joiner.Expect want = Joiner.write(plan, scans, tl, this, partial.path(), container, cancelled, warnings);
            long j1 = System.nanoTime();
            listener.note(String.format(Locale.ROOT, "joined %d segments by stream copy%s in %.2f s; checking %s",
                    scans.size(), want.audio() ? ", audio encoded once," : "", (j1 - j0) / 1e9, out.getFileName()));
            JoinChecks.run(partial.path(), want, rate, feed, engine.pool(), cancelled);
            listener.note(String.format(Locale.ROOT, "checked %s in %.2f s (packets, IDRs, a full decode%s)",
                    out.getFileName(), (System.nanoTime() - j1) / 1e9, feed != null ? ", QC" : ""));
            partial.commit();
            ok = true;
        } catch (ExportException e) {
            throw e.cancelled() ? e : new ExportException(out + ": segmented export failed its checks, the"
                    + " destination was not touched: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ExportException(out + ": joining the segments failed, the destination was not touched: "
                    + SegmentSupport.describe(e), e);
        } finally {
            if (!ok && feed != null) {
                feed.abandon();
            }
        }
        if (feed != null) {
            String[] note = {null};
            try {
                qcReport = feed.finish(out, note);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                note[0] = "QC interrupted";
            }
            if (note[0] != null) {
                listener.note(note[0]);
            }
        }
        long total = plan.frames();
        double secs = (System.nanoTime() - t0) / 1e9;
        listener.progress(new ExportProgress(total, total, 0, 0, plan.encoder()));
        return new ExportResult(out, plan.encoder(), List.of(new EncoderChoice(plan.encoder(),
                SegmentSupport.hardware(plan.encoder()), true, "chosen once for " + plan.segments().size()
                        + " segments")), total, secs, w, h, warnings, qcReport);
    }

    /** Every segment committed, and its file's SHA-256 the one in its manifest and result. */
    private static void verifyCommitted(SegmentPlan plan, List<SegmentResult> results) throws ExportException {
        if (results.size() != plan.segments().size()) {
            throw new ExportException(plan.output() + ": " + results.size() + " segment results for "
                    + plan.segments().size() + " segments", null);
        }
        for (Segment s : plan.segments()) {
            SegmentResult r = results.get(s.index());
            Path f = Commits.file(plan, s);
            try {
                SegmentResult m = Commits.committed(plan, s);
                if (m == null || r.index() != s.index()) {
                    throw new ExportException(plan.output() + ": segment " + s.index() + " (" + s.file()
                            + ") is not committed", null);
                }
                String actual = Commits.sha256(f);
                if (!actual.equals(m.sha256()) || !actual.equals(r.sha256())) {
                    throw new ExportException(plan.output() + ": segment " + s.index() + " (" + f
                            + ") is corrupt: its SHA-256 " + actual.substring(0, 16) + "... does not match the"
                            + " manifest's " + m.sha256().substring(0, Math.min(16, m.sha256().length()))
                            + "...; the destination was not touched", null);
                }
            } catch (IOException e) {
                throw new ExportException(f + ": cannot read segment " + s.index() + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private static QcOptions qcOptions(SegmentPlan plan) {
        QcOptions o = null;
        for (String k : QcOptions.KEYS) {
            String v = plan.settings().get("qc." + k);
            if (v != null) {
                o = (o == null ? QcOptions.defaults() : o).with(k, v);
            }
        }
        return o;
    }

    @Override
    public ExportJob start(Timeline timeline, Path baseDir, ExportSettings settings, int segments,
            SegmentExecutor executor, ExportListener listener, SegmentListener segmentListener)
            throws ExportException {
        Exporter one = single;
        if (segments <= 0 && executor instanceof LocalSegmentExecutor && executor.parallelism() <= 1 && one != null) {
            // where one worker fits, the single pass: no worker start-up, join or join check
            listener.note("--segments auto: one worker fits this machine, exporting in one pass");
            return one.start(timeline, baseDir, settings, listener);
        }
        int n = segments > 0 ? segments : AutoParallelism.segments(executor.parallelism());
        SegmentPlan plan = plan(timeline, baseDir, settings, n, listener);
        SegmentedJob job = new SegmentedJob(this, plan, executor, listener, segmentListener);
        job.start();
        return job;
    }

    /** Removes a plan's work folder (after the export, or on cancel). */
    static void cleanUp(SegmentPlan plan) {
        if (!Boolean.getBoolean("lumaflow.segments.keep")) {
            for (int i = 0; i < 50 && !WorkDirs.remove(plan.workDir()); i++) {
                try {
                    Thread.sleep(100); // a worker that was just stopped may still close its files
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
