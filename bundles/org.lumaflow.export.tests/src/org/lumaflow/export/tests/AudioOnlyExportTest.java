package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;

/** Audio-only sources and containers: each container round-trips (probed and decoded), cancel keeps the old file. */
class AudioOnlyExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    /** A stereo sine made by the embedded ffmpeg program: 440 Hz left, 1 kHz right, 44.1 kHz AAC. */
    private Path sine(String name, double seconds) throws Exception {
        Path src = dir.resolve(name);
        Process p = new ProcessBuilder(org.lumaflow.media.ffmpeg.FFmpeg.commandLine().toString(), "-hide_banner",
                "-loglevel", "error", "-f", "lavfi", "-i", "sine=f=440:r=44100:d=" + seconds, "-f", "lavfi", "-i",
                "sine=f=1000:r=44100:d=" + seconds, "-filter_complex", "[0][1]join=inputs=2:channel_layout=stereo",
                "-c:a", "aac", "-b:a", "192k", src.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return src;
    }

    private record Run(ExportResult result, List<String> notes, long lastProgress) {
    }

    private static Run export(Timeline tl, Path base, ExportSettings s) throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        long[] last = {-1};
        ExportResult r = ExportTest.exporter.start(tl, base, s, new ExportListener() {
            @Override
            public void progress(ExportProgress p) {
                last[0] = p.framesDone();
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        }).await();
        return new Run(r, notes, last[0]);
    }

    @Test
    void everyAudioContainerRoundTrips() throws Exception {
        Path src = sine("audio_only.m4a", 2.0);
        Timeline tl = MediaClips.audioTimeline(ExportTest.media.probe(src));
        String[][] cases = {{"x.m4a", "aac"}, {"x.mp4", "aac"}, {"x.wav", "pcm_s16le"}, {"x.flac", "flac"},
            {"x.opus", "opus"}, {"x.ogg", "opus"}, {"x.mkv", "aac"}};
        for (String[] c : cases) {
            Path out = dir.resolve(c[0]);
            Run run = export(tl, dir, ExportSettings.to(out));
            assertTrue(run.result().audioOnly(), c[0]);
            assertEquals(tl.frameCount(), run.lastProgress(), c[0] + ": progress reaches the end");
            MediaInfo info = ExportTest.media.probe(out);
            assertTrue(info.video().isEmpty(), c[0] + ": no video stream");
            assertEquals(1, info.audio().size(), c[0]);
            assertEquals(c[1], info.audio().get(0).codec(), c[0]);
            assertEquals(2, info.audio().get(0).channels(), c[0]);
            long dur = info.audio().get(0).durationTicks() > 0 ? info.audio().get(0).durationTicks()
                    : info.durationTicks();
            // within one packet (AAC 1024 samples, Opus 20 ms) of the source's 2 s
            assertEquals(2.0, Ticks.toSeconds(dur), 0.022, c[0] + ": duration " + Ticks.toSeconds(dur));
            assertSine(out, c[0]);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporaries left");
        }
    }

    /** The decoded output carries the source's tones: left 440 Hz, right 1 kHz (zero crossings in 0.5 s). */
    private static void assertSine(Path file, String what) throws Exception {
        float[] l = new float[24_000];
        float[] r = new float[24_000];
        try (AudioSource a = ExportTest.media.openAudio(file)) {
            a.read(48_000, l, r, 0, l.length);
        }
        assertEquals(440, crossings(l), 4, what + ": left tone");
        assertEquals(1000, crossings(r), 4, what + ": right tone");
    }

    /** Frequency from the zero crossings of half a second. */
    private static int crossings(float[] x) {
        int n = 0;
        for (int i = 1; i < x.length; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                n++;
            }
        }
        return n; // two crossings per period over 0.5 s
    }

    @Test
    void audioOnlyProjectPlacesItsClips() throws Exception {
        Path src = sine("tone.m4a", 1.0);
        Timeline tl = new Timeline(new org.lumaflow.engine.timeline.VideoFormat(320, 180,
                org.lumaflow.core.time.FrameRate.FPS_25));
        Track a1 = new Track("A1");
        GraphNode n = new GraphNode("tone", "media.video").set("file", "tone.m4a");
        a1.clips().add(new Clip("tone", n, Ticks.ofSeconds(1), 0, Ticks.ofSeconds(1)));
        tl.tracks().add(a1);
        Path out = dir.resolve("project.wav");
        Run run = export(tl, dir, ExportSettings.to(out));
        assertEquals(50, run.result().frames());
        MediaInfo info = ExportTest.media.probe(out);
        assertEquals(2.0, Ticks.toSeconds(info.durationTicks()), 0.001, "silence, then the tone");
        float[] l = new float[24_000];
        float[] r = new float[24_000];
        try (AudioSource a = ExportTest.media.openAudio(out)) {
            a.read(12_000, l, r, 0, l.length);
            for (float v : l) {
                assertEquals(0f, v, 1e-4f, "the first second is silent");
            }
            a.read(60_000, l, r, 0, l.length);
            assertEquals(440, crossings(l), 4);
        }
    }

    @Test
    void aVideoProjectWithoutAudioToAnAudioFileIsRefusedNamingTheOutput() {
        Path out = dir.resolve("silent.m4a");
        ExportException e = assertThrows(ExportException.class,
                () -> ExportTest.exporter.start(ExportTest.timeline(64, 36, 10), dir, ExportSettings.to(out),
                        new ExportListener() {
                            @Override
                            public void progress(ExportProgress p) {
                            }
                        }));
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("no audio"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void cancelKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
        Path src = sine("long.m4a", 120.0);
        Timeline tl = MediaClips.audioTimeline(ExportTest.media.probe(src));
        Path out = dir.resolve("old.flac");
        byte[] old = "the previous export".getBytes();
        Files.write(out, old);
        AtomicReference<ExportJob> job = new AtomicReference<>();
        List<Long> seen = new CopyOnWriteArrayList<>();
        synchronized (job) {
            job.set(ExportTest.exporter.start(tl, dir, ExportSettings.to(out), new ExportListener() {
                @Override
                public void progress(ExportProgress p) {
                    seen.add(p.framesDone());
                    synchronized (job) {
                        job.get().cancel(); // at the first progress: mid-export
                    }
                }
            }));
        }
        ExportException e = assertThrows(ExportException.class, () -> job.get().await());
        assertTrue(e.cancelled(), e.getMessage());
        assertFalse(seen.isEmpty());
        assertTrue(seen.get(seen.size() - 1) < tl.frameCount(), "stopped before the end: " + seen);
        assertArrayEquals(old, Files.readAllBytes(out), "the old file is intact");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("long.m4a", "old.flac"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporaries left");
        }
    }
}
