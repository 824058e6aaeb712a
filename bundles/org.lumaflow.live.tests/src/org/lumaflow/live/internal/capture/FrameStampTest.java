package org.lumaflow.live.internal.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** The frame-number stamp: exact round trips, and read back after H.264 (libopenh264) at a modest bitrate and scaling. */
class FrameStampTest {

    private static final long[] NUMBERS = {0, 1, 2, 0xFFFFFFFFL, 0x80000001L, 123_456_789, 0x55AA55AAL, 42};

    @Test
    void roundTripInEveryLayoutAndNothingReadFromAPictureWithoutStamp() {
        try (FramePool pool = new FramePool()) {
            for (PixelFormat f : PixelFormat.values()) {
                try (Frame frame = pool.lease(640, 360, f, Usage.RENDER)) {
                    frame.fill((byte) 100);
                    assertEquals(FrameStamp.NONE, FrameStamp.read(frame), f + ": a flat picture has no stamp");
                    for (long n : NUMBERS) {
                        FrameStamp.write(frame, n);
                        assertEquals(n, FrameStamp.read(frame), f + " " + n);
                    }
                }
            }
            try (Frame frame = pool.lease(1280, 720, PixelFormat.RGBA8, Usage.RENDER)) {
                for (long n = 0; n < 300; n += 7) {
                    TestPattern.draw(frame, n);
                    assertEquals(n, FrameStamp.read(frame), "the test pattern carries its frame number");
                }
                // a flipped bit breaks the checksum: no wrong number is ever read
                TestPattern.draw(frame, 5);
                int x = (FrameStamp.cellLeft(20, 1280) + FrameStamp.cellLeft(21, 1280)) / 2;
                boolean white = FrameStamp.white(20, 5);
                for (int y = 0; y < FrameStamp.bandHeight(1280); y++) {
                    for (int dx = -8; dx <= 8; dx++) {
                        frame.buffer().putInt((y * 1280 + x + dx) * 4, white ? 0xFF000000 : 0xFFFFFFFF);
                    }
                }
                assertEquals(FrameStamp.NONE, FrameStamp.read(frame));
            }
        }
    }

    /**
     * 1280x720 pattern frames, each with its own number, encoded by libopenh264 at 600 kb/s after scaling to 640x360,
     * decoded back to a 640x360 luma plane and to 960x540 RGBA: every frame reads its number.
     */
    @Test
    void survivesH264AtAModestBitrateAndScaling(@TempDir Path dir) throws Exception {
        int w = 1280;
        int h = 720;
        int count = 45;
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = (i * 2_654_435_761L + 17) & 0xFFFFFFFFL;
        }
        Path h264 = dir.resolve("stamped.ts");
        Process enc = ffmpeg(dir, "-f", "rawvideo", "-pix_fmt", "rgba", "-s", w + "x" + h, "-r", "30", "-i", "-",
                "-vf", "scale=640:360", "-c:v", "libopenh264", "-b:v", "600k", "-g", "30", "-y", h264.toString());
        try (FramePool pool = new FramePool(); Frame f = pool.lease(w, h, PixelFormat.RGBA8, Usage.RENDER);
                OutputStream out = enc.getOutputStream()) {
            byte[] bytes = new byte[w * h * 4];
            for (long n : numbers) {
                TestPattern.draw(f, n);
                f.buffer().get(0, bytes);
                out.write(bytes);
            }
        }
        assertEquals(0, enc.waitFor(), "encoding: " + log(dir));
        List<Long> luma = decode(dir, h264, "gray", 640, 360, false);
        List<Long> rgba = decode(dir, h264, "rgba", 960, 540, true);
        assertEquals(count, luma.size());
        assertEquals(count, rgba.size());
        for (int i = 0; i < count; i++) {
            assertEquals(numbers[i], luma.get(i), "frame " + i + " from the 640x360 luma plane");
            assertEquals(numbers[i], rgba.get(i), "frame " + i + " from the 960x540 RGBA picture");
        }
    }

    private static List<Long> decode(Path dir, Path file, String pixFmt, int w, int h, boolean rgba)
            throws IOException, InterruptedException {
        Path raw = dir.resolve("decoded-" + pixFmt + ".raw");
        Process dec = ffmpeg(dir, "-i", file.toString(), "-vf", "scale=" + w + ":" + h, "-pix_fmt", pixFmt, "-f",
                "rawvideo", "-y", raw.toString());
        assertEquals(0, dec.waitFor(), "decoding: " + log(dir));
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(raw));
        int size = w * h * (rgba ? 4 : 1);
        List<Long> out = new ArrayList<>();
        for (int off = 0; off + size <= all.capacity(); off += size) {
            out.add(rgba ? FrameStamp.readRgba(all, off, w, h, w * 4) : FrameStamp.readLuma(all, off, w, h, w));
        }
        assertTrue(!out.isEmpty(), "nothing decoded");
        return out;
    }

    static Process ffmpeg(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("ffmpeg.log").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String log(Path dir) throws IOException {
        Path p = dir.resolve("ffmpeg.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
