package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioStreamInfo;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.ui.internal.parts.bin.BinDurations;

/** The bin shows the length a clip gets (the video's), not the container's (karma.mp4: 13.01 s vs 12.08 s). */
class BinDurationsTest {

    private static VideoStreamInfo video(long ticks) {
        return new VideoStreamInfo(0, "h264", 640, 360, "yuv420p", Rational.of(25, 1), false, 302, ticks, 0,
                "bt709", "bt709", "bt709", "tv");
    }

    @Test
    void theVideoStreamsLengthNotTheContainers() {
        MediaInfo karma = new MediaInfo(Path.of("karma.mp4"), "mov,mp4", Ticks.ofMillis(13_010), 0,
                List.of(video(Ticks.ofMillis(12_080))), List.of(new AudioStreamInfo(1, "aac", 48000, 2, "stereo",
                        Ticks.ofMillis(13_010))));
        assertEquals(Ticks.ofMillis(12_080), BinDurations.clipTicks(karma));
        assertEquals("00:00:12:02", BinDurations.text(karma, FrameRate.parse("25")), "as the timeline shows it");
        MediaInfo song = new MediaInfo(Path.of("song.m4a"), "mov,mp4", Ticks.ofMillis(3_500), 0, List.of(),
                List.of(new AudioStreamInfo(0, "aac", 48000, 2, "stereo", Ticks.ofMillis(3_000))));
        assertEquals(Ticks.ofMillis(3_000), BinDurations.clipTicks(song), "audio-only: the audio stream's");
    }
}
