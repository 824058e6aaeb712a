package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;

/** Test sounds made by the embedded ffmpeg program (48 kHz stereo float WAV, exact samples), and their analysis. */
final class Tones {

    static final int RATE = AudioSource.SAMPLE_RATE;

    private Tones() {
    }

    /** A file {@code name} of {@code seconds} whose both channels are the aevalsrc expression {@code expr} of t. */
    static Path make(Path dir, String name, String expr, double seconds) throws Exception {
        Path out = dir.resolve(name);
        String e = expr.replace(",", "\\,");
        Process p = new ProcessBuilder(org.lumaflow.media.ffmpeg.FFmpeg.commandLine().toString(), "-hide_banner",
                "-loglevel", "error", "-y", "-f", "lavfi", "-i", "aevalsrc=exprs=" + e + "|" + e + ":s=48000:d="
                        + seconds, "-c:a", "pcm_f32le", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    static Timeline timeline() {
        return new Timeline(new VideoFormat(320, 180, FrameRate.FPS_25));
    }

    /** A {@code media.audio} clip of {@code file} at {@code start} seconds for {@code seconds}. */
    static Clip clip(String id, String file, double start, double seconds) {
        return new Clip(id, new GraphNode(id, "media.audio").set("file", file), ticks(start), 0, ticks(seconds));
    }

    /** Seconds as ticks. */
    static long ticks(double seconds) {
        return Math.round(seconds * Ticks.PER_SECOND);
    }

    static Track audioTrack(Timeline tl, String name, Clip... clips) {
        Track t = new Track(name, Track.Kind.AUDIO);
        t.clips().addAll(java.util.List.of(clips));
        tl.tracks().add(t);
        return t;
    }

    /** Exports {@code tl} to {@code out} (a .wav: 16-bit PCM) and returns the result. */
    static ExportResult export(Timeline tl, Path dir, ExportSettings s, java.util.List<String> notes)
            throws Exception {
        return ExportTest.exporter.start(tl, dir, s, new ExportListener() {
            @Override
            public void progress(org.lumaflow.export.ExportProgress p) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).await();
    }

    /** Decoded samples {@code [from, from + n)} of {@code file}: {left, right}. */
    static float[][] read(Path file, long from, int n) throws Exception {
        float[][] lr = new float[2][n];
        try (AudioSource a = ExportTest.media.openAudio(file)) {
            a.read(from, lr[0], lr[1], 0, n);
        }
        return lr;
    }

    /** Frequency in Hz from the zero crossings of {@code x[from, to)}. */
    static double frequency(float[] x, int from, int to) {
        int n = 0;
        int first = -1;
        int last = -1;
        for (int i = from + 1; i < to; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                n++;
            }
        }
        return n < 2 ? 0 : (n - 1) / 2.0 * RATE / (last - first);
    }

    /** Root mean square of {@code x[from, to)}. */
    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return Math.sqrt(s / (to - from));
    }
}
