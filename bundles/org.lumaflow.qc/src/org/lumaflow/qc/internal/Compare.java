package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.qc.Comparison;

/**
 * Accumulates per-frame PSNR and SSIM of planar pictures (any chroma subsampling, 8 to 16 bits, peak
 * {@code 2^depth - 1} as FFmpeg's filters use) against reference pictures of the same layout.
 */
final class Compare {

    private final int w;
    private final int h;
    private final int cw;
    private final int ch;
    private final int depth;
    private final int max;
    private final int n;
    private final byte[] a;
    private final byte[] b;
    private final short[] a16;
    private final short[] b16;
    private final Similarity sim = new Similarity();
    private final List<double[]> frames = new ArrayList<>();
    private double mseSum;

    Compare(PictureLayout layout) {
        this.w = layout.width();
        this.h = layout.height();
        this.cw = layout.chromaWidth();
        this.ch = layout.chromaHeight();
        this.depth = layout.depth();
        this.max = (1 << depth) - 1;
        this.n = w * h + 2 * cw * ch;
        boolean deep = depth > 8;
        a = deep ? null : new byte[n];
        b = deep ? null : new byte[n];
        a16 = deep ? new short[n] : null;
        b16 = deep ? new short[n] : null;
    }

    /** Compares a test picture with its reference (both laid out as the layout given at construction). */
    void add(ByteBuffer test, ByteBuffer ref) {
        int luma = w * h;
        int c = cw * ch;
        double[] mse;
        double[] ssim;
        if (a != null) {
            test.get(0, a, 0, n);
            ref.get(0, b, 0, n);
            mse = new double[] {Similarity.sse(a, b, 0, luma) / (double) luma,
                Similarity.sse(a, b, luma, c) / (double) c, Similarity.sse(a, b, luma + c, c) / (double) c};
            ssim = new double[] {sim.ssim(a, b, 0, w, h), sim.ssim(a, b, luma, cw, ch),
                sim.ssim(a, b, luma + c, cw, ch)};
        } else {
            test.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(0, a16, 0, n);
            ref.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(0, b16, 0, n);
            mse = new double[] {Similarity.sse(a16, b16, 0, luma) / (double) luma,
                Similarity.sse(a16, b16, luma, c) / (double) c, Similarity.sse(a16, b16, luma + c, c) / (double) c};
            ssim = new double[] {Similarity.ssim(a16, b16, 0, w, h, max),
                Similarity.ssim(a16, b16, luma, cw, ch, max), Similarity.ssim(a16, b16, luma + c, cw, ch, max)};
        }
        double total = luma + 2.0 * c;
        double all = (mse[0] * luma + mse[1] * c + mse[2] * c) / total;
        double ssimAll = (ssim[0] * luma + ssim[1] * c + ssim[2] * c) / total;
        frames.add(new double[] {Similarity.psnr(mse[0], max), Similarity.psnr(mse[1], max),
            Similarity.psnr(mse[2], max), Similarity.psnr(all, max), ssim[0], ssim[1], ssim[2], ssimAll});
        mseSum += all;
    }

    Comparison result(String reference) {
        double ssim = frames.stream().mapToDouble(f -> f[7]).average().orElse(1);
        return new Comparison(reference, frames, Similarity.psnr(frames.isEmpty() ? 0 : mseSum / frames.size(),
                max), ssim);
    }
}
