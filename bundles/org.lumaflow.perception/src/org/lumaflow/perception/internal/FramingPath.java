package org.lumaflow.perception.internal;

import java.util.List;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceTrack;

/**
 * Where an auto-reframe crop looks at a given time: the faces' centre (weighted by area and confidence), averaged over
 * a Gaussian window of media time that never reaches across a scene cut. A pure function of the track and the time, so
 * frames render the same in any order.
 */
final class FramingPath {

    private static final int TAPS = 21;

    private FramingPath() {
    }

    /** {@code {x, y}} normalized, or null when no face is seen in the window. */
    static double[] center(FaceTrack track, long ticks, double smoothingSeconds) {
        double[] acc = new double[3];
        if (smoothingSeconds <= 0) {
            target(track.facesAt(ticks), 1, acc);
            return acc[2] > 0 ? new double[] {acc[0] / acc[2], acc[1] / acc[2]} : null;
        }
        long sigma = Math.max(1, (long) (smoothingSeconds * Ticks.PER_SECOND));
        long from = Math.max(ticks - 2 * sigma, track.shotStart(ticks));
        long to = Math.min(ticks + 2 * sigma, track.shotEnd(ticks) - 1);
        for (int i = 0; i < TAPS; i++) {
            long t = ticks - 2 * sigma + 4 * sigma * i / (TAPS - 1);
            if (t < from || t > to) {
                continue;
            }
            double z = (t - ticks) / (double) sigma;
            target(track.facesAt(t), Math.exp(-0.5 * z * z), acc);
        }
        return acc[2] > 0 ? new double[] {acc[0] / acc[2], acc[1] / acc[2]} : null;
    }

    /** Adds the faces' weighted centres to {@code acc} ({x sum, y sum, weight sum}). */
    private static void target(List<FaceBox> faces, double weight, double[] acc) {
        for (FaceBox f : faces) {
            double k = weight * Math.max(1e-9, f.area() * Math.max(0.05, f.confidence()));
            acc[0] += f.centerX() * k;
            acc[1] += f.centerY() * k;
            acc[2] += k;
        }
    }
}
