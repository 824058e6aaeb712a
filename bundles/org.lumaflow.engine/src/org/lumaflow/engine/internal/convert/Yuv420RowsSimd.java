package org.lumaflow.engine.internal.convert;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Yuv420Rows} with the Vector API for luma and the vertical chroma sums (the bulk of the work). Used only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector}; bytes are identical to the scalar rows.
 */
final class Yuv420RowsSimd extends Yuv420Rows {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;

    @Override
    void convert(int[] p0, int[] p1, int w, byte[] y0, byte[] y1, byte[] cb, byte[] cr, int[] rs, int[] gs, int[] bs) {
        int bound = S.loopBound(w);
        int x = 0;
        for (; x < bound; x += S.length()) {
            IntVector a = IntVector.fromArray(S, p0, x);
            IntVector b = IntVector.fromArray(S, p1, x);
            IntVector ar = a.and(0xFF);
            IntVector ag = a.lanewise(VectorOperators.LSHR, 8).and(0xFF);
            IntVector ab = a.lanewise(VectorOperators.LSHR, 16).and(0xFF);
            IntVector br = b.and(0xFF);
            IntVector bg = b.lanewise(VectorOperators.LSHR, 8).and(0xFF);
            IntVector bb = b.lanewise(VectorOperators.LSHR, 16).and(0xFF);
            // rs/gs/bs double as temporaries for the luma values; written out, not a helper taking vectors (one
            // C2 does not inline gets them boxed, and allocates)
            ar.mul(Bt709.YR).add(ag.mul(Bt709.YG)).add(ab.mul(Bt709.YB)).add(Bt709.ROUND)
                    .lanewise(VectorOperators.ASHR, 16).add(16).intoArray(rs, x);
            br.mul(Bt709.YR).add(bg.mul(Bt709.YG)).add(bb.mul(Bt709.YB)).add(Bt709.ROUND)
                    .lanewise(VectorOperators.ASHR, 16).add(16).intoArray(gs, x);
            for (int i = 0; i < S.length(); i++) {
                y0[x + i] = (byte) rs[x + i];
                y1[x + i] = (byte) gs[x + i];
            }
            ar.add(br).intoArray(rs, x);
            ag.add(bg).intoArray(gs, x);
            ab.add(bb).intoArray(bs, x);
        }
        for (; x < w; x++) {
            int a = p0[x];
            int b = p1[x];
            y0[x] = (byte) Bt709.y(a);
            y1[x] = (byte) Bt709.y(b);
            rs[x] = (a & 0xFF) + (b & 0xFF);
            gs[x] = ((a >> 8) & 0xFF) + ((b >> 8) & 0xFF);
            bs[x] = ((a >> 16) & 0xFF) + ((b >> 16) & 0xFF);
        }
        chroma(w, cb, cr, rs, gs, bs);
    }

}
