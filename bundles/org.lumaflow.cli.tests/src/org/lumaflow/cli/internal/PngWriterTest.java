package org.lumaflow.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;

/** PNG files from {@link PngWriter} and {@link FrameSink} decode (ImageIO) to exactly the frame's pixels. */
class PngWriterTest {

    /** Fills {@code f} with noise (every byte value, alpha included) over a few flat areas (long deflate matches). */
    private static void fill(Frame f, long seed) {
        Random rnd = new Random(seed);
        ByteBuffer b = f.buffer();
        int w = f.width();
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < w; x++) {
                int o = y * f.stride() + x * 4;
                if (x < w / 3) {
                    b.putInt(o, 0x80402010 + y); // flat stripes
                } else {
                    b.putInt(o, rnd.nextInt());
                }
            }
        }
    }

    private static void assertSamePixels(Frame f, Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(f.width(), img.getWidth(), png.toString());
        assertEquals(f.height(), img.getHeight(), png.toString());
        ByteBuffer b = f.buffer();
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int o = y * f.stride() + x * 4;
                int r = b.get(o) & 0xFF;
                int g = b.get(o + 1) & 0xFF;
                int bl = b.get(o + 2) & 0xFF;
                int a = b.get(o + 3) & 0xFF;
                int want = a << 24 | r << 16 | g << 8 | bl;
                int got = img.getRGB(x, y);
                if (want != got) {
                    throw new AssertionError(png + " pixel " + x + "," + y + ": expected " + Integer.toHexString(want)
                            + ", got " + Integer.toHexString(got));
                }
            }
        }
    }

    /**
     * The "Sub" filter (plain loops, and the Vector API kernel where this JVM has it) equals the byte-by-byte
     * definition for every row length up to 40 pixels.
     */
    @Test
    void subFilterMatchesTheDefinition() {
        Random rnd = new Random(7);
        for (PngFilter f : List.of(new PngFilter(), PngFilter.BEST)) {
            for (int w = 1; w <= 40; w++) {
                int rowBytes = w * 4;
                int rows = 3;
                byte[] src = new byte[rowBytes * rows];
                rnd.nextBytes(src);
                byte[] dst = new byte[(rowBytes + 1) * rows];
                f.filter(src, dst, rows, rowBytes);
                for (int r = 0; r < rows; r++) {
                    assertEquals(1, dst[r * (rowBytes + 1)], "filter type byte, width " + w);
                    for (int i = 0; i < rowBytes; i++) {
                        byte left = i < 4 ? 0 : src[r * rowBytes + i - 4];
                        assertEquals((byte) (src[r * rowBytes + i] - left), dst[r * (rowBytes + 1) + 1 + i],
                                f.getClass().getSimpleName() + ": width " + w + ", row " + r + ", byte " + i);
                    }
                }
            }
        }
    }

    @Test
    void oddSizesRoundTripExactly(@TempDir Path dir) throws Exception {
        try (FramePool pool = new FramePool()) {
            PngWriter png = new PngWriter();
            int[][] sizes = {{1, 1}, {3, 17}, {33, 5}, {641, 361}};
            for (int[] s : sizes) {
                Frame f = pool.lease(FrameKey.rgba(s[0], s[1]));
                try {
                    fill(f, s[0] * 31L + s[1]);
                    Path out = dir.resolve("f" + s[0] + "x" + s[1] + ".png");
                    png.write(f, out);
                    assertSamePixels(f, out);
                    byte[] file = Files.readAllBytes(out);
                    assertEquals(png.length(), file.length);
                } finally {
                    f.release();
                }
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(4, left.count(), "only the finished files are left (no temporaries)");
            }
        }
    }

    @Test
    void sameFrameEncodesToTheSameBytesAndAllocatesNoFrameSizedBuffers(@TempDir Path dir) throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (FramePool pool = new FramePool()) {
            Frame f = pool.lease(FrameKey.rgba(1920, 1080));
            try {
                fill(f, 7);
                PngWriter png = new PngWriter();
                png.encode(f);
                byte[] first = java.util.Arrays.copyOf(png.bytes(), png.length());
                png.write(f, dir.resolve("warm.png")); // buffers grown, classes loaded
                long tid = Thread.currentThread().threadId();
                long before = mx.getThreadAllocatedBytes(tid);
                int n = 5;
                for (int i = 0; i < n; i++) {
                    png.write(f, dir.resolve("frame.png"));
                }
                long perFrame = (mx.getThreadAllocatedBytes(tid) - before) / n;
                assertTrue(perFrame < 64 * 1024, "steady-state allocation per 1080p frame: " + perFrame + " bytes");
                assertArrayEquals(first, Files.readAllBytes(dir.resolve("frame.png")));
                assertSamePixels(f, dir.resolve("frame.png"));
            } finally {
                f.release();
            }
        }
    }

    @Test
    void sinkWritesEveryFrameFromSeveralWriters(@TempDir Path dir) throws Exception {
        try (FramePool pool = new FramePool()) {
            int frames = 12;
            List<Frame> refs = new ArrayList<>();
            try (FrameSink sink = new FrameSink(dir, 3)) {
                for (int i = 0; i < frames; i++) {
                    Frame f = pool.lease(FrameKey.rgba(160 + i, 90));
                    fill(f, i);
                    Frame keep = pool.lease(FrameKey.rgba(160 + i, 90));
                    keep.buffer().put(0, f.buffer(), 0, f.height() * f.stride());
                    refs.add(keep);
                    sink.submit(f, 100 + i); // the sink releases f
                }
            }
            for (int i = 0; i < frames; i++) {
                assertSamePixels(refs.get(i), dir.resolve(String.format("frame_%06d.png", 100 + i)));
                refs.get(i).release();
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(frames, left.count(), "no temporaries left");
            }
            assertEquals(0, pool.outstanding());
        }
    }

    @Test
    void frameNamesArePaddedToSixDigits() {
        Path d = Path.of("x");
        assertEquals(d.resolve("frame_000000.png"), FrameSink.fileFor(d, 0));
        assertEquals(d.resolve("frame_001234.png"), FrameSink.fileFor(d, 1234));
        assertEquals(d.resolve("frame_1234567.png"), FrameSink.fileFor(d, 1234567));
    }
}
