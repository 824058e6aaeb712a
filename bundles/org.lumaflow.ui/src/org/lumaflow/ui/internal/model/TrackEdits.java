package org.lumaflow.ui.internal.model;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;

/**
 * Undoable track edits: add, remove, rename, reorder, lock, mute, solo, volume, enable. {@link #checkUnlocked} is the
 * lock rule every clip edit of {@link Edits} applies: a locked track refuses moves, trims, splits, deletes, drops and
 * transitions with a {@link LockedException} whose message is meant for the status line.
 *
 * <p>A track's name and kind are fixed in the model, so a rename replaces the track with a copy under the new name
 * (same clips, transitions and settings). Older undo steps keep working: they are undone only after the rename is.
 */
public final class TrackEdits {

    private TrackEdits() {
    }

    /** Thrown when an edit touches a locked track; the message names the track. */
    public static final class LockedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LockedException(Track t) {
            super("Track '" + t.name() + "' is locked: unlock it to edit it");
        }
    }

    /** Throws {@link LockedException} when any of {@code tracks} (nulls ignored) is locked. */
    public static void checkUnlocked(Track... tracks) {
        for (Track t : tracks) {
            if (t != null && t.locked()) {
                throw new LockedException(t);
            }
        }
    }

    /** A name for a new track of {@code kind}: V1, V2... or A1, A2... (the first one free). */
    public static String freeName(Timeline timeline, Track.Kind kind) {
        String prefix = kind == Track.Kind.AUDIO ? "A" : "V";
        for (int n = 1;; n++) {
            String name = prefix + n;
            if (find(timeline, name) == null) {
                return name;
            }
        }
    }

    /** The track called {@code name}, or null. */
    public static Track find(Timeline timeline, String name) {
        for (Track t : timeline.tracks()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Adds {@code track} at {@code index} (clamped; 0 = bottom). */
    public static Edit add(Timeline timeline, Track track, int index) {
        List<Track> tracks = timeline.tracks();
        return new Edits.Simple("Add " + track.kind().label() + " track '" + track.name() + "'", Change.TIMELINE,
                () -> tracks.add(Math.max(0, Math.min(index, tracks.size())), track), () -> tracks.remove(track));
    }

    /** Removes {@code track} with its clips (the caller asks first when it has clips); refused when it is locked. */
    public static Edit remove(Timeline timeline, Track track) {
        checkUnlocked(track);
        List<Track> tracks = timeline.tracks();
        int index = tracks.indexOf(track);
        return new Edits.Simple("Remove track '" + track.name() + "'", Change.TIMELINE, () -> tracks.remove(track),
                () -> tracks.add(Math.min(index, tracks.size()), track));
    }

    /**
     * Renames {@code track} (a copy takes its place, see the class comment); throws {@link IllegalArgumentException}
     * for an empty name or one another track has.
     */
    public static Edit rename(Timeline timeline, Track track, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a track name cannot be empty");
        }
        Track other = find(timeline, n);
        if (other != null && other != track) {
            throw new IllegalArgumentException("there is already a track called '" + n + "'");
        }
        List<Track> tracks = timeline.tracks();
        Track renamed = copy(track, n);
        return new Edits.Simple("Rename track '" + track.name() + "' to '" + n + "'", Change.TIMELINE, () -> {
            tracks.set(tracks.indexOf(track), renamed);
        }, () -> {
            tracks.set(tracks.indexOf(renamed), track);
        });
    }

    /** A copy of {@code t} named {@code name}: same clips (the same objects), transitions, metadata and settings. */
    static Track copy(Track t, String name) {
        Track c = new Track(name, t.kind());
        c.clips().addAll(t.clips());
        c.transitions().addAll(t.transitions());
        c.metadata().putAll(t.metadata());
        c.setBlendMode(t.blendMode());
        c.setOpacity(t.opacity());
        c.setEnabled(t.enabled());
        c.setVolumeDb(t.volumeDb());
        c.setPan(t.pan());
        c.setMuted(t.muted());
        c.setSolo(t.solo());
        c.setLocked(t.locked());
        return c;
    }

    /** Moves {@code track} to position {@code to} (0 = bottom, clamped); its clips go with it. */
    public static Edit move(Timeline timeline, Track track, int to) {
        List<Track> tracks = timeline.tracks();
        int from = tracks.indexOf(track);
        int dest = Math.max(0, Math.min(to, tracks.size() - 1));
        return new Edits.Simple((dest > from ? "Move up" : "Move down") + " track '" + track.name() + "'",
                Change.TIMELINE, () -> {
                    tracks.remove(track);
                    tracks.add(dest, track);
                }, () -> {
                    tracks.remove(track);
                    tracks.add(from, track);
                });
    }

    /** Locks or unlocks {@code track}. */
    public static Edit setLocked(Track track, boolean on) {
        return flag(track, on, on ? "Lock" : "Unlock", Track::locked, track::setLocked);
    }

    /** Mutes or unmutes {@code track}'s audio. */
    public static Edit setMuted(Track track, boolean on) {
        return flag(track, on, on ? "Mute" : "Unmute", Track::muted, track::setMuted);
    }

    /** Solos or unsolos {@code track}'s audio. */
    public static Edit setSolo(Track track, boolean on) {
        return flag(track, on, on ? "Solo" : "Unsolo", Track::solo, track::setSolo);
    }

    /** Enables or disables {@code track}'s picture. */
    public static Edit setEnabled(Track track, boolean on) {
        return flag(track, on, on ? "Enable" : "Disable", Track::enabled, track::setEnabled);
    }

    /** Sets {@code track}'s volume in dB (at most +24; the model refuses more). */
    public static Edit setVolume(Track track, double db) {
        double old = track.volumeDb();
        if (!Double.isFinite(db) || db > 24) {
            throw new IllegalArgumentException("track volume " + db + " dB is out of range (at most +24 dB)");
        }
        return new Edits.Simple(String.format(java.util.Locale.ROOT, "Volume of track '%s' to %.1f dB",
                track.name(), db), Change.TIMELINE, () -> track.setVolumeDb(db), () -> track.setVolumeDb(old));
    }

    private static Edit flag(Track t, boolean on, String verb, Function<Track, Boolean> get, Consumer<Boolean> set) {
        boolean old = get.apply(t);
        return new Edits.Simple(verb + " track '" + t.name() + "'", Change.TIMELINE, () -> set.accept(on),
                () -> set.accept(old));
    }

    /** The track holding {@code clip}, or null. */
    public static Track trackOf(Timeline timeline, Clip clip) {
        for (Track t : timeline.tracks()) {
            if (t.clips().contains(clip)) {
                return t;
            }
        }
        return null;
    }
}
