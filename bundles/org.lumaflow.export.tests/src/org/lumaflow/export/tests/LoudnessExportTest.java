package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.qc.loudness.LoudnessMeter;

/** Loudness normalisation on export, measured on the decoded output with QC's meter (and FFmpeg's when installed). */
class LoudnessExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    private static LoudnessMeter.Result measure(Path file, int seconds) throws Exception {
        LoudnessMeter m = new LoudnessMeter();
        float[] l = new float[4800];
        float[] r = new float[4800];
        try (AudioSource a = ExportTest.media.openAudio(file)) {
            for (long s = 0; s < seconds * 48_000L; s += l.length) {
                a.read(s, l, r, 0, l.length);
                m.add(l, r, 0, l.length);
            }
        }
        return m.result();
    }

    private Timeline program() throws Exception {
        // two tones at different levels: integrated loudness about -17 LUFS before normalisation
        Tones.make(dir, "prog.wav", "if(lt(t,3),0.2*sin(2*PI*440*t),0.1*sin(2*PI*3000*t))", 6);
        Timeline tl = Tones.timeline();
        Tones.audioTrack(tl, "A1", Tones.clip("p", "prog.wav", 0, 6));
        return tl;
    }

    @Test
    void exportReachesMinus23Lufs() throws Exception {
        Timeline tl = program();
        for (String name : List.of("norm.wav", "norm.m4a")) {
            Path out = dir.resolve(name);
            List<String> notes = new ArrayList<>();
            Tones.export(tl, dir, ExportSettings.to(out).withLoudness(-23), notes);
            LoudnessMeter.Result r = measure(out, 6);
            assertEquals(-23, r.integrated(), 0.5, name + ": " + notes);
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("loudness: mix measured")), notes.toString());
            Double ff = ffmpegIntegrated(out);
            if (ff != null) {
                assertEquals(-23, ff, 0.5, name + ": FFmpeg's ebur128");
            }
        }
    }

    @Test
    void truePeakCeilingLowersTheGain() throws Exception {
        Timeline tl = program();
        Path out = dir.resolve("loud.wav");
        List<String> notes = new ArrayList<>();
        // the programme measures about -15.6 LUFS with its true peak at -14 dBTP: at -2 LUFS it would peak near
        // -0.4 dBTP, so the gain stops at the -1 dBTP ceiling
        Tones.export(tl, dir, ExportSettings.to(out).withLoudness(-2), notes);
        LoudnessMeter.Result r = measure(out, 6);
        assertTrue(r.truePeak() <= -0.9, "true peak " + r.truePeak() + " " + notes);
        assertTrue(r.truePeak() >= -1.5, "true peak " + r.truePeak() + " " + notes);
        assertTrue(r.integrated() < -2.3, "quieter than asked: " + r.integrated());
        assertTrue(notes.stream().anyMatch(n -> n.contains("lowered to keep the true peak")), notes.toString());
    }

    /** FFmpeg's own EBU R128 figure when the system has an ffmpeg program (not in a fresh CI machine), else null. */
    private static Double ffmpegIntegrated(Path file) throws Exception {
        Path ff = Path.of("/usr/bin/ffmpeg");
        if (!Files.isExecutable(ff)) {
            return null;
        }
        Process p = new ProcessBuilder(ff.toString(), "-hide_banner", "-nostats", "-i", file.toString(), "-af",
                "ebur128", "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log);
        Double last = null;
        while (m.find()) {
            last = Double.valueOf(m.group(1));
        }
        return last;
    }
}
