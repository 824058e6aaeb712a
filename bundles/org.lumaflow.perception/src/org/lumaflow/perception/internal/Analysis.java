package org.lumaflow.perception.internal;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

/**
 * One analysis of one file: decodes every frame straight to the proxy size, checks each for a scene cut, and runs the
 * detector at most {@code maxRate} times per second of media time and at every cut.
 */
final class Analysis {

    /** Slack when comparing frame times with the detector interval (timestamps rounded by containers). */
    private static final long SLACK = Ticks.ofMillis(1);

    private final MediaService media;
    private final Path file;
    private final String contentKey;
    private final FaceAnalysisSettings settings;
    private final Detector detector;
    private final BooleanSupplier cancelled;

    Analysis(MediaService media, Path file, String contentKey, FaceAnalysisSettings settings, Detector detector,
            BooleanSupplier cancelled) {
        this.media = media;
        this.file = file;
        this.contentKey = contentKey;
        this.settings = settings;
        this.detector = detector;
        this.cancelled = cancelled;
    }

    FaceTrack run() throws IOException {
        long t0 = System.nanoTime();
        MediaInfo info = media.probe(file);
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new MediaException(file, "no video stream to analyse");
        }
        int w = v.displayWidth();
        int h = v.displayHeight();
        int pw = Math.min(settings.proxyWidth(), w);
        int ph = Math.max(1, (int) Math.round(h * (double) pw / w));
        long end = v.durationTicks() > 0 ? v.durationTicks() : info.durationTicks();
        Rational rate = v.frameRate();
        long step = rate != null && rate.num() > 0
                ? Math.max(1, Ticks.fromRational(Rational.of(rate.den(), rate.num()), RoundingMode.FLOOR))
                : Ticks.PER_SECOND / 25;
        long interval = settings.maxRate() <= 0 ? 0
                : Math.max(0, Math.round(Ticks.PER_SECOND / settings.maxRate()) - SLACK);
        SceneCuts cuts = new SceneCuts(settings.cutThreshold());
        List<FaceSample> samples = new ArrayList<>();
        long frames = 0;
        long ncuts = 0;
        long detectNanos = 0;
        try (FramePool pool = new FramePool();
                VideoSource src = media.openVideo(file, pw, ph, MediaService.Fit.STRETCH, pool, 4)) {
            long shown = Long.MIN_VALUE;
            long lastDetect = Long.MIN_VALUE;
            int repeats = 0;
            for (long k = 0;; k++) {
                long t = k * step;
                if (end > 0 && t >= end) {
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("face analysis of " + file + " cancelled");
                }
                Frame f;
                try {
                    f = src.frame(t);
                } catch (MediaException e) {
                    if (frames > 0) {
                        break; // the stream ended before its announced duration
                    }
                    throw e;
                }
                try {
                    if (f.time() == shown) {
                        if (end <= 0 && ++repeats > 100) {
                            break; // no known duration and the last picture keeps coming: that is the end
                        }
                        continue;
                    }
                    repeats = 0;
                    shown = f.time();
                    frames++;
                    boolean cut = cuts.cut(f);
                    if (cut || lastDetect == Long.MIN_VALUE || f.time() - lastDetect >= interval) {
                        long d0 = System.nanoTime();
                        List<FaceBox> found = detector.detect(f);
                        detectNanos += System.nanoTime() - d0;
                        samples.add(new FaceSample(f.time(), cut, keep(found)));
                        lastDetect = f.time();
                        ncuts += cut ? 1 : 0;
                    }
                } finally {
                    f.release();
                }
            }
        }
        FaceTrack.Stats stats = new FaceTrack.Stats(frames, samples.size(), ncuts, detectNanos / 1e6,
                (System.nanoTime() - t0) / 1e6);
        return new FaceTrack(file, contentKey, settings, detector.name(), w, h, end, stats, samples,
                FaceTrack.Origin.ANALYSED);
    }

    /** Drops faces under the confidence floor and clips boxes to the picture. */
    private List<FaceBox> keep(List<FaceBox> found) {
        List<FaceBox> out = new ArrayList<>(found.size());
        for (FaceBox b : found) {
            double x0 = Math.max(0, b.x());
            double y0 = Math.max(0, b.y());
            double x1 = Math.min(1, b.x() + b.w());
            double y1 = Math.min(1, b.y() + b.h());
            if (b.confidence() >= settings.minConfidence() && x1 > x0 && y1 > y0) {
                out.add(new FaceBox(x0, y0, x1 - x0, y1 - y0, Math.min(1, Math.max(0, b.confidence()))));
            }
        }
        return out;
    }
}
