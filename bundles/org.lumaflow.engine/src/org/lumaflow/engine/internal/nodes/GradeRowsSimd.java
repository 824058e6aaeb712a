package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.lumaflow.engine.internal.convert.Bt709;

/**
 * {@link GradeNode#grade} with the Vector API: the channel tables are read by a scalar loop into per-thread channel
 * rows (gathers are not compiled to vector instructions at every vector size, and their fallback allocates), then the
 * saturation step and the packing run on whole vectors; bytes identical to the scalar loop. Loaded only when the JVM
 * has {@code jdk.incubator.vector}.
 */
final class GradeRowsSimd {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Per-thread channel rows. */
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][0]);

    private GradeRowsSimd() {
    }

    /** Grades the first {@code S.loopBound(w)} pixels; returns how many it did. */
    static int grade(int[] src, int[] dst, int w, int[] t, int sat) {
        int bound = S.loopBound(w);
        if (bound == 0) {
            return 0;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length < bound) {
            for (int c = 0; c < 3; c++) {
                rows[c] = new int[bound];
            }
        }
        int[] rr = rows[0];
        int[] gg = rows[1];
        int[] bb = rows[2];
        for (int x = 0; x < bound; x++) {
            int p = src[x];
            rr[x] = t[p & 0xFF];
            gg[x] = t[256 + ((p >> 8) & 0xFF)];
            bb[x] = t[512 + ((p >> 16) & 0xFF)];
        }
        for (int x = 0; x < bound; x += L) {
            IntVector r = IntVector.fromArray(S, rr, x);
            IntVector g = IntVector.fromArray(S, gg, x);
            IntVector b = IntVector.fromArray(S, bb, x);
            if (sat != 4096) {
                IntVector y = r.mul(Bt709.KR).add(g.mul(Bt709.KG)).add(b.mul(Bt709.KB)).add(1 << 15)
                        .lanewise(VectorOperators.ASHR, 16);
                r = saturate(r, y, sat);
                g = saturate(g, y, sat);
                b = saturate(b, y, sat);
            }
            IntVector a = IntVector.fromArray(S, src, x).and(0xFF000000);
            a.or(b.lanewise(VectorOperators.LSHL, 16)).or(g.lanewise(VectorOperators.LSHL, 8)).or(r).intoArray(dst, x);
        }
        return bound;
    }

    private static IntVector saturate(IntVector c, IntVector y, int sat) {
        return y.add(c.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(0).min(255);
    }
}
