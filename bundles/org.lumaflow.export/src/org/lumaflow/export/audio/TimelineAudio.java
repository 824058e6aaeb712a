package org.lumaflow.export.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.internal.audio.Voice;
import org.lumaflow.export.internal.audio.Voices;

/**
 * A timeline's sound, rendered on demand: 48 kHz stereo float samples of timeline time (sample {@code s} is tick
 * {@code s * TICKS_PER_SAMPLE}). Mixes the audio of {@code media.video} and {@code media.audio} clips with their
 * speed, clip gain (constant or keyframes), fades, crossfades under transitions, clip and track mute, solo, track
 * volume and pan (see docs/editing.md, "Audio"), then a master gain, clamped to [-1, 1]. What the export encodes,
 * and what a player can play: reads anywhere (a read that does not follow the last one seeks), no allocation per
 * read. The timeline is read when opened: reopen after edits. Not thread-safe.
 */
public final class TimelineAudio implements AutoCloseable {

    /** Samples per second. */
    public static final int SAMPLE_RATE = AudioSource.SAMPLE_RATE;
    /** Ticks per sample. */
    public static final long TICKS_PER_SAMPLE = Ticks.PER_SECOND / SAMPLE_RATE;
    /** Largest block one internal step mixes; longer reads are split. */
    private static final int STEP = SAMPLE_RATE / 10;

    private final List<Voice> voices;
    private final List<String> problems = new ArrayList<>();
    private final long length;
    private final float[] sl = new float[STEP];
    private final float[] sr = new float[STEP];
    private final float[] g = new float[STEP];
    private float master = 1f;
    private boolean clamp = true;

    private TimelineAudio(Timeline tl, Path baseDir, MediaService media) {
        this.voices = Voices.open(tl, baseDir, media, TICKS_PER_SAMPLE, problems);
        this.length = sampleAt(tl.duration());
    }

    /**
     * Opens the sources of {@code tl}'s audible clips (relative file names resolve against {@code baseDir}). Missing
     * or unreadable files play as silence and are listed in {@link #problems()}.
     */
    public static TimelineAudio open(Timeline tl, Path baseDir, MediaService media) {
        return new TimelineAudio(tl, baseDir, media);
    }

    /** Whether any clip is heard. */
    public boolean present() {
        return !voices.isEmpty();
    }

    /** Sources that could not be opened (one sentence each). */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Samples from 0 to the timeline's end. */
    public long length() {
        return length;
    }

    /** Sets a gain applied to the whole mix, dB (0 by default). */
    public void setGainDb(double db) {
        master = (float) Math.pow(10, db / 20);
    }

    /** Whether samples are clamped to [-1, 1] (the default); off for measuring the mix as it is. */
    public void setClamp(boolean on) {
        clamp = on;
    }

    /**
     * Renders timeline samples {@code [from, from + n)} into {@code left[0..n)} and {@code right[0..n)}.
     *
     * @throws MediaException when a source fails mid-stream (the caller may play silence instead)
     */
    public void render(long from, int n, float[] left, float[] right) throws MediaException {
        java.util.Arrays.fill(left, 0, n, 0f);
        java.util.Arrays.fill(right, 0, n, 0f);
        for (int done = 0; done < n;) {
            int c = Math.min(STEP, n - done);
            for (Voice v : voices) {
                v.addTo(from + done, c, left, right, done, sl, sr, g, master);
            }
            done += c;
        }
        if (clamp) {
            for (int i = 0; i < n; i++) {
                left[i] = Math.max(-1f, Math.min(1f, left[i]));
                right[i] = Math.max(-1f, Math.min(1f, right[i]));
            }
        }
    }

    /** The sample at {@code ticks} (rounded down). */
    public static long sampleAt(long ticks) {
        return Math.floorDiv(ticks, TICKS_PER_SAMPLE);
    }

    @Override
    public void close() {
        voices.forEach(Voice::close);
    }
}
