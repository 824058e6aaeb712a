package org.lumaflow.export.internal.audio;

import org.lumaflow.decoder.MediaException;

/**
 * Speed change by resampling, so the pitch moves with the speed: clip sample {@code u} is virtual source position
 * {@code u * rate}, interpolated with a 4-point cubic (Catmull-Rom) between source samples. No low-pass filter is
 * applied when speeding up, so content above {@code 24 kHz / rate} folds back (aliasing); at the usual 1.25x..2x
 * that is content above 12..19 kHz.
 */
final class Resampler implements ClipReader {

    private final SourceWindow w;
    private final double rate;
    /** Output samples per window request, so that a request spans at most a quarter of the window. */
    private final int step;

    Resampler(SourceWindow w, double rate) {
        this.w = w;
        this.rate = rate;
        this.step = (int) Math.max(1, Math.min(Integer.MAX_VALUE, SourceWindow.CAPACITY / 4 / Math.max(rate, 1)));
    }

    @Override
    public void read(long u, float[] left, float[] right, int off, int n) throws MediaException {
        for (int done = 0; done < n;) {
            int c = Math.min(step, n - done);
            long a = (long) Math.floor((u + done) * rate) - 1;
            long b = (long) Math.floor((u + done + c) * rate) + 3;
            w.ensure(a, b);
            float[] l = w.left;
            float[] r = w.right;
            long base = w.start;
            for (int i = 0; i < c; i++) {
                double v = (u + done + i) * rate;
                long iv = (long) Math.floor(v);
                float t = (float) (v - iv);
                int k = (int) (iv - base);
                left[off + done + i] = cubic(l[k - 1], l[k], l[k + 1], l[k + 2], t);
                right[off + done + i] = cubic(r[k - 1], r[k], r[k + 1], r[k + 2], t);
            }
            done += c;
        }
    }

    /** Catmull-Rom through {@code p1} (t = 0) and {@code p2} (t = 1); exact at the samples. */
    static float cubic(float p0, float p1, float p2, float p3, float t) {
        return p1 + 0.5f * t * (p2 - p0 + t * (2f * p0 - 5f * p1 + 4f * p2 - p3 + t * (3f * (p1 - p2) + p3 - p0)));
    }
}
