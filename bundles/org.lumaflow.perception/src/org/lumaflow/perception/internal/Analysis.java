package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.lumaflow.decoder.MediaService;
import org.lumaflow.perception.FaceAnalysisSettings;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceSample;
import org.lumaflow.perception.FaceTrack;

/**
 * One face analysis of one file: the {@link ProxyWalk} (every frame decoded at proxy size, scene cuts, throttling)
 * with the face detector run on the frames it hands over.
 */
final class Analysis {

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
        List<FaceSample> samples = new ArrayList<>();
        long[] detectNanos = {0};
        ProxyWalk.Result r = ProxyWalk.run(media, file, settings.proxyWidth(), settings.maxRate(),
                settings.cutThreshold(), cancelled, "face analysis", (f, cut) -> {
                    long d0 = System.nanoTime();
                    List<FaceBox> found = detector.detect(f);
                    detectNanos[0] += System.nanoTime() - d0;
                    samples.add(new FaceSample(f.time(), cut, keep(found)));
                });
        FaceTrack.Stats stats = new FaceTrack.Stats(r.frames(), samples.size(), r.cuts(), detectNanos[0] / 1e6,
                (System.nanoTime() - t0) / 1e6);
        return new FaceTrack(file, contentKey, settings, detector.name(), r.width(), r.height(), r.durationTicks(),
                stats, samples, FaceTrack.Origin.ANALYSED);
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
