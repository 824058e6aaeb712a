package org.lumaflow.testsupport;

import org.lumaflow.core.pool.Frame;

/** Picture comparisons shared by the export tests. */
public final class Pictures {

    private Pictures() {
    }

    /**
     * PSNR of BT.709 luma (Y') between two RGBA frames of one size, as encoders and {@code ffmpeg -lavfi psnr} report
     * it (99 when equal). An RGB PSNR would mostly measure 4:2:0 itself: saturated colour edges not on even pixels
     * lose chroma in any 4:2:0 file, about 27 dB on SMPTE bars whatever the bit rate.
     */
    public static double psnrY(Frame a, Frame b) {
        double se = 0;
        int n = a.width() * a.height();
        for (int i = 0; i < n; i++) {
            double d = luma(a, i) - luma(b, i);
            se += d * d;
        }
        double mse = se / n;
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }

    private static double luma(Frame f, int px) {
        int o = px * 4;
        return 0.2126 * (f.buffer().get(o) & 0xFF) + 0.7152 * (f.buffer().get(o + 1) & 0xFF)
                + 0.0722 * (f.buffer().get(o + 2) & 0xFF);
    }
}
