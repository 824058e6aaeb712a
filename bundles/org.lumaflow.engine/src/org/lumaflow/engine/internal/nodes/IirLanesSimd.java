package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link IirLanes} with the Vector API: the filters run on 256-bit float vectors (two per strip row), the
 * integer unpacking and packing on 128-bit halves (AVX without AVX2 has no 256-bit integer operations). Used only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} and has 256-bit vectors; results are identical to
 * the plain loops.
 * <p>
 * Only Vector API calls inside the loops, no helper methods of our own: the Vector API's methods are always inlined,
 * ours are not once the caller is large, and a vector passed to a method that is not inlined loses its
 * intrinsics (10x slower).
 */
final class IirLanesSimd extends IirLanes {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_128;
    private static final VectorSpecies<Float> H = FloatVector.SPECIES_128;
    private static final int STEP = 4;

    @Override
    boolean usable() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    void unpack(int[] px, float[] x, int n, int plane) {
        for (int i = 0; i < n; i += STEP) {
            IntVector a = IntVector.fromArray(I, px, i).lanewise(VectorOperators.LSHR, 24);
            ((FloatVector) a.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, 3 * plane + i);
        }
        for (int c = 0; c < 3; c++) {
            int base = c * plane;
            int shift = 8 * c;
            for (int i = 0; i < n; i += STEP) {
                IntVector p = IntVector.fromArray(I, px, i);
                IntVector t = p.lanewise(VectorOperators.LSHR, shift).and(0xFF)
                        .mul(p.lanewise(VectorOperators.LSHR, 24)).add(128);
                IntVector q = t.add(t.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
                ((FloatVector) q.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, base + i);
            }
        }
    }

    @Override
    void unpackWide(int[] rg, int[] ba, float[] x, int n, int plane) {
        for (int i = 0; i < n; i += STEP) {
            IntVector p = IntVector.fromArray(I, rg, i);
            IntVector q = IntVector.fromArray(I, ba, i);
            ((FloatVector) p.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION).intoArray(x, i);
            ((FloatVector) p.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, plane + i);
            ((FloatVector) q.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION)
                    .intoArray(x, 2 * plane + i);
            ((FloatVector) q.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, 3 * plane + i);
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
            for (int j = 0; j < N; j += 8) {
                FloatVector acc = FloatVector.fromArray(F, x, base + n * N + j).mul(g[0]);
                for (int i = 1; i <= r; i++) {
                    int lo = base + Math.max(n - i, 0) * N + j;
                    int hi = base + Math.min(n + i, h - 1) * N + j;
                    acc = acc.add(FloatVector.fromArray(F, x, lo).add(FloatVector.fromArray(F, x, hi)).mul(g[i]));
                }
                acc.intoArray(y, n * N + j);
            }
        }
        System.arraycopy(y, 0, x, base, h * N);
    }

    @Override
    void packWide(float[] y, int n, int plane, int[] rg, int[] ba) {
        // rounding by MAGIC and clamping as integers: Java's float min/max (NaN and -0 rules) cost several
        // instructions a vector, the integer ones one
        for (int i = 0; i < n; i += STEP) {
            IntVector r = FloatVector.fromArray(H, y, i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector g = FloatVector.fromArray(H, y, plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector b = FloatVector.fromArray(H, y, 2 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector a = FloatVector.fromArray(H, y, 3 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            r.or(g.lanewise(VectorOperators.LSHL, 16)).intoArray(rg, i);
            b.or(a.lanewise(VectorOperators.LSHL, 16)).intoArray(ba, i);
        }
    }

    @Override
    void pack(float[] y, int n, int plane, int[] px, float[] tmp) {
        // alpha first, with 255 / a (0 for a = 0) for the colours
        for (int i = 0; i < n; i += STEP) {
            IntVector ai = FloatVector.fromArray(H, y, 3 * plane + i).add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS)
                    .max(0).min(255);
            FloatVector a = (FloatVector) ai.convertShape(VectorOperators.I2F, H, 0);
            FloatVector.broadcast(H, 255f).div(a).blend(0f, a.eq(0f)).intoArray(tmp, i);
            ai.lanewise(VectorOperators.LSHL, 24).intoArray(px, i);
        }
        for (int c = 0; c < 3; c++) {
            packColour(y, c * plane, n, px, tmp, 8 * c);
        }
    }

    /** One colour channel of {@link #pack}, or-ed into {@code px} at {@code shift}. */
    private static void packColour(float[] y, int base, int n, int[] px, float[] tmp, int shift) {
        for (int i = 0; i < n; i += STEP) {
            IntVector ci = FloatVector.fromArray(H, y, base + i).add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS)
                    .max(0).min(255);
            FloatVector c = (FloatVector) ci.convertShape(VectorOperators.I2F, H, 0);
            IntVector q = c.mul(FloatVector.fromArray(H, tmp, i)).add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS)
                    .min(255);
            IntVector.fromArray(I, px, i).or(q.lanewise(VectorOperators.LSHL, shift)).intoArray(px, i);
        }
    }
}
