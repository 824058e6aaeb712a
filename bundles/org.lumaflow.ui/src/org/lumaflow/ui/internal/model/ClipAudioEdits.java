package org.lumaflow.ui.internal.model;

import java.util.Locale;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.ClipAudio;

/**
 * Undoable edits of a clip's audio ({@link Clip#audio()}): the gain line and the fade handles on the timeline. Each
 * keeps a copy of the settings it replaced, so undo restores them exactly (gain keyframes included).
 */
public final class ClipAudioEdits {

    /** The lowest gain the gain line sets, dB. */
    public static final double MIN_GAIN_DB = -60;
    /** The highest, dB. */
    public static final double MAX_GAIN_DB = 12;

    private ClipAudioEdits() {
    }

    /** Sets a constant gain of {@code db} (clamped to [{@value #MIN_GAIN_DB}, {@value #MAX_GAIN_DB}]); drops keys. */
    public static Edit gain(Clip clip, double db) {
        double g = Math.max(MIN_GAIN_DB, Math.min(MAX_GAIN_DB, db));
        return edit(clip, String.format(Locale.ROOT, "Clip gain '%s' %+.1f dB", clip.id(), g), a -> a.setGainDb(g));
    }

    /** Sets the fade-in and fade-out lengths (ticks), clamped by {@link #clampFades}. */
    public static Edit fades(Clip clip, long fadeIn, long fadeOut) {
        long[] f = clampFades(fadeIn, fadeOut, clip.duration());
        String what = f[0] != clip.audio().fadeIn() && f[1] == clip.audio().fadeOut()
                ? String.format(Locale.ROOT, "Fade in '%s' %.2f s", clip.id(), f[0] / (double) Ticks.PER_SECOND)
                : f[1] != clip.audio().fadeOut() && f[0] == clip.audio().fadeIn()
                        ? String.format(Locale.ROOT, "Fade out '%s' %.2f s", clip.id(),
                                f[1] / (double) Ticks.PER_SECOND)
                        : "Fades '" + clip.id() + "'";
        return edit(clip, what, a -> a.setFades(f[0], f[1]));
    }

    /**
     * Fade lengths that fit a clip of {@code duration} ticks: each in [0, duration], and together at most the
     * duration (a fade in that would overlap the fade out shortens to meet it).
     */
    public static long[] clampFades(long fadeIn, long fadeOut, long duration) {
        long out = Math.max(0, Math.min(duration, fadeOut));
        long in = Math.max(0, Math.min(duration - out, fadeIn));
        return new long[] {in, out};
    }

    private static Edit edit(Clip clip, String label, java.util.function.Consumer<ClipAudio> change) {
        ClipAudio before = new ClipAudio();
        before.copyFrom(clip.audio());
        ClipAudio after = new ClipAudio();
        after.copyFrom(clip.audio());
        change.accept(after);
        return new Edits.Simple(label, Change.TIMELINE, () -> clip.audio().copyFrom(after),
                () -> clip.audio().copyFrom(before));
    }
}
