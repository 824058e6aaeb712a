package org.lumaflow.engine.timeline;

import org.lumaflow.engine.anim.Animation;

/**
 * A clip's audio settings: gain in dB (a constant or keyframes in clip time, {@code in + (t - start)}, the time base of
 * effect keyframes), fade in and out lengths in ticks, and mute. Mutable; call {@link Timeline#touch()} after edits.
 */
public final class ClipAudio {

    private double gainDb;
    private Animation gainKeys;
    private long fadeIn;
    private long fadeOut;
    private boolean muted;

    /** Constant gain in dB (used when there are no keyframes). */
    public double gainDb() {
        return gainDb;
    }

    /** Gain keyframes in dB (one component), or null. */
    public Animation gainKeys() {
        return gainKeys;
    }

    /** Gain in dB at clip time {@code clipTime}. */
    public double gainAt(long clipTime) {
        return gainKeys == null ? gainDb : gainKeys.valueAt(clipTime);
    }

    /** Sets a constant gain and drops keyframes. */
    public void setGainDb(double db) {
        if (!Double.isFinite(db) || db > 48) {
            throw new IllegalArgumentException("gain " + db + " dB is out of range (at most +48 dB)");
        }
        this.gainDb = db;
        this.gainKeys = null;
    }

    /** Sets gain keyframes (dB, one component); null removes them. */
    public void setGainKeys(Animation keys) {
        if (keys != null && keys.components() != 1) {
            throw new IllegalArgumentException("gain keyframes take one value (dB)");
        }
        this.gainKeys = keys;
    }

    /** Fade-in length, ticks. */
    public long fadeIn() {
        return fadeIn;
    }

    /** Fade-out length, ticks. */
    public long fadeOut() {
        return fadeOut;
    }

    /** Sets both fade lengths (ticks, not negative). */
    public void setFades(long in, long out) {
        if (in < 0 || out < 0) {
            throw new IllegalArgumentException("fade lengths must not be negative");
        }
        this.fadeIn = in;
        this.fadeOut = out;
    }

    /** Whether the clip's audio is muted. */
    public boolean muted() {
        return muted;
    }

    /** Mutes or unmutes. */
    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    /** Whether every setting is the default (unity gain, no fades, not muted). */
    public boolean isDefault() {
        return gainDb == 0 && gainKeys == null && fadeIn == 0 && fadeOut == 0 && !muted;
    }

    /** Copies {@code other}'s settings into this one. */
    public void copyFrom(ClipAudio other) {
        gainDb = other.gainDb;
        gainKeys = other.gainKeys;
        fadeIn = other.fadeIn;
        fadeOut = other.fadeOut;
        muted = other.muted;
    }
}
