package org.lumaflow.export.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;

/**
 * The timeline's audio: the audio streams of its {@code media.video} clips (enabled tracks), each placed at its
 * clip's position and in point, summed at unity gain into reused 48 kHz stereo buffers. A clip whose file has no
 * audio contributes silence; one whose audio cannot be decoded contributes silence and a warning.
 */
final class AudioMix implements AutoCloseable {

    private static final long TICKS_PER_SAMPLE = Ticks.PER_SECOND / AudioSource.SAMPLE_RATE;

    private record Part(Path file, long start, long in, long end, AudioSource source) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final float[] scratchL = new float[AudioSource.SAMPLE_RATE];
    private final float[] scratchR = new float[AudioSource.SAMPLE_RATE];

    AudioMix(Timeline tl, Path baseDir, MediaService media) {
        for (Track t : tl.tracks()) {
            if (!t.enabled()) {
                continue;
            }
            for (Clip c : t.clips()) {
                if (!"media.video".equals(c.source().type()) || !(c.source().params().get("file") instanceof String n)) {
                    continue;
                }
                Path file = Path.of(n);
                if (!file.isAbsolute() && baseDir != null) {
                    file = baseDir.resolve(file);
                }
                try {
                    if (media.probe(file).audio().isEmpty()) {
                        continue;
                    }
                    parts.add(new Part(file, c.start() / TICKS_PER_SAMPLE, c.in() / TICKS_PER_SAMPLE,
                            c.end() / TICKS_PER_SAMPLE, media.openAudio(file)));
                } catch (MediaException e) {
                    problems.add("audio: " + e.getMessage() + " (silence instead)");
                }
            }
        }
    }

    /** Whether any clip has audio. */
    boolean present() {
        return !parts.isEmpty();
    }

    /** Problems met while opening sources (reported as warnings). */
    List<String> problems() {
        return problems;
    }

    /** Mixes timeline samples {@code [from, from + n)} into {@code left}/{@code right} (n <= 48000). */
    void mix(long from, int n, float[] left, float[] right) throws MediaException {
        Arrays.fill(left, 0, n, 0f);
        Arrays.fill(right, 0, n, 0f);
        long to = from + n;
        for (Part p : parts) {
            long a = Math.max(from, p.start());
            long b = Math.min(to, p.end());
            if (a >= b) {
                continue;
            }
            int len = (int) (b - a);
            p.source().read(a - p.start() + p.in(), scratchL, scratchR, 0, len);
            int off = (int) (a - from);
            for (int i = 0; i < len; i++) {
                left[off + i] += scratchL[i];
                right[off + i] += scratchR[i];
            }
        }
        for (int i = 0; i < n; i++) {
            left[i] = Math.max(-1f, Math.min(1f, left[i]));
            right[i] = Math.max(-1f, Math.min(1f, right[i]));
        }
    }

    /** Timeline sample at {@code ticks} (rounded down). */
    static long sampleAt(long ticks) {
        return Math.floorDiv(ticks, TICKS_PER_SAMPLE);
    }

    @Override
    public void close() {
        for (Part p : parts) {
            p.source().close();
        }
    }
}
