package org.lumaflow.live.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.lumaflow.live.internal.LogMasking;
import org.lumaflow.media.ffmpeg.internal.FFmpegLog;
import org.lumaflow.testsupport.OsgiTests;

/** While the live bundle runs, FFmpeg's own log lines (which repeat URLs) reach our logs and errors masked. */
class LogMaskingTest {

    @Test
    void ffmpegLinesWithKeysAreMasked() throws Exception {
        OsgiTests.service(OsgiTests.startAll(LogMaskingTest.class), LogMasking.class); // the component is active
        FFmpegLog log = new FFmpegLog();
        try (BytePointer line = new BytePointer("[rtmp @ 0x55] Cannot open connection "
                + "rtmp://live.example.com/app/sk_9f8e7d6c5b?x=1 and srt://h:9000?passphrase=opensesame42")) {
            log.call(avutil.AV_LOG_ERROR, line);
        }
        String kept = FFmpegLog.takeLast();
        assertTrue(kept.contains("rtmp://live.example.com/app/****"), kept);
        assertFalse(kept.contains("sk_9f8e7d6c5b") || kept.contains("opensesame42"), kept);
    }
}
