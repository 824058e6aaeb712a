package org.lumaflow.engine.timeline;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of clips. Tracks are composited bottom (index 0) to top with {@code core.blend} using the track's mode and
 * opacity. Clips of one track may overlap only where a {@link Transition} joins them.
 */
public final class Track {

    /** What a track holds. */
    public enum Kind {
        /** Pictures (and the audio of its media clips). */
        VIDEO,
        /** Sound only: not part of the picture. */
        AUDIO;

        /** Parses {@code video} / {@code audio}. */
        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown track kind '" + s + "' (video or audio)");
            }
        }

        /** Lower-case name as written in project files. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String name;
    private final List<Clip> clips = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private String blendMode = "over";
    private double opacity = 1.0;
    private boolean enabled = true;
    private final Kind kind;
    private double volumeDb;
    private double pan;
    private boolean muted;
    private boolean solo;
    private boolean locked;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** A video track called {@code name}. */
    public Track(String name) {
        this(name, Kind.VIDEO);
    }

    /** A track of {@code kind} called {@code name}. */
    public Track(String name, Kind kind) {
        this.name = name;
        this.kind = kind == null ? Kind.VIDEO : kind;
    }

    /** Video or audio. */
    public Kind kind() {
        return kind;
    }

    /** Audio volume in dB (0 = unity). */
    public double volumeDb() {
        return volumeDb;
    }

    /** Sets the audio volume in dB (at most +24). */
    public void setVolumeDb(double db) {
        if (!Double.isFinite(db) || db > 24) {
            throw new IllegalArgumentException("track volume " + db + " dB is out of range (at most +24 dB)");
        }
        this.volumeDb = db;
    }

    /** Stereo pan, -1 (left) .. 1 (right). */
    public double pan() {
        return pan;
    }

    /** Sets the pan (-1..1). */
    public void setPan(double pan) {
        if (!(pan >= -1 && pan <= 1)) {
            throw new IllegalArgumentException("pan " + pan + " is out of range (-1..1)");
        }
        this.pan = pan;
    }

    /** Whether the track's audio is muted (its picture is unaffected; see {@link #enabled()}). */
    public boolean muted() {
        return muted;
    }

    /** Mutes or unmutes the track's audio. */
    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    /** Whether the track is soloed: when any track is, only soloed tracks are heard. */
    public boolean solo() {
        return solo;
    }

    /** Solos or unsolos the track's audio. */
    public void setSolo(boolean solo) {
        this.solo = solo;
    }

    /** Whether edits to the track are refused (by editors; the model itself does not enforce it). */
    public boolean locked() {
        return locked;
    }

    /** Locks or unlocks the track. */
    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    /** Free-form metadata saved with the track (namespaced keys), mutable. */
    public Map<String, String> metadata() {
        return metadata;
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
