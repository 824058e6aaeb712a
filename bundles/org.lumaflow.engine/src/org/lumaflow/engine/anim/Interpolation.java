package org.lumaflow.engine.anim;

/** How a value moves from one keyframe to the next. The easing presets are the CSS cubic-bezier curves. */
public enum Interpolation {
    /** Keep the value until the next keyframe. */
    HOLD("hold", 0, 0, 1, 1),
    /** Straight line. */
    LINEAR("linear", 0, 0, 1, 1),
    /** cubic-bezier(0.42, 0, 1, 1). */
    EASE_IN("ease_in", 0.42, 0, 1, 1),
    /** cubic-bezier(0, 0, 0.58, 1). */
    EASE_OUT("ease_out", 0, 0, 0.58, 1),
    /** cubic-bezier(0.42, 0, 0.58, 1). */
    EASE_IN_OUT("ease_in_out", 0.42, 0, 0.58, 1),
    /** cubic-bezier with the keyframe's own handles. */
    BEZIER("bezier", 0.25, 0.1, 0.25, 1);

    private final String id;
    final double x1;
    final double y1;
    final double x2;
    final double y2;

    Interpolation(String id, double x1, double y1, double x2, double y2) {
        this.id = id;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    /** Name used in project files. */
    public String id() {
        return id;
    }

    /** The interpolation called {@code id} (also accepts "ease" for ease_in_out). */
    public static Interpolation parse(String id) {
        if ("ease".equals(id)) {
            return EASE_IN_OUT;
        }
        for (Interpolation i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interpolation '" + id
                + "' (hold, linear, ease, ease_in, ease_out, ease_in_out, bezier)");
    }

    /**
     * Evaluates a cubic-bezier easing curve (CSS semantics: P0 = (0,0), P3 = (1,1)) at progress {@code u} in 0..1.
     */
    public static double cubicBezier(double x1, double y1, double x2, double y2, double u) {
        if (u <= 0) {
            return 0;
        }
        if (u >= 1) {
            return 1;
        }
        // solve x(s) = u for s: Newton steps, then bisection if needed
        double s = u;
        for (int i = 0; i < 8; i++) {
            double x = bez(x1, x2, s) - u;
            if (Math.abs(x) < 1e-9) {
                return bez(y1, y2, s);
            }
            double d = bezDeriv(x1, x2, s);
            if (Math.abs(d) < 1e-9) {
                break;
            }
            s -= x / d;
        }
        double lo = 0;
        double hi = 1;
        s = u;
        for (int i = 0; i < 60; i++) {
            double x = bez(x1, x2, s);
            if (Math.abs(x - u) < 1e-12) {
                break;
            }
            if (x < u) {
                lo = s;
            } else {
                hi = s;
            }
            s = (lo + hi) / 2;
        }
        return bez(y1, y2, s);
    }

    private static double bez(double p1, double p2, double s) {
        double t = 1 - s;
        return 3 * t * t * s * p1 + 3 * t * s * s * p2 + s * s * s;
    }

    private static double bezDeriv(double p1, double p2, double s) {
        double t = 1 - s;
        return 3 * t * t * p1 + 6 * t * s * (p2 - p1) + 3 * s * s * (1 - p2);
    }
}
