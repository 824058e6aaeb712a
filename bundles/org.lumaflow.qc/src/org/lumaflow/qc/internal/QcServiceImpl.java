package org.lumaflow.qc.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.PixelConverter;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.render.FrameStats;
import org.lumaflow.qc.ColorSample;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcListener;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The QC service: files through {@link FileAnalysis}, renders and exports through the analyzer, detectors and reports. */
@Component(service = QcService.class)
public final class QcServiceImpl implements QcService {

    private final MediaService media;
    private final Engine engine;
    private final ConverterRegistry converters;
    private FramePool pool;

    @Activate
    public QcServiceImpl(@Reference MediaService media, @Reference Engine engine,
            @Reference ConverterRegistry converters) {
        this.media = media;
        this.engine = engine;
        this.converters = converters;
        this.pool = new FramePool();
    }

    @Override
    public QcReport analyze(Timeline timeline, Path baseDir, String name, QcOptions o, QcListener l)
            throws QcException {
        var fmt = timeline.format();
        int w = fmt.width() & ~1;
        int h = fmt.height() & ~1;
        double fps = fmt.rate().toDouble();
        long total = timeline.frameCount();
        Session s = fullSession(name, w, h, fps, o); // a project QC measures every pixel
        TimelineRenderer r = new TimelineRenderer(engine, timeline, baseDir);
        PixelConverter conv = converters.find(PixelFormat.RGBA8, PixelFormat.I420);
        if (conv == null) {
            throw new QcException(name + ": no RGBA8 -> I420 converter is registered", null);
        }
        FrameKey key = new FrameKey(w, h, PixelFormat.I420, Usage.ENCODE);
        try {
            for (long k = 0; k < total; k++) {
                long t = fmt.rate().frameToTicks(k);
                var g = r.graphAt(t);
                Frame yuv;
                if (g.delivers(PixelFormat.I420)) {
                    try (RenderResult rr = r.submitFrame(k, w, h, PixelFormat.I420).await()) {
                        yuv = rr.frame().retain();
                    }
                } else {
                    try (RenderResult rr = r.render(t, w, h)) {
                        yuv = engine.pool().lease(key);
                        try {
                            conv.convert(rr.frame(), yuv);
                        } catch (RuntimeException e) {
                            yuv.release();
                            throw e;
                        }
                    }
                }
                try {
                    s.add(yuv, t / (double) Ticks.PER_SECOND);
                } finally {
                    yuv.release();
                }
                if (l != null && !l.progress(k + 1, total)) {
                    throw new QcException(name + ": QC cancelled", null);
                }
            }
        } catch (GraphException e) {
            throw new QcException(name + ": the timeline cannot be rendered: " + e.getMessage(), e);
        }
        return s.finish();
    }

    @Deactivate
    void deactivate() {
        pool.close();
    }

    @Override
    public List<ColorSample> fingerprints(Timeline timeline, Path baseDir, int step, int width, int height)
            throws QcException {
        if (step < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException("fingerprints every " + step + " frames at " + width + "x" + height);
        }
        var fmt = timeline.format();
        TimelineRenderer r = new TimelineRenderer(engine, timeline, baseDir);
        List<ColorSample> out = new ArrayList<>();
        try {
            for (long k = 0; k < timeline.frameCount(); k += step) {
                long t = fmt.rate().frameToTicks(k);
                FrameStats s = r.graphAt(t).stats(t, width, height, (double) width / fmt.width());
                double[] mean = new double[4];
                double[] std = new double[4];
                for (int ch = 0; ch < 4; ch++) {
                    mean[ch] = s.mean(ch);
                    std[ch] = s.std(ch);
                }
                out.add(new ColorSample(t / (double) Ticks.PER_SECOND, mean, std, s.luma()));
            }
        } catch (GraphException e) {
            throw new QcException("the timeline cannot be rendered: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public QcReport analyze(Path file, QcOptions o, QcListener l) throws QcException {
        return run(file, null, o, l);
    }

    @Override
    public QcReport compare(Path file, Path reference, QcOptions o, QcListener l) throws QcException {
        return run(file, reference, o, l);
    }

    private QcReport run(Path file, Path reference, QcOptions o, QcListener l) throws QcException {
        return FileAnalysis.run(media, file, reference, o, l);
    }

    @Override
    public Session session(String source, int width, int height, double fps, QcOptions o) {
        return new ProxySession(source, width, height, fps, o);
    }

    /** A session that measures every pixel of the frames it is fed. */
    private static Session fullSession(String source, int width, int height, double fps, QcOptions o) {
        YuvAnalyzer an = new YuvAnalyzer(width, height, fps, o);
        return new Session() {
            @Override
            public void add(Frame yuv, double seconds) {
                an.add(yuv, seconds);
            }

            @Override
            public QcReport finish() {
                an.finish();
                List<QcEvent> events = new ArrayList<>(an.events());
                events.sort(Comparator.comparingDouble(QcEvent::start));
                return new QcReport(source, width, height, fps, an.stats(), events, null, null, an.luma(),
                        an.thumbnails(), "yuv420p", 8, o);
            }
        };
    }

    @Override
    public void writeJson(QcReport report, Path file) throws IOException {
        JsonReport.write(report, file);
    }

    @Override
    public void writeHtml(QcReport report, Path file) throws IOException {
        HtmlReport.write(report, file);
    }

}
