package org.lumaflow.qc;

import java.util.List;

/**
 * PSNR and SSIM of a test source against a reference, per frame and overall, computed like FFmpeg's {@code psnr} and
 * {@code ssim} filters (PSNR from the plane-size-weighted mean squared error; SSIM on 8x8 windows every 4 pixels,
 * planes weighted by size).
 *
 * @param frames   per frame: {PSNR Y, U, V, all (dB), SSIM Y, U, V, all}
 * @param psnr     overall PSNR (dB) from the mean MSE over all frames
 * @param ssim     overall SSIM (mean of the frames' "all")
 */
public record Comparison(String reference, List<double[]> frames, double psnr, double ssim) {
}
