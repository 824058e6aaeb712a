package org.lumaflow.qc.internal;

import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.qc.Comparison;

/** Accumulates per-frame PSNR and SSIM of I420 frames against reference frames. */
final class Compare {

    private final int w;
    private final int h;
    private final int cw;
    private final int ch;
    private final byte[] a;
    private final byte[] b;
    private final Similarity sim = new Similarity();
    private final List<double[]> frames = new ArrayList<>();
    private double mseSum;

    Compare(int width, int height) {
        this.w = width;
        this.h = height;
        this.cw = (width + 1) / 2;
        this.ch = (height + 1) / 2;
        a = new byte[w * h + 2 * cw * ch];
        b = new byte[a.length];
    }

    void add(Frame test, Frame ref) {
        test.buffer().get(0, a, 0, a.length);
        ref.buffer().get(0, b, 0, b.length);
        int luma = w * h;
        int c = cw * ch;
        double[] mse = {Similarity.sse(a, b, 0, luma) / (double) luma,
            Similarity.sse(a, b, luma, c) / (double) c, Similarity.sse(a, b, luma + c, c) / (double) c};
        double total = luma + 2.0 * c;
        double all = (mse[0] * luma + mse[1] * c + mse[2] * c) / total;
        double[] ssim = {sim.ssim(a, b, 0, w, h), sim.ssim(a, b, luma, cw, ch), sim.ssim(a, b, luma + c, cw, ch)};
        double ssimAll = (ssim[0] * luma + ssim[1] * c + ssim[2] * c) / total;
        frames.add(new double[] {Similarity.psnr(mse[0]), Similarity.psnr(mse[1]), Similarity.psnr(mse[2]),
            Similarity.psnr(all), ssim[0], ssim[1], ssim[2], ssimAll});
        mseSum += all;
    }

    Comparison result(String reference) {
        double ssim = frames.stream().mapToDouble(f -> f[7]).average().orElse(1);
        return new Comparison(reference, frames, Similarity.psnr(frames.isEmpty() ? 0 : mseSum / frames.size()),
                ssim);
    }
}
