package org.lumaflow.perception.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.perception.Detection;
import org.lumaflow.perception.ObjectAnalysisSettings;
import org.lumaflow.perception.ObjectSample;
import org.lumaflow.perception.ObjectTrack;

/**
 * One object analysis of one file: the {@link ProxyWalk} hands over the throttled frames, each is copied to BGR into
 * the next slot of a batch (native Mats allocated once and reused), and a full batch goes through the detector.
 */
final class ObjectAnalysis {

    private final MediaService media;
    private final Path file;
    private final String contentKey;
    private final ObjectAnalysisSettings settings;
    private final ObjectDetector detector;
    private final IntBinaryOperator batchFor;
    private final BooleanSupplier cancelled;

    private Mat[] slots = new Mat[0];
    private final long[] times;
    private final boolean[] cuts;
    private int batchSize;
    private int filled;
    private long batches;
    private long detectNanos;
    private final List<ObjectSample> samples = new ArrayList<>();

    /** @param batchFor the batch size for a proxy of (width, height) */
    ObjectAnalysis(MediaService media, Path file, String contentKey, ObjectAnalysisSettings settings,
            ObjectDetector detector, IntBinaryOperator batchFor, BooleanSupplier cancelled) {
        this.media = media;
        this.file = file;
        this.contentKey = contentKey;
        this.settings = settings;
        this.detector = detector;
        this.batchFor = batchFor;
        this.cancelled = cancelled;
        this.times = new long[BatchSizer.MAX];
        this.cuts = new boolean[BatchSizer.MAX];
    }

    ObjectTrack run() throws IOException {
        long t0 = System.nanoTime();
        try {
            ProxyWalk.Result r = ProxyWalk.run(media, file, settings.proxyWidth(), settings.maxRate(),
                    settings.cutThreshold(), cancelled, "object analysis", this::add);
            flush();
            ObjectTrack.Stats stats = new ObjectTrack.Stats(r.frames(), samples.size(), r.cuts(), batchSize, batches,
                    detectNanos / 1e6, (System.nanoTime() - t0) / 1e6);
            return new ObjectTrack(file, contentKey, settings, detector.name(), r.width(), r.height(),
                    r.durationTicks(), stats, samples, false);
        } finally {
            for (Mat m : slots) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }

    private void add(Frame f, boolean cut) {
        int w = f.width();
        int h = f.height();
        if (batchSize == 0) {
            batchSize = Math.max(1, Math.min(BatchSizer.MAX, batchFor.applyAsInt(w, h)));
            slots = new Mat[batchSize];
        }
        if (slots[filled] == null) {
            slots[filled] = new Mat(h, w, CV_8UC3);
        }
        try (BytePointer px = new BytePointer(f.buffer()); Mat src = new Mat(h, w, CV_8UC4, px)) {
            opencv_imgproc.cvtColor(src, slots[filled], opencv_imgproc.COLOR_RGBA2BGR);
        }
        times[filled] = f.time();
        cuts[filled] = cut;
        if (++filled == batchSize) {
            flush();
        }
    }

    private void flush() {
        if (filled == 0) {
            return;
        }
        long d0 = System.nanoTime();
        List<List<Detection>> found = detector.detect(slots, filled);
        detectNanos += System.nanoTime() - d0;
        batches++;
        for (int i = 0; i < filled; i++) {
            List<Detection> keep = new ArrayList<>();
            for (Detection d : found.get(i)) {
                if (d.confidence() >= settings.minConfidence() && d.w() > 0 && d.h() > 0) {
                    keep.add(d);
                }
            }
            samples.add(new ObjectSample(times[i], cuts[i], keep));
        }
        filled = 0;
    }
}
