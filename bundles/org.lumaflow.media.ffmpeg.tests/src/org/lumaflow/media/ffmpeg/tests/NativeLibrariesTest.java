package org.lumaflow.media.ffmpeg.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.natives.NativeCheck;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.media.ffmpeg.internal.FFmpegNatives;

/** Every FFmpeg library the product unpacks resolves on this machine; the ffmpeg program runs without system libva. */
class NativeLibrariesTest {

    @Test
    void everyFfmpegLibraryResolves() throws Exception {
        List<Path> folders = new FFmpegNatives().unpack();
        assertTrue(folders.stream().anyMatch(d -> Files.exists(d.resolve("libavdevice.so.62"))),
                "avdevice unpacked: " + folders);
        List<NativeCheck.Missing> missing = NativeCheck.check(folders);
        assertTrue(missing.isEmpty(), "missing system libraries: " + missing + "; install: apt-get install "
                + NativeCheck.packages(missing));
    }

    @Test
    void aMissingLibraryIsNamedWithItsPackage(@TempDir Path dir) throws Exception {
        Path folder = new FFmpegNatives().unpack().stream()
                .filter(d -> Files.exists(d.resolve("libavformat.so.62"))).findFirst().orElseThrow();
        Files.copy(folder.resolve("libavformat.so.62"), dir.resolve("libavformat.so.62"));
        List<NativeCheck.Missing> missing = NativeCheck.check(List.of(dir));
        assertTrue(missing.stream().anyMatch(m -> m.soname().equals("libavcodec.so.62")
                && m.neededBy().equals(List.of(dir.resolve("libavformat.so.62")))), missing.toString());
        assertEquals("libpulse0", NativeCheck.debianPackage("libpulse.so.0"));
        assertEquals("libva2", NativeCheck.debianPackage("libva.so.2"));
    }

    @Test
    void theFfmpegProgramFindsTheLibrariesBesideIt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(FFmpeg.commandLine().toString(), "-hide_banner", "-version")
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("LD_LIBRARY_PATH"); // only what the launcher itself provides
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.startsWith("ffmpeg version"), log);
    }
}
