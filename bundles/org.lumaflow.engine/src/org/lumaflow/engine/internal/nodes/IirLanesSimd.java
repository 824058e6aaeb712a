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
        // every kernel here does two 4-lane groups an iteration, written out: more work in flight, and a body too
        // large for C2 to inline into IirPass (where, past its inlining budget, the vectors would be boxed)
        for (int i = 0; i < n; i += 2 * STEP) {
            IntVector p0 = IntVector.fromArray(I, px, i);
            IntVector a0 = p0.lanewise(VectorOperators.LSHR, 24);
            ((FloatVector) a0.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, 3 * plane + i);
            IntVector r0 = p0.and(0xFF).mul(a0).add(128);
            IntVector g0 = p0.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(a0).add(128);
            IntVector b0 = p0.lanewise(VectorOperators.LSHR, 16).and(0xFF).mul(a0).add(128);
            r0 = r0.add(r0.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            g0 = g0.add(g0.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            b0 = b0.add(b0.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            ((FloatVector) r0.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, i);
            ((FloatVector) g0.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, plane + i);
            ((FloatVector) b0.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, 2 * plane + i);
            IntVector p1 = IntVector.fromArray(I, px, i + STEP);
            IntVector a1 = p1.lanewise(VectorOperators.LSHR, 24);
            ((FloatVector) a1.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, 3 * plane + i + STEP);
            IntVector r1 = p1.and(0xFF).mul(a1).add(128);
            IntVector g1 = p1.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(a1).add(128);
            IntVector b1 = p1.lanewise(VectorOperators.LSHR, 16).and(0xFF).mul(a1).add(128);
            r1 = r1.add(r1.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            g1 = g1.add(g1.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            b1 = b1.add(b1.lanewise(VectorOperators.ASHR, 8)).lanewise(VectorOperators.ASHR, 8);
            ((FloatVector) r1.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, i + STEP);
            ((FloatVector) g1.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, plane + i + STEP);
            ((FloatVector) b1.convertShape(VectorOperators.I2F, H, 0)).intoArray(x, 2 * plane + i + STEP);
        }
    }

    @Override
    void unpackWide(int[] rg, int[] ba, float[] x, int n, int plane) {
        for (int i = 0; i < n; i += 2 * STEP) {
            IntVector p0 = IntVector.fromArray(I, rg, i);
            IntVector q0 = IntVector.fromArray(I, ba, i);
            ((FloatVector) p0.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION).intoArray(x, i);
            ((FloatVector) p0.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, plane + i);
            ((FloatVector) q0.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION)
                    .intoArray(x, 2 * plane + i);
            ((FloatVector) q0.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, 3 * plane + i);
            IntVector p1 = IntVector.fromArray(I, rg, i + STEP);
            IntVector q1 = IntVector.fromArray(I, ba, i + STEP);
            ((FloatVector) p1.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION).intoArray(x, i + STEP);
            ((FloatVector) p1.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, plane + i + STEP);
            ((FloatVector) q1.and(0xFFFF).convertShape(VectorOperators.I2F, H, 0)).mul(FRACTION)
                    .intoArray(x, 2 * plane + i + STEP);
            ((FloatVector) q1.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F, H, 0))
                    .mul(FRACTION).intoArray(x, 3 * plane + i + STEP);
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
        for (int i = 0; i < n; i += 2 * STEP) {
            IntVector r0 = FloatVector.fromArray(H, y, i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector g0 = FloatVector.fromArray(H, y, plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector b0 = FloatVector.fromArray(H, y, 2 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector a0 = FloatVector.fromArray(H, y, 3 * plane + i).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            r0.or(g0.lanewise(VectorOperators.LSHL, 16)).intoArray(rg, i);
            b0.or(a0.lanewise(VectorOperators.LSHL, 16)).intoArray(ba, i);
            IntVector r1 = FloatVector.fromArray(H, y, i + STEP).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector g1 = FloatVector.fromArray(H, y, plane + i + STEP).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector b1 = FloatVector.fromArray(H, y, 2 * plane + i + STEP).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            IntVector a1 = FloatVector.fromArray(H, y, 3 * plane + i + STEP).mul(256f).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(0xFFFF);
            r1.or(g1.lanewise(VectorOperators.LSHL, 16)).intoArray(rg, i + STEP);
            b1.or(a1.lanewise(VectorOperators.LSHL, 16)).intoArray(ba, i + STEP);
        }
    }

    @Override
    void pack(float[] y, int n, int plane, int[] px, float[] tmp) {
        for (int i = 0; i < n; i += 2 * STEP) {
            IntVector a0 = FloatVector.fromArray(H, y, 3 * plane + i).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(255);
            FloatVector f0 = (FloatVector) a0.convertShape(VectorOperators.I2F, H, 0);
            FloatVector v0 = FloatVector.broadcast(H, 255f).div(f0).blend(0f, f0.eq(0f));
            IntVector p0 = a0.lanewise(VectorOperators.LSHL, 24);
            for (int c = 0; c < 3; c++) {
                IntVector ci = FloatVector.fromArray(H, y, c * plane + i).add(MAGIC).reinterpretAsInts()
                        .sub(MAGIC_BITS).max(0).min(255);
                FloatVector cf = (FloatVector) ci.convertShape(VectorOperators.I2F, H, 0);
                IntVector q = cf.mul(v0).add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS).min(255);
                p0 = p0.or(q.lanewise(VectorOperators.LSHL, 8 * c));
            }
            p0.intoArray(px, i);
            IntVector a1 = FloatVector.fromArray(H, y, 3 * plane + i + STEP).add(MAGIC).reinterpretAsInts()
                    .sub(MAGIC_BITS).max(0).min(255);
            FloatVector f1 = (FloatVector) a1.convertShape(VectorOperators.I2F, H, 0);
            FloatVector v1 = FloatVector.broadcast(H, 255f).div(f1).blend(0f, f1.eq(0f));
            IntVector p1 = a1.lanewise(VectorOperators.LSHL, 24);
            for (int c = 0; c < 3; c++) {
                IntVector ci = FloatVector.fromArray(H, y, c * plane + i + STEP).add(MAGIC).reinterpretAsInts()
                        .sub(MAGIC_BITS).max(0).min(255);
                FloatVector cf = (FloatVector) ci.convertShape(VectorOperators.I2F, H, 0);
                IntVector q = cf.mul(v1).add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS).min(255);
                p1 = p1.or(q.lanewise(VectorOperators.LSHL, 8 * c));
            }
            p1.intoArray(px, i + STEP);
        }
    }
}
