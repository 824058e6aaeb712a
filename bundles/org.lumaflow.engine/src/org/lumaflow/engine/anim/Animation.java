package org.lumaflow.engine.anim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An animated parameter value: keyframes sorted by time. Before the first keyframe the value is the first keyframe's,
 * after the last it is the last one's. Evaluation allocates nothing.
 */
public final class Animation {

    private final Keyframe[] keys;
    private final long[] times;
    private final int components;

    /** An animation over {@code keyframes} (at least one; all with the same number of components; unique times). */
    public Animation(List<Keyframe> keyframes) {
        if (keyframes.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one keyframe");
        }
        List<Keyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingLong(Keyframe::time));
        this.keys = sorted.toArray(new Keyframe[0]);
        this.components = keys[0].value().length;
        this.times = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].value().length != components) {
                throw new IllegalArgumentException("keyframes mix values with " + components + " and "
                        + keys[i].value().length + " components");
            }
            if (i > 0 && keys[i].time() == keys[i - 1].time()) {
                throw new IllegalArgumentException("two keyframes at the same time (" + keys[i].time() + " ticks)");
            }
            times[i] = keys[i].time();
        }
    }

    /** The keyframes in time order. */
    public List<Keyframe> keyframes() {
        return List.of(keys);
    }

    /** Number of components per value. */
    public int components() {
        return components;
    }

    /** Writes the value at {@code time} (ticks) into {@code out[offset ..]}. */
    public void evaluate(long time, double[] out, int offset) {
        int n = keys.length;
        if (time <= times[0]) {
            copy(keys[0].value(), out, offset);
            return;
        }
        if (time >= times[n - 1]) {
            copy(keys[n - 1].value(), out, offset);
            return;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= time) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Keyframe a = keys[lo];
        Keyframe b = keys[hi];
        double u = (double) (time - a.time()) / (double) (b.time() - a.time());
        double e = a.ease(u);
        double[] va = a.value();
        double[] vb = b.value();
        for (int c = 0; c < components; c++) {
            out[offset + c] = va[c] + (vb[c] - va[c]) * e;
        }
    }

    /** The first component at {@code time} (allocation-free only for 1-component animations' callers). */
    public double valueAt(long time) {
        double[] tmp = new double[components];
        evaluate(time, tmp, 0);
        return tmp[0];
    }

    private static void copy(double[] v, double[] out, int offset) {
        System.arraycopy(v, 0, out, offset, v.length);
    }
}
