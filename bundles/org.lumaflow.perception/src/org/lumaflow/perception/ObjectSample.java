package org.lumaflow.perception;

import java.util.List;

/**
 * The object detector's result for one analysed frame.
 *
 * @param ticks the frame's source time
 * @param cut whether this frame starts a new shot
 * @param objects what was found, largest first
 */
public record ObjectSample(long ticks, boolean cut, List<Detection> objects) {

    public ObjectSample {
        objects = List.copyOf(objects);
    }

    /** Number of objects of {@code kind}. */
    public int count(Detection.Kind kind) {
        int n = 0;
        for (Detection d : objects) {
            n += d.kind() == kind ? 1 : 0;
        }
        return n;
    }

    /** Area (fraction of the picture) of the largest object of {@code kind}, 0 when none. */
    public double largest(Detection.Kind kind) {
        double a = 0;
        for (Detection d : objects) {
            if (d.kind() == kind) {
                a = Math.max(a, d.area());
            }
        }
        return a;
    }
}
