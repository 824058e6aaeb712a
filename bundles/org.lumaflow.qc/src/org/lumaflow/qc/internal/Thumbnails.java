package org.lumaflow.qc.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pictures of the current frame of a {@link Planes} for people: the per-frame colour fingerprint and small JPEG
 * thumbnails at events. Code values are brought to 8 bits and converted with BT.709 in the stream's range.
 */
final class Thumbnails {

    /** At most this many thumbnails per stream. */
    private static final int MAX = 60;

    private final Planes<?> p;
    private final boolean full;
    private final int shift;
    private final int[] px = new int[3];
    private final Map<String, String> taken = new HashMap<>();

    Thumbnails(Planes<?> planes, boolean fullRange) {
        this.p = planes;
        this.full = fullRange;
        this.shift = planes.depth - 8;
    }

    /** Mean and standard deviation of R, G, B over every 16th pixel of every 16th row. */
    double[] fingerprint() {
        double[] sum = new double[3];
        double[] sq = new double[3];
        int n = 0;
        for (int y = 0; y < p.h; y += 16) {
            for (int x = 0; x < p.w; x += 16) {
                rgb(x, y);
                for (int k = 0; k < 3; k++) {
                    sum[k] += px[k];
                    sq[k] += (double) px[k] * px[k];
                }
                n++;
            }
        }
        double[] fp = new double[6];
        for (int k = 0; k < 3; k++) {
            double m = sum[k] / n;
            fp[k] = m;
            fp[3 + k] = Math.sqrt(Math.max(0, sq[k] / n - m * m));
        }
        return fp;
    }

    private void rgb(int x, int y) {
        int ci = p.chromaIndex(x, y);
        rgb(p.y(x, y) >> shift, p.u(ci) >> shift, p.v(ci) >> shift, full, px);
    }

    /** BT.709 Y'CbCr (limited or full range, 8-bit) to full-range R'G'B' code values. */
    static void rgb(int y, int u, int v, boolean full, int[] out) {
        double yy = full ? y : (y - 16) * 255.0 / 219;
        double cb = full ? u - 128 : (u - 128) * 255.0 / 224;
        double cr = full ? v - 128 : (v - 128) * 255.0 / 224;
        out[0] = clamp(yy + 1.5748 * cr);
        out[1] = clamp(yy - 0.1873 * cb - 0.4681 * cr);
        out[2] = clamp(yy + 1.8556 * cb);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }

    /** A small JPEG (base64) of the current frame, for events in the HTML report. */
    void take(double time) {
        if (taken.size() >= MAX) {
            return;
        }
        int tw = 160;
        int th = Math.max(1, (int) Math.round((double) p.h * tw / p.w));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(tw, th,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int ty = 0; ty < th; ty++) {
            int y = Math.min(p.h - 1, (int) ((ty + 0.5) * p.h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x = Math.min(p.w - 1, (int) ((tx + 0.5) * p.w / tw));
                rgb(x, y);
                img.setRGB(tx, ty, (px[0] << 16) | (px[1] << 8) | px[2]);
            }
        }
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "jpg", out);
            taken.put(String.format(Locale.ROOT, "%.3f", time),
                    java.util.Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (java.io.IOException | RuntimeException e) {
            // a report without this picture
        }
    }

    Map<String, String> all() {
        return taken;
    }
}
