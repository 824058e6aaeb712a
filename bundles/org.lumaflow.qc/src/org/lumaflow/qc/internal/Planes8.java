package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/** {@link Planes} of 8-bit samples: the fast path (4:2:0 and every other chroma subsampling). */
final class Planes8 extends Planes<byte[]> {

    /** {@code (int) hypot(du, dv)} for every du^2 + dv^2 (signalstats truncates). */
    private static final byte[] SAT = new byte[2 * 128 * 128 + 1];

    static {
        for (int i = 0; i < SAT.length; i++) {
            SAT[i] = (byte) Math.min(255, (int) Math.sqrt(i));
        }
    }

    /** four interleaved sub-histograms per band (flat areas would otherwise serialize on one counter) */
    private final int[][] bandY = new int[BANDS][4 * 256];
    private final int[][] bandU = new int[BANDS][4 * 256];
    private final int[][] bandV = new int[BANDS][4 * 256];
    private final int[][] bandSat = new int[BANDS][256];
    private final long[] bandDif = new long[BANDS];
    private final long[] bandSadPrev = new long[BANDS];
    private final long[] bandSadRef = new long[BANDS];
    private final long[] bandOut = new long[BANDS];
    /** 1 where the chroma sample is outside 16..240 */
    private final byte[] chromaOut;
    /** flagged chroma samples per chroma row */
    private final int[] rowOut;

    Planes8(int width, int height, int hs, int vs) {
        super(width, height, 8, hs, vs, byte[]::new);
        chromaOut = new byte[cw * ch];
        rowOut = new int[ch];
    }

    @Override
    void load(ByteBuffer picture) {
        picture.get(0, cur, 0, samples);
    }

    @Override
    void load(Frame f) {
        if (hs != 1 || vs != 1) {
            throw new IllegalArgumentException("QC frames are 4:2:0, this stream is not");
        }
        ByteBuffer b = f.buffer();
        int luma = w * h;
        b.get(0, cur, 0, luma);
        int c = cw * ch;
        if (f.format() == PixelFormat.I420) {
            b.get(luma, cur, luma, 2 * c);
        } else if (f.format() == PixelFormat.NV12) {
            for (int i = 0; i < c; i++) {
                cur[luma + i] = b.get(luma + 2 * i);
                cur[luma + c + i] = b.get(luma + 2 * i + 1);
            }
        } else {
            throw new IllegalArgumentException("QC needs I420 or NV12 frames, got " + f.format());
        }
    }

