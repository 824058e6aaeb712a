package org.lumaflow.media.ffmpeg.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.lumaflow.media.ffmpeg.FFmpeg;

class FFmpegRuntimeTest {

    @Test
    void loadsTheLgplBuildInsideOsgiIntoTheConfiguredCache() {
        FFmpeg.load();
        assertTrue(FFmpeg.describe().startsWith("FFmpeg 8."), FFmpeg.describe());
        assertFalse(FFmpeg.codecPack(), "the GPL pack is not part of the core");
        assertTrue(FFmpeg.describe().endsWith("(LGPL build)"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        assertNotNull(cache);
        assertFalse(cache.contains(".javacpp"), "never the shared user-wide cache: " + cache);
        assertTrue(avcodec.avcodec_version() > 0);
    }

    @Test
    void lgplBuildHasOpenh264ButNoX264() {
        FFmpeg.load();
        assertNotNull(avcodec.avcodec_find_encoder_by_name("libopenh264"));
        assertNull(avcodec.avcodec_find_encoder_by_name("libx264"));
    }

    @Test
    void errorTextAndCommandLine() {
        FFmpeg.load();
        assertEquals("Invalid data found when processing input", FFmpeg.error(avutil.AVERROR_INVALIDDATA()));
        assertTrue(Files.isExecutable(FFmpeg.commandLine()), FFmpeg.commandLine().toString());
    }
}
