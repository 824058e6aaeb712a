package org.lumaflow.engine.timeline;

import java.util.Locale;

/**
 * A constant speed change of a clip. A clip of duration {@code D} with rate {@code r} uses the source range
 * {@code [in, in + sourceSpan(D))}: {@code r = 1} plays normally, {@code 0.5} at half speed, {@code 2} at double
 * speed, a negative rate plays the same range backwards (the first frame shown is the range's last), {@code 0}
 * freezes the frame at {@code in}.
 *
 * @param rate      source seconds per timeline second; finite, |rate| <= 1000
 * @param frames    how a source time between frames is shown
 * @param keepPitch whether audio keeps its pitch (time-stretched) or shifts with the speed (resampled)
 */
public record Retime(double rate, Frames frames, boolean keepPitch) {

    /** How frames are sampled when the speed does not map timeline frames onto source frames. */
    public enum Frames {
        /** The source frame at or before the mapped time. */
        NEAREST,
        /** A mix of the two source frames around the mapped time, weighted by distance. */
        BLEND;

        /** Parses {@code nearest} / {@code blend}. */
        public static Frames parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown frame sampling '" + s + "' (nearest or blend)");
            }
        }

        /** Lower-case name as written in project files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Normal speed. */
    public static final Retime NORMAL = new Retime(1, Frames.NEAREST, true);

    /** Validates. */
    public Retime {
        if (!Double.isFinite(rate) || Math.abs(rate) > 1000) {
            throw new IllegalArgumentException("speed " + rate + " is out of range (-1000..1000)");
        }
        if (frames == null) {
            frames = Frames.NEAREST;
        }
        if (rate == 0) {
            rate = 0; // no -0.0
        }
    }

    /** A constant speed with nearest-frame sampling and pitch kept. */
    public static Retime speed(double rate) {
        return new Retime(rate, Frames.NEAREST, true);
    }

    /** A freeze frame. */
    public static Retime freeze() {
        return new Retime(0, Frames.NEAREST, true);
    }

    /** Whether this is normal speed. */
    public boolean isNormal() {
        return rate == 1;
    }

    /** Whether the clip shows one frame. */
    public boolean isFreeze() {
        return rate == 0;
    }

    /** Whether the clip plays backwards. */
    public boolean isReverse() {
        return rate < 0;
    }

    /** Source ticks used by a clip of {@code duration} timeline ticks (rounded to the nearest tick; 0 when frozen). */
    public long sourceSpan(long duration) {
        return Math.round(duration * Math.abs(rate));
    }
}
