package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.internal.FFmpegMediaService;
import org.lumaflow.decoder.waveform.Waveform;
import org.lumaflow.decoder.waveform.Waveforms;

/**
 * Waveform peaks of a generated file with known peaks: left a 1 kHz sine of amplitude 0.8 for 1 s, then 0.4 for 1 s
 * (48 samples a period, so every 256-sample block holds both crests exactly); right a constant 0.3, then -0.2.
 */
class WaveformsTest {

    @TempDir
    Path dir;

    private Path tone() throws Exception {
        Path f = dir.resolve("peaks.wav");
        TestClips.ffmpeg("-f", "lavfi", "-i", "aevalsrc=exprs=if(lt(t\\,1)\\,0.8\\,0.4)*sin(2*PI*1000*t)"
                + "|if(lt(t\\,1)\\,0.3\\,-0.2):s=48000:d=2", "-c:a", "pcm_f32le", f.toString());
        return f;
    }

    @Test
    void peaksAtEveryLevelAreCachedAndFollowTheFile() throws Exception {
        Path f = tone();
        Path cache = dir.resolve("cache");
        Waveform w;
        try (Waveforms ws = new Waveforms(FFmpegMediaService.INSTANCE, cache)) {
            CompletableFuture<Waveform> a = ws.of(f);
            w = a.get(60, TimeUnit.SECONDS);
            assertEquals(96_000, w.samples());
            assertEquals(Waveforms.LEVELS.length, w.levels().size());
            for (Waveform.Level l : w.levels()) {
                int n = (int) ((96_000 + l.samplesPerPeak() - 1) / l.samplesPerPeak());
                assertEquals(n, l.size(), "blocks of " + l.samplesPerPeak());
                for (int b = 0; b < n; b++) {
                    long s0 = (long) b * l.samplesPerPeak();
                    long s1 = s0 + l.samplesPerPeak();
                    String at = l.samplesPerPeak() + "/" + b;
                    double amp = s1 <= 48_000 ? 0.8 : s0 >= 48_000 ? 0.4 : 0.8;
                    assertEquals(amp, l.maxLeft()[b], 1e-6, at);
                    assertEquals(-amp, l.minLeft()[b], 1e-6, at);
                    double hi = s0 < 48_000 ? 0.3 : -0.2;
                    double lo = s1 <= 48_000 ? 0.3 : -0.2;
                    assertEquals(hi, l.maxRight()[b], 1e-6, at);
                    assertEquals(lo, l.minRight()[b], 1e-6, at);
                }
            }
            assertEquals(1024, w.forZoom(2000).samplesPerPeak());
            assertEquals(256, w.forZoom(10).samplesPerPeak());
            Path file = ws.cacheFile(f);
            assertTrue(Files.isRegularFile(file), "cached in " + file);
            try (var s = Files.list(cache)) {
                assertEquals(1, s.count(), "one cache file, no temporaries");
            }
        }
        try (Waveforms ws = new Waveforms(FFmpegMediaService.INSTANCE, cache)) {
            Waveform again = ws.of(f).get(60, TimeUnit.SECONDS);
            assertNotSame(w, again);
            for (int k = 0; k < w.levels().size(); k++) {
                assertArrayEquals(w.levels().get(k).maxLeft(), again.levels().get(k).maxLeft(), "from the cache");
                assertArrayEquals(w.levels().get(k).minRight(), again.levels().get(k).minRight());
            }
            Path old = ws.cacheFile(f);
            Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() - 5000));
            assertTrue(!ws.cacheFile(f).equals(old), "a changed file has another key");
            ws.of(f).get(60, TimeUnit.SECONDS);
            assertTrue(Files.isRegularFile(ws.cacheFile(f)));
            // a damaged cache file is measured again and replaced
            Files.write(ws.cacheFile(f), new byte[] {1, 2, 3});
            Waveform redone = ws.of(f).get(60, TimeUnit.SECONDS);
            assertArrayEquals(w.levels().get(0).maxLeft(), redone.levels().get(0).maxLeft());
            assertTrue(Files.size(ws.cacheFile(f)) > 1000);
        }
    }

    @Test
    void sameFileSharesOneMeasurementAndErrorsNameTheFile() throws Exception {
        Path f = tone();
        try (Waveforms ws = new Waveforms(FFmpegMediaService.INSTANCE, dir.resolve("c"))) {
            CompletableFuture<Waveform> a = ws.of(f);
            CompletableFuture<Waveform> b = ws.of(f);
            assertTrue(a == b || a.isDone(), "one measurement per file while it runs");
            if (a == b) {
                assertSame(a.get(60, TimeUnit.SECONDS), b.get(), "one waveform for both callers");
            }
            assertEquals(96_000, a.get(60, TimeUnit.SECONDS).samples());
            Path bad = dir.resolve("not-media.wav");
            Files.writeString(bad, "hello");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> ws.of(bad).get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof MediaException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("not-media.wav"), e.getCause().getMessage());
        }
    }
}
