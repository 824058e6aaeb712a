package org.lumaflow.perception.internal;

import java.nio.ByteBuffer;

/**
 * Blurs or pixelates an elliptical area of an RGBA8 picture with a feathered edge: the pixel work behind
 * {@code perception.face_blur}. Reads the untouched input, blends into the output (which already holds the input, or
 * earlier faces' results).
 */
final class Obscure {

    private Obscure() {
    }

    /** Work arrays per render thread, grown to the largest face seen and reused (no per-frame allocation). */
    private static final class Scratch {
        int[] px = new int[0];
        int[] line = new int[0];

        int[] px(int n) {
            if (px.length < n) {
                px = new int[n];
            }
            return px;
        }

        int[] line(int n) {
            if (line.length < n) {
                line = new int[n];
            }
            return line;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * @param x0 left edge of the ellipse's box, pixels (fractional)
     * @param y0 top edge
     * @param x1 right edge
     * @param y1 bottom edge
     * @param pixelate pixel blocks instead of a blur
     * @param size blur radius or block size, pixels
     * @param feather width of the soft edge as a fraction of the ellipse's radius (0 = hard edge)
     */
    static void apply(ByteBuffer in, ByteBuffer out, int w, int h, double x0, double y0, double x1, double y1,
            boolean pixelate, int size, double feather) {
        int rx0 = Math.max(0, (int) Math.floor(x0));
        int ry0 = Math.max(0, (int) Math.floor(y0));
        int rx1 = Math.min(w, (int) Math.ceil(x1));
        int ry1 = Math.min(h, (int) Math.ceil(y1));
        if (rx1 <= rx0 || ry1 <= ry0 || size < 1) {
            return;
        }
        int m = pixelate ? 0 : 2 * size; // context read around the area so the blur has no dark rim
        int ax0 = Math.max(0, rx0 - m);
        int ay0 = Math.max(0, ry0 - m);
        int aw = Math.min(w, rx1 + m) - ax0;
        int ah = Math.min(h, ry1 + m) - ay0;
        Scratch scratch = SCRATCH.get();
        int[] px = scratch.px(aw * ah * 4);
        for (int y = 0; y < ah; y++) {
            for (int x = 0, i = ((ay0 + y) * w + ax0) * 4, o = y * aw * 4; x < aw * 4; x++) {
                px[o + x] = in.get(i + x) & 0xFF;
            }
        }
        if (pixelate) {
            pixelate(px, aw, ah, size);
        } else {
            int r = Math.max(1, size / 2);
            for (int pass = 0; pass < 3; pass++) { // three box passes: close to a Gaussian
                boxRows(px, aw, ah, r, scratch.line(Math.max(aw, ah)));
                boxColumns(px, aw, ah, r, scratch.line(Math.max(aw, ah)));
            }
        }
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double rx = Math.max(0.5, (x1 - x0) / 2);
        double ry = Math.max(0.5, (y1 - y0) / 2);
        double f = Math.max(1e-6, Math.min(1, feather));
        for (int y = ry0; y < ry1; y++) {
            double dy = (y + 0.5 - cy) / ry;
            for (int x = rx0; x < rx1; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d >= 1) {
                    continue;
                }
                double t = Math.min(1, (1 - d) / f);
                int a = (int) Math.round(t * t * (3 - 2 * t) * 256); // smoothstep, 0..256
                int o = (y * w + x) * 4;
                int p = ((y - ay0) * aw + (x - ax0)) * 4;
                for (int c = 0; c < 4; c++) {
                    int cur = out.get(o + c) & 0xFF;
                    out.put(o + c, (byte) (cur + (((px[p + c] - cur) * a + 128) >> 8)));
                }
            }
        }
    }

    private static void pixelate(int[] px, int w, int h, int b) {
        for (int by = 0; by < h; by += b) {
            for (int bx = 0; bx < w; bx += b) {
                int ex = Math.min(w, bx + b);
                int ey = Math.min(h, by + b);
                int n = (ex - bx) * (ey - by);
                for (int c = 0; c < 4; c++) {
                    long s = 0;
                    for (int y = by; y < ey; y++) {
                        for (int x = bx; x < ex; x++) {
                            s += px[(y * w + x) * 4 + c];
                        }
                    }
                    int v = (int) ((s + n / 2) / n);
                    for (int y = by; y < ey; y++) {
                        for (int x = bx; x < ex; x++) {
                            px[(y * w + x) * 4 + c] = v;
                        }
                    }
                }
            }
        }
    }

    /** Box filter of radius {@code r} along rows, edges clamped (running sums). */
    private static void boxRows(int[] px, int w, int h, int r, int[] line) {
        int div = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < 4; c++) {
                int base = y * w * 4 + c;
                for (int x = 0; x < w; x++) {
                    line[x] = px[base + x * 4];
                }
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += line[Math.max(0, Math.min(w - 1, k))];
                }
                for (int x = 0; x < w; x++) {
                    px[base + x * 4] = (s + r) / div;
                    s += line[Math.min(w - 1, x + r + 1)] - line[Math.max(0, x - r)];
                }
            }
        }
    }

    /** Box filter of radius {@code r} along columns, edges clamped. */
    private static void boxColumns(int[] px, int w, int h, int r, int[] line) {
        int div = 2 * r + 1;
        for (int x = 0; x < w; x++) {
            for (int c = 0; c < 4; c++) {
                int base = x * 4 + c;
                for (int y = 0; y < h; y++) {
                    line[y] = px[base + y * w * 4];
                }
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += line[Math.max(0, Math.min(h - 1, k))];
                }
                for (int y = 0; y < h; y++) {
                    px[base + y * w * 4] = (s + r) / div;
                    s += line[Math.min(h - 1, y + r + 1)] - line[Math.max(0, y - r)];
                }
            }
        }
    }
}
