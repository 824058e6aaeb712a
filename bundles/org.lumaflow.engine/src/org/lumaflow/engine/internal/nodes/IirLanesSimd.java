package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link IirLanes} with the Vector API: the filters run on 256-bit float vectors (two per strip row), the
 * integer unpacking and packing on 256-bit int vectors (the one shape of every kernel, see {@link SimdKernels}).
 * Used only when the JVM runs with {@code --add-modules jdk.incubator.vector} and has 256-bit vectors; results are
 * identical to the plain loops.
 * <p>
 * Only Vector API calls inside the loops, no helper methods of our own: the Vector API's methods are always inlined,
 * ours are not once the caller is large, and a vector passed to a method that is not inlined loses its
 * intrinsics (10x slower).
 */
final class IirLanesSimd extends IirLanes {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int STEP = 8;
    /** Perfect-shuffle halves of two vectors: lanes 0..3 (4..7) of the first interleaved with those of the second. */
    private static final VectorShuffle<Integer> ZIP_LO = VectorShuffle.fromValues(I, 0, 8, 1, 9, 2, 10, 3, 11);
    private static final VectorShuffle<Integer> ZIP_HI = VectorShuffle.fromValues(I, 4, 12, 5, 13, 6, 14, 7, 15);

    @Override
    boolean usable() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    void unpack(int[] px, int offset, int stride, float[] x, int h, int plane) {
        IntVector bytes = IntVector.broadcast(I, 0xFF);
        IntVector half = IntVector.broadcast(I, 128);
        for (int i = 0; i < h * N; i += STEP) {
            IntVector p = IntVector.fromArray(I, px, offset + (i / N) * stride + i % N);
            IntVector a = p.lanewise(VectorOperators.LSHR, 24);
            ((FloatVector) a.convert(VectorOperators.I2F, 0)).intoArray(x, 3 * plane + i);
            IntVector r = p.and(bytes).mul(a).add(half);
            IntVector g = p.lanewise(VectorOperators.LSHR, 8).and(bytes).mul(a).add(half);
            IntVector b = p.lanewise(VectorOperators.LSHR, 16).and(bytes).mul(a).add(half);
            r = r.add(r.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            g = g.add(g.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            b = b.add(b.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            ((FloatVector) r.convert(VectorOperators.I2F, 0)).intoArray(x, i);
            ((FloatVector) g.convert(VectorOperators.I2F, 0)).intoArray(x, plane + i);
            ((FloatVector) b.convert(VectorOperators.I2F, 0)).intoArray(x, 2 * plane + i);
        }
    }

    @Override
    void unpackWide(int[] rg, int[] ba, float[] x, int n, int plane) {
        IntVector low = IntVector.broadcast(I, 0xFFFF);
        for (int i = 0; i < n; i += STEP) {
            IntVector p = IntVector.fromArray(I, rg, i);
            IntVector q = IntVector.fromArray(I, ba, i);
            ((FloatVector) p.and(low).convert(VectorOperators.I2F, 0)).mul(FRACTION).intoArray(x, i);
            ((FloatVector) p.lanewise(VectorOperators.LSHR, 16).convert(VectorOperators.I2F, 0)).mul(FRACTION)
                    .intoArray(x, plane + i);
            ((FloatVector) q.and(low).convert(VectorOperators.I2F, 0)).mul(FRACTION).intoArray(x, 2 * plane + i);
            ((FloatVector) q.lanewise(VectorOperators.LSHR, 16).convert(VectorOperators.I2F, 0)).mul(FRACTION)
                    .intoArray(x, 3 * plane + i);
        }
    }

    @Override
    void forward(float[] x, float[] y, int base, int h, float[] k) {
        FloatVector c0a = FloatVector.broadcast(F, k[0]);
        FloatVector c1a = FloatVector.broadcast(F, k[1]);
        FloatVector d1a = FloatVector.broadcast(F, k[2]);
        FloatVector d2a = FloatVector.broadcast(F, k[3]);
        FloatVector c0b = FloatVector.broadcast(F, k[4]);
        FloatVector c1b = FloatVector.broadcast(F, k[5]);
        FloatVector d1b = FloatVector.broadcast(F, k[6]);
        FloatVector d2b = FloatVector.broadcast(F, k[7]);
        // the two halves of a strip row are independent chains, interleaved so each hides the other's latency
        FloatVector xp = FloatVector.fromArray(F, x, base);
        FloatVector xq = FloatVector.fromArray(F, x, base + 8);
        FloatVector a1 = xp.mul(k[12]);
        FloatVector a2 = a1;
        FloatVector b1 = xp.mul(k[13]);
        FloatVector b2 = b1;
        FloatVector p1 = xq.mul(k[12]);
        FloatVector p2 = p1;
        FloatVector q1 = xq.mul(k[13]);
        FloatVector q2 = q1;
        for (int i = 0; i < h * N; i += N) {
            FloatVector xn = FloatVector.fromArray(F, x, base + i);
            FloatVector xm = FloatVector.fromArray(F, x, base + i + 8);
            FloatVector a = c0a.mul(xn).add(c1a.mul(xp)).add(d2a.mul(a2)).add(d1a.mul(a1));
            FloatVector b = c0b.mul(xn).add(c1b.mul(xp)).add(d2b.mul(b2)).add(d1b.mul(b1));
            FloatVector p = c0a.mul(xm).add(c1a.mul(xq)).add(d2a.mul(p2)).add(d1a.mul(p1));
            FloatVector q = c0b.mul(xm).add(c1b.mul(xq)).add(d2b.mul(q2)).add(d1b.mul(q1));
            a.add(b).intoArray(y, i);
            p.add(q).intoArray(y, i + 8);
            a2 = a1;
            a1 = a;
            b2 = b1;
            b1 = b;
            p2 = p1;
            p1 = p;
            q2 = q1;
            q1 = q;
            xp = xn;
            xq = xm;
        }
    }

    @Override
    void backward(float[] x, float[] y, int base, int h, float[] k) {
        FloatVector e1a = FloatVector.broadcast(F, k[8]);
        FloatVector e2a = FloatVector.broadcast(F, k[9]);
        FloatVector d1a = FloatVector.broadcast(F, k[2]);
        FloatVector d2a = FloatVector.broadcast(F, k[3]);
        FloatVector e1b = FloatVector.broadcast(F, k[10]);
        FloatVector e2b = FloatVector.broadcast(F, k[11]);
        FloatVector d1b = FloatVector.broadcast(F, k[6]);
        FloatVector d2b = FloatVector.broadcast(F, k[7]);
        int last = (h - 1) * N;
        FloatVector x1 = FloatVector.fromArray(F, x, base + last);
        FloatVector x2 = x1;
        FloatVector u1 = FloatVector.fromArray(F, x, base + last + 8);
        FloatVector u2 = u1;
        FloatVector a1 = x1.mul(k[14]);
        FloatVector a2 = a1;
        FloatVector b1 = x1.mul(k[15]);
        FloatVector b2 = b1;
        FloatVector p1 = u1.mul(k[14]);
        FloatVector p2 = p1;
        FloatVector q1 = u1.mul(k[15]);
        FloatVector q2 = q1;
        for (int i = last; i >= 0; i -= N) {
            FloatVector a = e1a.mul(x1).add(e2a.mul(x2)).add(d2a.mul(a2)).add(d1a.mul(a1));
            FloatVector b = e1b.mul(x1).add(e2b.mul(x2)).add(d2b.mul(b2)).add(d1b.mul(b1));
            FloatVector p = e1a.mul(u1).add(e2a.mul(u2)).add(d2a.mul(p2)).add(d1a.mul(p1));
            FloatVector q = e1b.mul(u1).add(e2b.mul(u2)).add(d2b.mul(q2)).add(d1b.mul(q1));
            x2 = x1;
            x1 = FloatVector.fromArray(F, x, base + i);
            u2 = u1;
            u1 = FloatVector.fromArray(F, x, base + i + 8);
            FloatVector.fromArray(F, y, i).add(a.add(b)).intoArray(x, base + i);
            FloatVector.fromArray(F, y, i + 8).add(p.add(q)).intoArray(x, base + i + 8);
            a2 = a1;
            a1 = a;
            b2 = b1;
            b1 = b;
            p2 = p1;
            p1 = p;
            q2 = q1;
            q1 = q;
        }
    }

    @Override
    void convolve(float[] x, float[] y, int base, int h, float[] g, int r) {
        for (int n = 0; n < h; n++) {
            int o = base + n * N;
            FloatVector acc = FloatVector.fromArray(F, x, o).mul(g[0]);
            FloatVector bcc = FloatVector.fromArray(F, x, o + 8).mul(g[0]);
            for (int i = 1; i <= r; i++) {
                int lo = base + Math.max(n - i, 0) * N;
                int hi = base + Math.min(n + i, h - 1) * N;
                FloatVector gi = FloatVector.broadcast(F, g[i]);
                acc = acc.add(FloatVector.fromArray(F, x, lo).add(FloatVector.fromArray(F, x, hi)).mul(gi));
                bcc = bcc.add(FloatVector.fromArray(F, x, lo + 8).add(FloatVector.fromArray(F, x, hi + 8)).mul(gi));
            }
            acc.intoArray(y, n * N);
            bcc.intoArray(y, n * N + 8);
        }
        System.arraycopy(y, 0, x, base, h * N);
    }

    @Override
    void packWide(float[] y, int n, int plane, int[] rg, int[] ba) {
        // rounding by MAGIC and clamping as integers: Java's float min/max (NaN and -0 rules) cost several
        // instructions a vector, the integer ones one
        IntVector bias = IntVector.broadcast(I, MAGIC_BITS);
        IntVector zero = IntVector.zero(I);
        IntVector top = IntVector.broadcast(I, 0xFFFF);
        for (int i = 0; i < n; i += STEP) {
            IntVector r = FloatVector.fromArray(F, y, i).mul(256f).add(MAGIC).reinterpretAsInts().sub(bias).max(zero)
                    .min(top);
            IntVector g = FloatVector.fromArray(F, y, plane + i).mul(256f).add(MAGIC).reinterpretAsInts().sub(bias)
                    .max(zero).min(top);
            IntVector b = FloatVector.fromArray(F, y, 2 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(bias).max(zero).min(top);
            IntVector a = FloatVector.fromArray(F, y, 3 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(bias).max(zero).min(top);
            r.or(g.lanewise(VectorOperators.LSHL, 16)).intoArray(rg, i);
            b.or(a.lanewise(VectorOperators.LSHL, 16)).intoArray(ba, i);
        }
    }

    @Override
    void pack(float[] y, int n, int plane, int[] px, float[] tmp) {
        IntVector bias = IntVector.broadcast(I, MAGIC_BITS);
        IntVector zero = IntVector.zero(I);
        IntVector top = IntVector.broadcast(I, 255);
        FloatVector full = FloatVector.broadcast(F, 255f);
        for (int i = 0; i < n; i += STEP) {
            IntVector a = FloatVector.fromArray(F, y, 3 * plane + i).add(MAGIC).reinterpretAsInts().sub(bias)
                    .max(zero).min(top);
            FloatVector af = (FloatVector) a.convert(VectorOperators.I2F, 0);
            FloatVector v = full.div(af).blend(0f, af.eq(0f));
            IntVector r = FloatVector.fromArray(F, y, i).add(MAGIC).reinterpretAsInts().sub(bias).max(zero).min(top);
            IntVector g = FloatVector.fromArray(F, y, plane + i).add(MAGIC).reinterpretAsInts().sub(bias).max(zero)
                    .min(top);
            IntVector b = FloatVector.fromArray(F, y, 2 * plane + i).add(MAGIC).reinterpretAsInts().sub(bias)
                    .max(zero).min(top);
            r = ((FloatVector) r.convert(VectorOperators.I2F, 0)).mul(v).add(MAGIC).reinterpretAsInts().sub(bias)
                    .min(top);
            g = ((FloatVector) g.convert(VectorOperators.I2F, 0)).mul(v).add(MAGIC).reinterpretAsInts().sub(bias)
                    .min(top);
            b = ((FloatVector) b.convert(VectorOperators.I2F, 0)).mul(v).add(MAGIC).reinterpretAsInts().sub(bias)
                    .min(top);
            a.lanewise(VectorOperators.LSHL, 24).or(b.lanewise(VectorOperators.LSHL, 16))
                    .or(g.lanewise(VectorOperators.LSHL, 8)).or(r).intoArray(px, i);
        }
    }

    @Override
    void tile(int[] p, int t, int rows, int[] tile) {
        if (rows < N) {
            super.tile(p, t, rows, tile);
            return;
        }
        for (int qb = 0; qb < N; qb += STEP) {
            for (int jb = 0; jb < N; jb += STEP) {
                transpose8(p, (t + qb) * N + jb, N, tile, jb * N + qb, N);
            }
        }
    }

    @Override
    void unstrip(int[] s, int w, int rows, int[] d) {
        int bound = w / STEP * STEP;
        for (int jb = 0; jb < rows; jb += STEP) {
            for (int xb = 0; xb < bound; xb += STEP) {
                // rows jb.. of the block (those past rows land in d's spare rows, which nobody reads)
                transpose8(s, xb * N + jb, N, d, jb * w + xb, w);
            }
        }
        for (int j = 0; j < rows; j++) {
            for (int x = bound, i = bound * N + j; x < w; x++, i += N) {
                d[j * w + x] = s[i];
            }
        }
    }

    /**
     * The 8 x 8 block of {@code s} at {@code so} (rows {@code ss} apart) transposed into {@code d} at {@code dOff}
     * (rows {@code ds} apart), by three rounds of perfect shuffles. Arrays in, arrays out: no vector crosses a call.
     */
    private static void transpose8(int[] s, int so, int ss, int[] d, int dOff, int ds) {
        IntVector v0 = IntVector.fromArray(I, s, so);
        IntVector v1 = IntVector.fromArray(I, s, so + ss);
        IntVector v2 = IntVector.fromArray(I, s, so + 2 * ss);
        IntVector v3 = IntVector.fromArray(I, s, so + 3 * ss);
        IntVector v4 = IntVector.fromArray(I, s, so + 4 * ss);
        IntVector v5 = IntVector.fromArray(I, s, so + 5 * ss);
        IntVector v6 = IntVector.fromArray(I, s, so + 6 * ss);
        IntVector v7 = IntVector.fromArray(I, s, so + 7 * ss);
        for (int round = 0; round < 3; round++) {
            IntVector w0 = v0.rearrange(ZIP_LO, v4);
            IntVector w1 = v0.rearrange(ZIP_HI, v4);
            IntVector w2 = v1.rearrange(ZIP_LO, v5);
            IntVector w3 = v1.rearrange(ZIP_HI, v5);
            IntVector w4 = v2.rearrange(ZIP_LO, v6);
            IntVector w5 = v2.rearrange(ZIP_HI, v6);
            IntVector w6 = v3.rearrange(ZIP_LO, v7);
            IntVector w7 = v3.rearrange(ZIP_HI, v7);
            v0 = w0;
            v1 = w1;
            v2 = w2;
            v3 = w3;
            v4 = w4;
            v5 = w5;
            v6 = w6;
            v7 = w7;
        }
        v0.intoArray(d, dOff);
        v1.intoArray(d, dOff + ds);
        v2.intoArray(d, dOff + 2 * ds);
        v3.intoArray(d, dOff + 3 * ds);
        v4.intoArray(d, dOff + 4 * ds);
        v5.intoArray(d, dOff + 5 * ds);
        v6.intoArray(d, dOff + 6 * ds);
        v7.intoArray(d, dOff + 7 * ds);
    }
}
