package org.lumaflow.telemetry.internal.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.decoder.PictureSource;

/**
 * The video side of motion correlation: the media's first video stream decoded once ({@link MediaService#openPictures},
 * luma only), each picture reduced to a {@value #W}x{@value #H} thumbnail of block means, and the mean absolute
 * difference to the previous thumbnail (0..1 of the code range) as the motion energy between the two pictures, placed
 * half-way between them, on the {@link MotionSignal} grid. Larger pictures are sampled on a sparser lattice (at
 * least 320x180 samples, 10x10 per block). Nothing is allocated per picture.
 */
final class VideoMotion {

    static final int W = 32;
    static final int H = 18;
    private static final int LOOKAHEAD = 4;

    private VideoMotion() {
    }

    static MotionSignal of(MediaService media, Path file) throws MediaException {
        try (PictureSource src = media.openPictures(file, LOOKAHEAD)) {
            PictureLayout l = src.layout();
            int w = l.width();
            int h = l.height();
            int sx = Math.max(1, w / 320);
            int sy = Math.max(1, h / 180);
            int[] colBlock = new int[w];
            for (int x = 0; x < w; x++) {
                colBlock[x] = x * W / w;
            }
            double[] count = new double[W * H];
            for (int y = 0; y < h; y += sy) {
                for (int x = 0; x < w; x += sx) {
                    count[(y * H / h) * W + colBlock[x]]++;
                }
            }
            double scale = 1.0 / ((1 << l.depth()) - 1);
            boolean wide = l.bytesPerSample() == 2;
            double[] sums = new double[W * H];
            double[] prev = new double[W * H];
            double[] cur = new double[W * H];
            MotionSignal.Bins bins = new MotionSignal.Bins(0, MotionSignal.RATE);
            double prevTime = Double.NaN;
            while (src.next()) {
                ByteBuffer p = src.picture();
                boolean swapBytes = p.order() != ByteOrder.LITTLE_ENDIAN;
                Arrays.fill(sums, 0);
                for (int y = 0; y < h; y += sy) {
                    int row = (y * H / h) * W;
                    int base = y * w;
                    for (int x = 0; x < w; x += sx) {
                        int v = !wide ? p.get(base + x) & 0xff
                                : (swapBytes ? Short.reverseBytes(p.getShort((base + x) * 2))
                                        : p.getShort((base + x) * 2)) & 0xffff;
                        sums[row + colBlock[x]] += v;
                    }
                }
                double diff = 0;
                for (int b = 0; b < cur.length; b++) {
                    cur[b] = count[b] == 0 ? 0 : sums[b] / count[b] * scale;
                    diff += Math.abs(cur[b] - prev[b]);
                }
                double t = Ticks.toSeconds(src.time());
                if (!Double.isNaN(prevTime) && t > prevTime) {
                    bins.add((t + prevTime) / 2, diff / cur.length);
                }
                prevTime = t;
                double[] swap = prev;
                prev = cur;
                cur = swap;
            }
            return bins.finish("the video's motion (" + W + "x" + H + " luma block differences, " + w + "x" + h
                    + ")");
        }
    }
}
