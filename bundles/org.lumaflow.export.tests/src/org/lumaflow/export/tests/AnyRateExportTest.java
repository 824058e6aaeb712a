package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Timelines at rates whose frame is not a whole number of ticks (2997/125, 1000000/33333) export the right number of
 * frames, each stamped at its own frame's time, and keep the exact rate.
 */
class AnyRateExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    /** A 2997/125 MPEG-4 AVI (as OpenCV's sample data) whose frame N is the flat grey 16 + 4N, transcoded. */
    @Test
    void transcodeOf2997Over125Avi() throws Exception {
        Path src = dir.resolve("r2997.avi");
        ffmpeg("-f", "lavfi", "-i", "nullsrc=s=64x48:r=2997/125,format=yuv420p,geq=lum='16+4*N':cb=128:cr=128",
                "-frames:v", "48", "-c:v", "mpeg4", "-q:v", "2", src.toString());
        MediaInfo info = ExportTest.media.probe(src);
        Timeline tl = MediaClips.timeline(info);
        FrameRate rate = new FrameRate(2997, 125);
        assertEquals(rate, tl.format().rate());
        Path out = dir.resolve("r2997.mp4");
        ExportResult r = ExportTest.exporter.start(tl, dir, ExportSettings.to(out).withQc(false)
                .withBitrate(4_000_000), ExportListener.none()).await();
        assertEquals(48, r.frames());
        checkOutput(out, rate, 48, true);
    }

    /** A generated timeline of exactly 10 s at 1000000/33333 fps: 300.003 frames, so 301 frames. */
    @Test
    void renderedTimelineAt1000000Over33333() throws Exception {
        FrameRate rate = new FrameRate(1_000_000, 33_333);
        Timeline tl = new Timeline(new VideoFormat(64, 48, rate));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("bars", new GraphNode("bars", "core.smpte_bars"), 0, 0, Ticks.ofSeconds(10)));
        tl.tracks().add(v1);
        assertEquals(301, tl.frameCount());
        Path out = dir.resolve("r33333.mp4");
        ExportResult r = ExportTest.exporter.start(tl, dir, ExportSettings.to(out).withQc(false),
                ExportListener.none()).await();
        assertEquals(301, r.frames());
        checkOutput(out, rate, 301, false);
    }

    /** Probes frame count, rate and duration; decodes every frame (counter clips: at its own time). */
    private static void checkOutput(Path out, FrameRate rate, int frames, boolean counter) throws Exception {
        VideoStreamInfo v = ExportTest.media.probe(out).firstVideo();
        String at = out.getFileName() + ": ";
        assertEquals(frames, countFrames(out), at + "frames decoded by ffmpeg");
        if (v.frames() > 0) {
            assertEquals(frames, v.frames(), at + "frames in the header");
        }
        assertEquals(Rational.of(rate.num(), rate.den()), v.frameRate(), at + "frame rate");
        // MP4 keeps the exact rate in its time scale, and the decoder rounds timestamps to ticks as FrameRate does
        assertEquals(rate.frameToTicks(frames), v.durationTicks(), at + "duration");
        try (VideoSource s = ExportTest.media.openVideo(out, 64, 48, Fit.STRETCH, ExportTest.engine.pool(), 2);
                Frame f = ExportTest.engine.pool().lease(FrameKey.rgba(64, 48))) {
            StringBuilder seen = new StringBuilder();
            boolean right = true;
            for (int k = 0; k < frames; k += counter ? 1 : 37) {
                long shown = s.read(rate.frameToTicks(k), f);
                assertEquals(rate.frameToTicks(k), shown, at + "pts of frame " + k);
                if (counter) {
                    int red = f.buffer().get((24 * 64 + 32) * 4) & 0xFF;
                    long index = Math.round(red * 219.0 / 255.0 / 4.0);
                    seen.append(k).append(':').append(index).append('/').append(red).append(' ');
                    right &= index == k;
                }
            }
            assertTrue(right, at + "frame:picture/red " + seen);
        }
    }

    /** Frames ffmpeg itself decodes from {@code file} (its "frame=" count). */
    private static int countFrames(Path file) throws Exception {
        String log = ffmpeg("-i", file.toString(), "-map", "0:v", "-f", "null", "-");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("frame=\\s*(\\d+)").matcher(log);
        int n = -1;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static String ffmpeg(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(FFmpeg.commandLine().toString(),
                "-hide_banner", "-nostdin", "-y"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return log;
    }
}
