package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.lumaflow.engine.internal.convert.Bt709;

/**
 * {@link GradeNode#grade} with the Vector API: the channel tables are read with gathers and the saturation step runs
 * on whole vectors; bytes identical to the scalar loop (which finishes the row's tail). Loaded only when the JVM has
 * {@code jdk.incubator.vector}.
 */
final class GradeRowsSimd {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Per-thread gather indices (three channels). */
    private static final ThreadLocal<int[]> INDEX = ThreadLocal.withInitial(() -> new int[3 * L]);

    private GradeRowsSimd() {
    }

    /** Grades the first {@code S.loopBound(w)} pixels; returns how many it did. */
    static int grade(int[] src, int[] dst, int w, int[] t, int sat) {
        int[] idx = INDEX.get();
        int bound = S.loopBound(w);
        for (int x = 0; x < bound; x += L) {
            IntVector p = IntVector.fromArray(S, src, x);
            p.and(0xFF).intoArray(idx, 0);
            p.lanewise(VectorOperators.LSHR, 8).and(0xFF).intoArray(idx, L);
            p.lanewise(VectorOperators.LSHR, 16).and(0xFF).intoArray(idx, 2 * L);
            IntVector r = IntVector.fromArray(S, t, 0, idx, 0);
            IntVector g = IntVector.fromArray(S, t, 256, idx, L);
            IntVector b = IntVector.fromArray(S, t, 512, idx, 2 * L);
            if (sat != 4096) {
                IntVector y = r.mul(Bt709.KR).add(g.mul(Bt709.KG)).add(b.mul(Bt709.KB)).add(1 << 15)
                        .lanewise(VectorOperators.ASHR, 16);
                r = saturate(r, y, sat);
                g = saturate(g, y, sat);
                b = saturate(b, y, sat);
            }
            p.and(0xFF000000).or(b.lanewise(VectorOperators.LSHL, 16)).or(g.lanewise(VectorOperators.LSHL, 8)).or(r)
                    .intoArray(dst, x);
        }
        return bound;
    }

    private static IntVector saturate(IntVector c, IntVector y, int sat) {
        return y.add(c.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(0).min(255);
    }
}
