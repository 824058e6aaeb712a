package org.lumaflow.engine.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of clips. Tracks are composited bottom (index 0) to top with {@code core.blend} using the track's mode and
 * opacity. Clips of one track may overlap only where a {@link Transition} joins them.
 */
public final class Track {

    private final String name;
    private final List<Clip> clips = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private String blendMode = "over";
    private double opacity = 1.0;
    private boolean enabled = true;

    /** A track called {@code name}. */
    public Track(String name) {
        this.name = name;
    }

    /** Track name. */
    public String name() {
        return name;
    }

    /** Clips (mutable). */
    public List<Clip> clips() {
        return clips;
    }

    /** Transitions (mutable). */
    public List<Transition> transitions() {
        return transitions;
    }

    /** Blend mode used to composite the track over the ones below ({@code over}, {@code add}, ...). */
    public String blendMode() {
        return blendMode;
    }

    /** Sets the blend mode. */
    public void setBlendMode(String mode) {
        this.blendMode = mode;
    }

    /** Track opacity 0..1. */
    public double opacity() {
        return opacity;
    }

    /** Sets the opacity. */
    public void setOpacity(double opacity) {
        this.opacity = opacity;
    }

    /** Whether the track is rendered. */
    public boolean enabled() {
        return enabled;
    }

    /** Enables or mutes the track. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The transition from {@code a} to {@code b}, or null. */
    public Transition transition(String a, String b) {
        for (Transition t : transitions) {
            if (t.from().equals(a) && t.to().equals(b)) {
                return t;
            }
        }
        return null;
    }
}
