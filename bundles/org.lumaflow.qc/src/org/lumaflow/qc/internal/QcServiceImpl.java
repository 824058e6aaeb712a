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
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.render.FrameStats;
import org.lumaflow.qc.AudioQc;
import org.lumaflow.qc.ColorSample;
import org.lumaflow.qc.Comparison;
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

/** The QC service: decodes 8-bit 4:2:0 pictures (no RGB round trip) and runs the analyzer, detectors and reports. */
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
        Session s = session(name, w, h, fps, o);
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
        VideoStreamInfo v = video(file);
        VideoStreamInfo rv = reference == null ? null : video(reference);
        if (rv != null && (rv.width() != v.width() || rv.height() != v.height())) {
            throw new QcException(file + ": " + v.width() + "x" + v.height() + " cannot be compared with "
                    + reference + " (" + rv.width() + "x" + rv.height() + ")", null);
        }
        if (rv != null && !rv.frameRate().equals(v.frameRate())) {
            throw new QcException(file + " (" + v.frameRate() + " fps) cannot be compared frame by frame with "
                    + reference + " (" + rv.frameRate() + " fps)", null);
        }
        FrameRate rate;
        try {
            rate = new FrameRate((int) v.frameRate().num(), (int) v.frameRate().den());
        } catch (IllegalArgumentException e) {
            throw new QcException(file + ": frame rate " + v.frameRate() + " is not supported by QC ("
                    + e.getMessage() + ")", e);
        }
        boolean estimated = v.frames() <= 0;
        double fps = v.frameRate().toDouble();
        long total = v.frames() > 0 ? v.frames() : Math.round(v.durationTicks() / (double) Ticks.PER_SECOND * fps);
        YuvAnalyzer an = new YuvAnalyzer(v.width(), v.height(), fps, o);
        Compare cmp = rv == null ? null : new Compare(v.width(), v.height());
        boolean refEnded = false;
        try (VideoSource src = media.openVideoYuv(file, PixelFormat.I420, pool, 4);
                VideoSource ref = reference == null ? null : media.openVideoYuv(reference, PixelFormat.I420, pool, 4)) {
            for (long k = 0; k < total; k++) {
                long ticks = rate.frameToTicks(k);
                Frame f;
                try {
                    f = src.frame(ticks);
                } catch (MediaException e) {
                    if (k > 0 && (estimated || k >= total - 2)) {
                        break; // the frame count was an estimate (or rounded): the stream ended here
                    }
                    throw e;
                }
                try {
                    an.add(f, ticks / (double) Ticks.PER_SECOND);
                    if (ref != null && !refEnded) {
                        Frame r;
                        try {
                            r = ref.frame(ticks);
                        } catch (MediaException e) {
                            r = null;
                            refEnded = true; // the reference is shorter: compared up to its end
                        }
                        if (r != null) {
                            try {
                                cmp.add(f, r);
                            } finally {
                                r.release();
                            }
                        }
                    }
                } finally {
                    f.release();
                }
                if (l != null && !l.progress(k + 1, total)) {
                    throw new QcException(file + ": QC cancelled", null);
                }
            }
        } catch (MediaException e) {
            throw new QcException(e.getMessage(), e);
        }
        an.finish();
        List<QcEvent> events = new ArrayList<>(an.events());
        AudioQc audio = o.audio() ? AudioAnalysis.of(media, file, o) : null;
        if (audio != null) {
            events.addAll(audio.silences());
        }
        events.sort(Comparator.comparingDouble(QcEvent::start));
        Comparison c = cmp == null ? null : cmp.result(reference.toString());
        return new QcReport(file.toString(), v.width(), v.height(), fps, an.stats(), events, audio, c, an.luma(),
                an.thumbnails(), o);
    }

    private VideoStreamInfo video(Path file) throws QcException {
        MediaInfo info;
        try {
            info = media.probe(file);
        } catch (MediaException e) {
            throw new QcException(e.getMessage(), e);
        }
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new QcException(file + ": no video stream to check", null);
        }
        if (v.width() % 2 != 0 || v.height() % 2 != 0) {
            throw new QcException(file + ": QC reads 4:2:0 pictures of even size; this one is " + v.width() + "x"
                    + v.height(), null);
        }
        if (!media.yuvReadable(v)) {
            throw new QcException(file + ": QC reads 8-bit 4:2:0 video without rotation; this stream is "
                    + v.pixelFormat() + (v.rotation() != 0 ? ", rotated " + v.rotation() : ""), null);
        }
        return v;
    }

    @Override
    public Session session(String source, int width, int height, double fps, QcOptions o) {
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
                        an.thumbnails(), o);
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
