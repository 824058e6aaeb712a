package org.lumaflow.perception.internal;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;

/**
 * The cheap scene-cut check run on every proxy frame: a 32x18 grey thumbnail (box averages of the luma) compared with
 * the previous frame's by mean absolute difference. Not thread-safe (one per analysis).
 */
final class SceneCuts {

    static final int TW = 32;
    static final int TH = 18;

    private final double threshold;
    private int[] previous;
    private int[] current = new int[TW * TH];
    private double lastDifference;

    /** @param threshold mean absolute difference (0..255) above which a frame starts a new shot */
    SceneCuts(double threshold) {
        this.threshold = threshold;
    }

    /** Whether {@code rgba} starts a new shot (false for the first frame). */
    boolean cut(Frame rgba) {
        thumbnail(rgba, current);
        boolean cut = false;
        if (previous != null) {
            long sum = 0;
            for (int i = 0; i < current.length; i++) {
                sum += Math.abs(current[i] - previous[i]);
            }
            lastDifference = sum / (double) current.length;
            cut = lastDifference > threshold;
        } else {
            previous = new int[TW * TH];
        }
        int[] t = previous;
        previous = current;
        current = t;
        return cut;
    }

    /** The difference measured by the last {@link #cut} call. */
    double lastDifference() {
        return lastDifference;
    }

    /** Mean luma (BT.709 weights, 0..255) of each of the TW x TH cells of {@code rgba}. */
    static void thumbnail(Frame rgba, int[] out) {
        int w = rgba.width();
        int h = rgba.height();
        ByteBuffer px = rgba.buffer();
        for (int ty = 0; ty < TH; ty++) {
            int y0 = ty * h / TH;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / TH);
            for (int tx = 0; tx < TW; tx++) {
                int x0 = tx * w / TW;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / TW);
                long sum = 0;
                for (int y = y0; y < y1; y++) {
                    int row = y * w * 4;
                    for (int x = x0; x < x1; x++) {
                        int i = row + x * 4;
                        sum += 54 * (px.get(i) & 0xFF) + 183 * (px.get(i + 1) & 0xFF) + 19 * (px.get(i + 2) & 0xFF);
                    }
                }
                out[ty * TW + tx] = (int) (sum / (256L * (y1 - y0) * (x1 - x0)));
            }
        }
    }
}
