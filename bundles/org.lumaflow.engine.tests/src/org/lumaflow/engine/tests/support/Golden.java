package org.lumaflow.engine.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * Exact comparison of rendered frames with committed reference PNGs in the test bundle's {@code golden/} folder.
 * Run with {@code -Dlumaflow.golden.update=true} to (re)write references into {@code lumaflow.golden.dir}.
 */
public final class Golden {

    private Golden() {
    }

    /** Asserts that {@code frame} equals {@code golden/<name>.png} byte for byte. */
    public static void assertMatches(String name, Frame frame) throws IOException {
        boolean update = Boolean.getBoolean("lumaflow.golden.update");
        String dir = System.getProperty("lumaflow.golden.dir");
        if (update) {
            if (dir == null) {
                fail("set lumaflow.golden.dir to the golden/ source folder to update references");
            }
            ImageIO.write(toImage(frame), "png", Path.of(dir, name + ".png").toFile());
            return;
        }
        BufferedImage ref;
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".png")) {
            if (in == null) {
                fail("no reference golden/" + name + ".png; run the tests with -Dlumaflow.golden.update=true");
            }
            ref = ImageIO.read(in);
        }
        assertEquals(frame.width(), ref.getWidth(), name + " width");
        assertEquals(frame.height(), ref.getHeight(), name + " height");
        int channels = frame.format() == PixelFormat.GRAY8 ? 1 : 4;
        assertEquals(channels, ref.getRaster().getNumBands(), name + " channels");
        ByteBuffer b = frame.buffer();
        int[] px = new int[channels];
        int diffs = 0;
        String first = null;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                ref.getRaster().getPixel(x, y, px);
                for (int c = 0; c < channels; c++) {
                    int got = b.get((y * frame.width() + x) * channels + c) & 0xFF;
                    if (got != px[c]) {
                        diffs++;
                        if (first == null) {
                            first = "(" + x + "," + y + ") channel " + c + ": got " + got + ", reference " + px[c];
                        }
                    }
                }
            }
        }
        if (diffs > 0) {
            if (dir != null) {
                Path actual = Path.of(System.getProperty("java.io.tmpdir"), "lumaflow-golden-actual");
                Files.createDirectories(actual);
                ImageIO.write(toImage(frame), "png", actual.resolve(name + ".png").toFile());
            }
            fail(name + ": " + diffs + " sample(s) differ from the reference, first at " + first);
        }
    }

    /** The frame as an RGBA (or gray) image. */
    public static BufferedImage toImage(Frame frame) {
        int w = frame.width();
        int h = frame.height();
        boolean gray = frame.format() == PixelFormat.GRAY8;
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_4BYTE_ABGR);
        WritableRaster r = img.getRaster();
        int ch = gray ? 1 : 4;
        int[] px = new int[ch];
        ByteBuffer b = frame.buffer();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < ch; c++) {
                    px[c] = b.get((y * w + x) * ch + c) & 0xFF;
                }
                r.setPixel(x, y, px);
            }
        }
        return img;
    }
}