    /**
     * One parallel pass over chroma and one over luma rows (bands of rows on the pixel workers): histograms,
     * differences to the previous frame, out-of-range counts.
     */
    @Override
    void measure() {
        byte[] c = cur;
        byte[] p = havePrev ? prev : cur;
        int luma = w * h;
        int cn = cw * ch;
        // chroma first: the luma pass needs the out-of-range flags
        Parallel.rows(Math.max(1, cn / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hu = bandU[b];
                int[] hv = bandV[b];
                int[] hsat = bandSat[b];
                Arrays.fill(hu, 0);
                Arrays.fill(hv, 0);
                Arrays.fill(hsat, 0);
                int r0 = (int) ((long) ch * b / BANDS);
                int r1 = (int) ((long) ch * (b + 1) / BANDS);
                for (int r = r0; r < r1; r++) { // whole rows: one band counts each row
                    int outs = 0;
                    int i1 = (r + 1) * cw;
                    for (int i = r * cw; i < i1; i++) {
                        int ui = luma + i;
                        int vi = luma + cn + i;
                        int u = c[ui] & 0xFF;
                        int v = c[vi] & 0xFF;
                        int lane = (i & 3) << 8;
                        hu[lane + u]++;
                        hv[lane + v]++;
                        int du = u - 128;
                        int dv = v - 128;
                        hsat[SAT[du * du + dv * dv] & 0xFF]++;
                        byte o = (byte) (u < 16 || u > 240 || v < 16 || v > 240 ? 1 : 0);
                        chromaOut[i] = o;
                        outs += o;
                    }
                    rowOut[r] = outs;
                }
                // the band's rows are contiguous in each plane: one sum each (not one call a row)
                bandSadPrev[b] = Sad.BEST.sum(c, p, luma + r0 * cw, luma + r1 * cw)
                        + Sad.BEST.sum(c, p, luma + cn + r0 * cw, luma + cn + r1 * cw);
            }
        });
        int hshift = hs;
        int vshift = vs;
        Parallel.rows(w * Math.max(1, h / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hy = bandY[b];
                Arrays.fill(hy, 0);
                long outs = 0;
                int y0 = (int) ((long) h * b / BANDS);
                int y1 = (int) ((long) h * (b + 1) / BANDS);
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        hy[((x & 3) << 8) + (c[row + x] & 0xFF)]++;
                    }
                    int cy = y >> vshift;
                    if (rowOut[cy] != 0) {
                        outs += inRangeUnderChromaOut(c, row, cy * cw, hshift);
                    }
                }
                bandDif[b] = Sad.BEST.sum(c, p, y0 * w, y1 * w); // the band's rows are contiguous: one sum
                bandOut[b] = outs;
            }
        });
        Arrays.fill(histY, 0);
        Arrays.fill(histU, 0);
        Arrays.fill(histV, 0);
        Arrays.fill(histSat, 0);
        frameDif = 0;
        sadPrev = 0;
        long outs = 0;
        for (int b = 0; b < BANDS; b++) {
            int[] by = bandY[b];
            int[] bu = bandU[b];
            int[] bv = bandV[b];
            int[] bs = bandSat[b];
            for (int i = 0; i < 256; i++) {
                histY[i] += by[i] + by[256 + i] + by[512 + i] + by[768 + i];
                histU[i] += bu[i] + bu[256 + i] + bu[512 + i] + bu[768 + i];
                histV[i] += bv[i] + bv[256 + i] + bv[512 + i] + bv[768 + i];
                histSat[i] += bs[i];
            }
            frameDif += bandDif[b];
            sadPrev += bandSadPrev[b] + bandDif[b];
            outs += bandOut[b];
        }
        // BRNG: luma out of 16..235 (from the histogram) plus in-range luma under out-of-range chroma (counted above)
        for (int i = 0; i < 16; i++) {
            outs += histY[i];
        }
        for (int i = 236; i < 256; i++) {
            outs += histY[i];
        }
        outOfRange = outs;
    }

    /** Luma samples of row {@code row} within 16..235 whose chroma sample (row {@code crow}) is out of range. */
    private int inRangeUnderChromaOut(byte[] c, int row, int crow, int hshift) {
        int n = 0;
        for (int cx = 0; cx < cw; cx++) {
            if (chromaOut[crow + cx] != 0) {
                int x1 = Math.min(w, (cx + 1) << hshift);
                for (int x = cx << hshift; x < x1; x++) {
                    int v = c[row + x] & 0xFF;
                    if (v >= 16 && v <= 235) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Override
    double referenceMafd(double noise) {
        double prevMafd = previousMafd();
        if (reference == prev) {
            return prevMafd;
        }
        if (prevMafd > 2 * noise) {
            return prevMafd - noise;
        }
        byte[] c = cur;
        byte[] r = reference;
        int n = samples;
        Parallel.rows(Math.max(1, n / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                bandSadRef[b] = Sad.BEST.sum(c, r, (int) ((long) n * b / BANDS), (int) ((long) n * (b + 1) / BANDS));
            }
        });
        long sad = 0;
        for (long v : bandSadRef) {
            sad += v;
        }
        return sad / (double) n / 256;
    }


    @Override
    int y(int x, int y) {
        return cur[y * w + x] & 0xFF;
    }

    @Override
    int u(int i) {
        return cur[w * h + i] & 0xFF;
    }

    @Override
    int v(int i) {
        return cur[w * h + cw * ch + i] & 0xFF;
    }
}
