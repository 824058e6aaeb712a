package org.lumaflow.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How highlights are found and chosen. Thresholds are in SI units (g = 9.80665 m/s²).
 *
 * @param top how many highlights to keep
 * @param spacing no two kept highlights have peaks closer than this, seconds
 * @param pre seconds added before each highlight's span (clamped to the media)
 * @param post seconds added after each highlight's span (clamped to the media)
 * @param weights weight per kind (missing kinds weigh 0.5)
 * @param minSpeed speed peaks below this are ignored, m/s
 * @param hardAcceleration acceleration or braking (change of speed) at least this, m/s²
 * @param gPeak acceleration magnitude at least this is a g-force peak, g
 * @param freeFall acceleration magnitude below this is free fall, g
 * @param minAirtime free fall at least this long (then an impact) is a jump, seconds
 * @param impact the landing after free fall reaches at least this within half a second, g
 * @param spinDegrees rotation of at least this within {@code spinWindow} is a spin, degrees
 * @param spinWindow seconds, see {@code spinDegrees}
 */
public record HighlightOptions(int top, double spacing, double pre, double post, Map<String, Double> weights,
        double minSpeed, double hardAcceleration, double gPeak, double freeFall, double minAirtime, double impact,
        double spinDegrees, double spinWindow) {

    /** Speed peaks (GPS speed). */
    public static final String SPEED = "speed";
    /** Hard acceleration (speed rising fast). */
    public static final String ACCELERATION = "acceleration";
    /** Hard braking (speed falling fast). */
    public static final String BRAKING = "braking";
    /** Peaks of the acceleration magnitude. */
    public static final String G_FORCE = "g_force";
    /** Free fall then an impact. */
    public static final String JUMP = "jump";
    /** A large rotation within a few seconds. */
    public static final String SPIN = "spin";
    /** A HiLight tag (the camera's button). */
    public static final String HILIGHT = "hilight";
    /** People in the picture (object detection). */
    public static final String PEOPLE = "people";
    /** Vehicles in the picture (object detection). */
    public static final String VEHICLES = "vehicles";

    public HighlightOptions {
        if (top < 1 || !(spacing >= 0) || !(pre >= 0) || !(post >= 0)) {
            throw new IllegalArgumentException("bad highlight options: top " + top + ", spacing " + spacing + ", pre "
                    + pre + ", post " + post);
        }
        weights = Map.copyOf(weights);
    }

    /** The default weight of each kind. */
    public static Map<String, Double> defaultWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(JUMP, 1.0);
        w.put(HILIGHT, 1.0);
        w.put(SPIN, 0.9);
        w.put(G_FORCE, 0.7);
        w.put(SPEED, 0.6);
        w.put(ACCELERATION, 0.5);
        w.put(BRAKING, 0.5);
        w.put(PEOPLE, 0.4);
        w.put(VEHICLES, 0.4);
        return w;
    }

    /**
     * Top 5, 10 s apart, 2 s before and 3 s after; speed peaks from 3 m/s, hard acceleration 2.5 m/s², g peaks 2 g,
     * jumps: below 0.4 g for 0.3 s then 1.8 g; spins 300 degrees within 3 s.
     */
    public static HighlightOptions defaults() {
        return new HighlightOptions(5, 10, 2, 3, defaultWeights(), 3, 2.5, 2.0, 0.4, 0.3, 1.8, 300, 3);
    }

    /** The weight of {@code kind}. */
    public double weight(String kind) {
        return weights.getOrDefault(kind, 0.5);
    }

    /** A copy keeping {@code n} highlights. */
    public HighlightOptions withTop(int n) {
        return new HighlightOptions(n, spacing, pre, post, weights, minSpeed, hardAcceleration, gPeak, freeFall,
                minAirtime, impact, spinDegrees, spinWindow);
    }

    /** A copy with another spacing. */
    public HighlightOptions withSpacing(double seconds) {
        return new HighlightOptions(top, seconds, pre, post, weights, minSpeed, hardAcceleration, gPeak, freeFall,
                minAirtime, impact, spinDegrees, spinWindow);
    }

    /** A copy with another pre and post roll. */
    public HighlightOptions withRoll(double before, double after) {
        return new HighlightOptions(top, spacing, before, after, weights, minSpeed, hardAcceleration, gPeak, freeFall,
                minAirtime, impact, spinDegrees, spinWindow);
    }

    /** A copy with {@code kind} weighing {@code w}. */
    public HighlightOptions withWeight(String kind, double w) {
        Map<String, Double> m = new LinkedHashMap<>(weights);
        m.put(kind, w);
        return new HighlightOptions(top, spacing, pre, post, m, minSpeed, hardAcceleration, gPeak, freeFall,
                minAirtime, impact, spinDegrees, spinWindow);
    }

    /** A copy with other speed thresholds (speed peaks, hard acceleration). */
    public HighlightOptions withSpeedThresholds(double minimum, double hard) {
        return new HighlightOptions(top, spacing, pre, post, weights, minimum, hard, gPeak, freeFall, minAirtime,
                impact, spinDegrees, spinWindow);
    }

    /** A copy with other motion thresholds (g peak, free fall, air time, impact, spin). */
    public HighlightOptions withMotionThresholds(double g, double fall, double airtime, double landing, double degrees,
            double window) {
        return new HighlightOptions(top, spacing, pre, post, weights, minSpeed, hardAcceleration, g, fall, airtime,
                landing, degrees, window);
    }
}
