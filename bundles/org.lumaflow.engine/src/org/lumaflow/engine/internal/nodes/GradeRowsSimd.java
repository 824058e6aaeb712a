package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.lumaflow.engine.internal.convert.Bt709;

/**
 * {@link GradeNode#grade} with the Vector API: a scalar loop reads the channel tables and packs the looked-up values
 * into {@code dst} (gathers are not compiled to vector instructions at every vector size, and their fallback
 * allocates), then the saturation step runs on whole vectors over {@code dst}; bytes identical to the scalar loop, no
 * scratch memory. Loaded only when the JVM has {@code jdk.incubator.vector}.
 */
final class GradeRowsSimd {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
    private static final int L = S.length();

    private GradeRowsSimd() {
    }

    /** Grades the first {@code S.loopBound(w)} pixels; returns how many it did. */
    static int grade(int[] src, int[] dst, int w, int[] t, int sat) {
        int bound = S.loopBound(w);
        for (int x = 0; x < bound; x++) {
            int p = src[x];
            dst[x] = (p & 0xFF000000) | (t[512 + ((p >> 16) & 0xFF)] << 16) | (t[256 + ((p >> 8) & 0xFF)] << 8)
                    | t[p & 0xFF];
        }
        if (sat == 4096) {
            return bound;
        }
        for (int x = 0; x < bound; x += L) {
            IntVector p = IntVector.fromArray(S, dst, x);
            IntVector r = p.and(0xFF);
            IntVector g = p.lanewise(VectorOperators.LSHR, 8).and(0xFF);
            IntVector b = p.lanewise(VectorOperators.LSHR, 16).and(0xFF);
            IntVector y = r.mul(Bt709.KR).add(g.mul(Bt709.KG)).add(b.mul(Bt709.KB)).add(1 << 15)
                    .lanewise(VectorOperators.ASHR, 16);
            // written out, not a helper: a vector passed to a method C2 does not inline is boxed (and allocates)
            r = y.add(r.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(0).min(255);
            g = y.add(g.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(0).min(255);
            b = y.add(b.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(0).min(255);
            p.and(0xFF000000).or(b.lanewise(VectorOperators.LSHL, 16)).or(g.lanewise(VectorOperators.LSHL, 8)).or(r)
                    .intoArray(dst, x);
        }
        return bound;
    }

    /**
     * As {@link #grade}, for tables that are clamped lines ({@link AffineTables#fit}: {@code f = {m, k} per channel}):
     * all arithmetic, no lookups; bytes identical to the tables.
     */
    static int gradeAffine(int[] src, int[] dst, int w, int[] f, int sat) {
        int bound = S.loopBound(w);
        IntVector mr = IntVector.broadcast(S, f[0]);
        IntVector kr = IntVector.broadcast(S, f[1]);
        IntVector mg = IntVector.broadcast(S, f[2]);
        IntVector kg = IntVector.broadcast(S, f[3]);
        IntVector mb = IntVector.broadcast(S, f[4]);
        IntVector kb = IntVector.broadcast(S, f[5]);
        IntVector bytes = IntVector.broadcast(S, 0xFF);
        IntVector zero = IntVector.zero(S);
        IntVector alpha = IntVector.broadcast(S, 0xFF000000);
        for (int x = 0; x < bound; x += L) {
            IntVector p = IntVector.fromArray(S, src, x);
            IntVector r = p.and(bytes).mul(mr).add(kr).lanewise(VectorOperators.ASHR, 16).max(zero).min(bytes);
            IntVector g = p.lanewise(VectorOperators.LSHR, 8).and(bytes).mul(mg).add(kg)
                    .lanewise(VectorOperators.ASHR, 16).max(zero).min(bytes);
            IntVector b = p.lanewise(VectorOperators.LSHR, 16).and(bytes).mul(mb).add(kb)
                    .lanewise(VectorOperators.ASHR, 16).max(zero).min(bytes);
            if (sat != 4096) {
                IntVector y = r.mul(Bt709.KR).add(g.mul(Bt709.KG)).add(b.mul(Bt709.KB)).add(1 << 15)
                        .lanewise(VectorOperators.ASHR, 16);
                r = y.add(r.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(zero).min(bytes);
                g = y.add(g.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(zero).min(bytes);
                b = y.add(b.sub(y).mul(sat).add(2048).lanewise(VectorOperators.ASHR, 12)).max(zero).min(bytes);
            }
            p.and(alpha).or(b.lanewise(VectorOperators.LSHL, 16)).or(g.lanewise(VectorOperators.LSHL, 8)).or(r)
                    .intoArray(dst, x);
        }
        return bound;
    }
}
