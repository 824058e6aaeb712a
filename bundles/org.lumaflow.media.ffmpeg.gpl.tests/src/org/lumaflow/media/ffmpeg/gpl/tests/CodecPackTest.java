package org.lumaflow.media.ffmpeg.gpl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** With the codec pack fragment installed, the GPL build replaces the LGPL one and x264/x265 encode. */
class CodecPackTest {

    @Test
    void gplBuildIsLoadedAndX264Encodes(@TempDir Path dir) throws Exception {
        FFmpeg.load();
        assertTrue(FFmpeg.codecPack());
        assertTrue(FFmpeg.describe().endsWith("(GPL codec pack)"), FFmpeg.describe());
        assertNotNull(avcodec.avcodec_find_encoder_by_name("libx264"));
        assertNotNull(avcodec.avcodec_find_encoder_by_name("libx265"));
        assertTrue(FFmpeg.commandLine().toString().contains("linux-x86_64-gpl"), FFmpeg.commandLine().toString());
        Path out = dir.resolve("x.mp4");
        Process p = new ProcessBuilder(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-f", "lavfi", "-i", "testsrc2=s=128x72:r=25", "-frames:v", "5", "-c:v", "libx264",
                out.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertTrue(Files.size(out) > 0);
    }
}
