package org.lumaflow.engine.anim;

import java.util.Arrays;

/**
 * A value at a time, and how to move from it to the next keyframe.
 *
 * @param time   node-local time in ticks
 * @param value  the value's components (1 for numbers, 4 for colours, 2 for points)
 * @param interp interpolation towards the next keyframe
 * @param handles bezier handles {@code x1, y1, x2, y2} for {@link Interpolation#BEZIER}, else null
 */
public record Keyframe(long time, double[] value, Interpolation interp, double[] handles) {

    /** Validates the keyframe. */
    public Keyframe {
        value = value.clone();
        if (interp == Interpolation.BEZIER) {
            if (handles == null || handles.length != 4 || handles[0] < 0 || handles[0] > 1 || handles[2] < 0
                    || handles[2] > 1) {
                throw new IllegalArgumentException("bezier keyframe needs handles [x1, y1, x2, y2] with x in 0..1");
            }
            handles = handles.clone();
        }
    }

    /** A one-component keyframe. */
    public static Keyframe of(long time, double value, Interpolation interp) {
        return new Keyframe(time, new double[] {value}, interp, null);
    }

    /** Eased progress 0..1 for linear progress {@code u} on the segment starting at this keyframe. */
    public double ease(double u) {
        return switch (interp) {
            case HOLD -> 0;
            case LINEAR -> u;
            case BEZIER -> Interpolation.cubicBezier(handles[0], handles[1], handles[2], handles[3], u);
            default -> Interpolation.cubicBezier(interp.x1, interp.y1, interp.x2, interp.y2, u);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Keyframe k && k.time == time && Arrays.equals(k.value, value) && k.interp == interp
                && Arrays.equals(k.handles, handles);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(time) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Keyframe[" + time + " " + Arrays.toString(value) + " " + interp.id() + "]";
    }
}
