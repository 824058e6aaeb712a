package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.core.pool.Frame;

/** {@link Planes} of 9- to 16-bit samples (little-endian 16-bit words), as signalstats measures them. */
final class Planes16 extends Planes<short[]> {

    private final int[][] bandY;
    private final int[][] bandU;
    private final int[][] bandV;
    private final int[][] bandSat;
    private final long[] bandDif = new long[BANDS];
    private final long[] bandSadPrev = new long[BANDS];
    private final long[] bandSadRef = new long[BANDS];
    private final long[] bandOut = new long[BANDS];
    private final byte[] chromaOut;
    /** flagged chroma samples per chroma row */
    private final int[] rowOut;
    /** {@code (int) hypot(du, dv)} by du^2 + dv^2 up to 10 bits; deeper samples take the square root */
    private final short[] sat;
    private final Map<ByteBuffer, ShortBuffer> views = new IdentityHashMap<>();

    Planes16(int width, int height, int depth, int hs, int vs) {
        super(width, height, depth, hs, vs, short[]::new);
        bandY = new int[BANDS][size];
        bandU = new int[BANDS][size];
        bandV = new int[BANDS][size];
        bandSat = new int[BANDS][size];
        chromaOut = new byte[cw * ch];
        rowOut = new int[ch];
        int mid = size / 2;
        if (depth <= 10) {
            sat = new short[2 * mid * mid + 1];
            for (int i = 0; i < sat.length; i++) {
                sat[i] = (short) (int) Math.sqrt(i);
            }
        } else {
            sat = null;
        }
    }

    @Override
    void load(ByteBuffer picture) {
        ShortBuffer v = views.get(picture);
        if (v == null) {
            if (views.size() > 16) {
                views.clear();
            }
            v = picture.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            views.put(picture, v);
        }
        v.get(0, cur, 0, samples);
    }

    @Override
    void load(Frame frame) {
        throw new IllegalArgumentException("QC frames are 8-bit, this stream has " + depth + " bits");
    }

    @Override
    void measure() {
        short[] c = cur;
        short[] p = havePrev ? prev : cur;
        int luma = w * h;
        int cn = cw * ch;
        int mult = 1 << (depth - 8);
        int lo = 16 * mult;
        int yHi = 235 * mult;
        int cHi = 240 * mult;
        int mid = size / 2;
        short[] table = sat;
        Parallel.rows(Math.max(1, cn / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hu = bandU[b];
                int[] hv = bandV[b];
                int[] hsat = bandSat[b];
                Arrays.fill(hu, 0);
                Arrays.fill(hv, 0);
                Arrays.fill(hsat, 0);
                long sp = 0;
                int r1 = (int) ((long) ch * (b + 1) / BANDS);
                for (int r = (int) ((long) ch * b / BANDS); r < r1; r++) { // whole rows: one band counts each row
                    int outs = 0;
                    int i1 = (r + 1) * cw;
                    for (int i = r * cw; i < i1; i++) {
                        int ui = luma + i;
                        int vi = luma + cn + i;
                        int u = c[ui] & 0xFFFF;
                        int v = c[vi] & 0xFFFF;
                        hu[u]++;
                        hv[v]++;
                        long du = u - mid;
                        long dv = v - mid;
                        long d2 = du * du + dv * dv;
                        int s = table != null ? table[(int) d2] : (int) Math.sqrt((double) d2);
                        hsat[Math.min(s, size - 1)]++;
                        sp += Math.abs(u - (p[ui] & 0xFFFF)) + Math.abs(v - (p[vi] & 0xFFFF));
                        byte o = (byte) (u < lo || u > cHi || v < lo || v > cHi ? 1 : 0);
                        chromaOut[i] = o;
                        outs += o;
                    }
                    rowOut[r] = outs;
                }
                bandSadPrev[b] = sp;
            }
        });
        int hshift = hs;
        int vshift = vs;
        Parallel.rows(w * Math.max(1, h / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hy = bandY[b];
                Arrays.fill(hy, 0);
                long dif = 0;
                long outs = 0;
                int y0 = (int) ((long) h * b / BANDS);
                int y1 = (int) ((long) h * (b + 1) / BANDS);
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        int i = row + x;
                        int v = c[i] & 0xFFFF;
                        hy[v]++;
                        dif += Math.abs(v - (p[i] & 0xFFFF));
                    }
                    int cy = y >> vshift;
                    if (rowOut[cy] != 0) { // in-range luma under out-of-range chroma
                        int crow = cy * cw;
                        for (int cx = 0; cx < cw; cx++) {
                            if (chromaOut[crow + cx] != 0) {
                                int xe = Math.min(w, (cx + 1) << hshift);
                                for (int x = cx << hshift; x < xe; x++) {
                                    int v = c[row + x] & 0xFFFF;
                                    if (v >= lo && v <= yHi) {
                                        outs++;
                                    }
                                }
                            }
                        }
                    }
                }
                bandDif[b] = dif;
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
            for (int i = 0; i < size; i++) {
                histY[i] += by[i];
                histU[i] += bu[i];
                histV[i] += bv[i];
                histSat[i] += bs[i];
            }
            frameDif += bandDif[b];
            sadPrev += bandSadPrev[b] + bandDif[b];
            outs += bandOut[b];
        }
        for (int i = 0; i < size; i++) { // BRNG: plus luma out of range, from the histogram
            if (i < lo || i > yHi) {
                outs += histY[i];
            }
        }
        outOfRange = outs;
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
        short[] c = cur;
        short[] r = reference;
        int n = samples;
        Parallel.rows(Math.max(1, n / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                long sr = 0;
                int i1 = (int) ((long) n * (b + 1) / BANDS);
                for (int i = (int) ((long) n * b / BANDS); i < i1; i++) {
                    sr += Math.abs((c[i] & 0xFFFF) - (r[i] & 0xFFFF));
                }
                bandSadRef[b] = sr;
            }
        });
        long sad = 0;
        for (long v : bandSadRef) {
            sad += v;
        }
        return sad / (double) n / size;
    }


    @Override
    int y(int x, int y) {
        return cur[y * w + x] & 0xFFFF;
    }

    @Override
    int u(int i) {
        return cur[w * h + i] & 0xFFFF;
    }

    @Override
    int v(int i) {
        return cur[w * h + cw * ch + i] & 0xFFFF;
    }
}
