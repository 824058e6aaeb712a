package org.lumaflow.ui.internal.parts.curves;

import org.eclipse.swt.graphics.Rectangle;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.ParamSpec;

/**
 * Maps clip time (x) and value (y) to canvas pixels. {@link #fit} spans the clip (and any keys outside it) and the
 * values the curve reaches (with handles and margins), at least a tenth of the parameter's range. Frozen
 * while a drag runs, so the point under the mouse stays under it.
 */
final class CurveGeometry {

    static final int LEFT = 58;
    static final int RIGHT = 14;
    static final int TOP = 10;
    static final int BOTTOM = 22;
    private static final int SAMPLES = 240;

    Rectangle plot = new Rectangle(LEFT, TOP, 1, 1);
    double t0;
    double t1 = 1;
    double v0;
    double v1 = 1;
    private final double[] tmp = new double[4];

    /** Fits the view to {@code raw} (an Animation or constant) over clip times {@code from..to}. */
    void fit(Rectangle client, ParamSpec spec, Object raw, long from, long to) {
        plot = new Rectangle(LEFT, TOP, Math.max(10, client.width - LEFT - RIGHT),
                Math.max(10, client.height - TOP - BOTTOM));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long a = from;
        long b = Math.max(to, from + 1);
        if (raw instanceof Animation an) {
            a = Math.min(a, an.keyframes().get(0).time());
            b = Math.max(b, an.keyframes().get(an.keyframes().size() - 1).time());
            for (int i = 0; i <= SAMPLES; i++) {
                an.evaluate(a + (b - a) * i / SAMPLES, tmp, 0);
                for (int c = 0; c < an.components(); c++) {
                    lo = Math.min(lo, tmp[c]);
                    hi = Math.max(hi, tmp[c]);
                }
            }
            for (Keyframe k : an.keyframes()) {
                Keyframe n = CurveModel.next(an, k);
                for (int c = 0; c < an.components(); c++) {
                    lo = Math.min(lo, k.value()[c]);
                    hi = Math.max(hi, k.value()[c]);
                    if (n != null && k.interp() == Interpolation.BEZIER) {
                        double scale = n.value()[c] - k.value()[c];
                        for (int h = 1; h < 4; h += 2) {
                            double v = k.value()[c] + k.handles()[h] * scale;
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        } else {
            double[] v = CurveModel.valueAt(spec, raw, from);
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double range = spec.min() < spec.max() && spec.max() - spec.min() < 1e9 ? spec.max() - spec.min() : 0;
        double span = hi - lo;
        double min = range > 0 ? range / 10 : Math.max(1, Math.abs(hi) / 2);
        if (span < min) {
            double mid = (lo + hi) / 2;
            lo = mid - min / 2;
            hi = mid + min / 2;
            if (range > 0 && lo < spec.min()) {
                hi += spec.min() - lo;
                lo = spec.min();
            } else if (range > 0 && hi > spec.max()) {
                lo -= hi - spec.max();
                hi = spec.max();
            }
            span = hi - lo;
        }
        v0 = lo - span * 0.12;
        v1 = hi + span * 0.12;
        double margin = (b - a) * 0.03;
        t0 = a - margin;
        t1 = b + margin;
    }

    double x(double time) {
        return plot.x + (time - t0) / (t1 - t0) * plot.width;
    }

    double y(double value) {
        return plot.y + plot.height - (value - v0) / (v1 - v0) * plot.height;
    }

    long time(double x) {
        return Math.round(t0 + (x - plot.x) / plot.width * (t1 - t0));
    }

    double value(double y) {
        return v0 + (plot.y + plot.height - y) / plot.height * (v1 - v0);
    }

    /** Value units of one pixel. */
    double valuePerPixel() {
        return (v1 - v0) / plot.height;
    }

    /**
     * The value span a handle's y is relative to on the segment from {@code va} to {@code vb}: their difference, or
     * (a flat segment) half the view's height, so the handles of a flat segment can still be seen and dragged.
     */
    double handleScale(double va, double vb) {
        double d = vb - va;
        return Math.abs(d) > valuePerPixel() * 1e-3 ? d : (v1 - v0) / 2;
    }
}
