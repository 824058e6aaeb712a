package org.lumaflow.engine.internal.convert;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Yuv420Rows} with the Vector API for luma, the vertical chroma sums and the chroma itself. Used only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector}; bytes are identical to the scalar rows.
 */
final class Yuv420RowsSimd extends Yuv420Rows {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
    private static final int L = S.length();
    /** Even and odd lanes of two vectors (lanes 0..L-1 of the first, then of the second). */
    private static final VectorShuffle<Integer> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
    private static final VectorShuffle<Integer> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);

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
        chromaSimd(w, cb, cr, rs, gs, bs);
    }

    /**
     * {@link Yuv420Rows#chroma} on vectors: the horizontal pair sums by even/odd lane selection over two vectors;
     * the results go to the front of {@code rs}/{@code gs} (already read there) and are narrowed to bytes by a
     * scalar loop. Same integer arithmetic, same bytes.
     */
    private static void chromaSimd(int w, byte[] cb, byte[] cr, int[] rs, int[] gs, int[] bs) {
        int half = w / 2;
        int bound = half / L * L;
        for (int c = 0; c < bound; c += L) {
            IntVector r0 = IntVector.fromArray(S, rs, 2 * c);
            IntVector r1 = IntVector.fromArray(S, rs, 2 * c + L);
            IntVector g0 = IntVector.fromArray(S, gs, 2 * c);
            IntVector g1 = IntVector.fromArray(S, gs, 2 * c + L);
            IntVector b0 = IntVector.fromArray(S, bs, 2 * c);
            IntVector b1 = IntVector.fromArray(S, bs, 2 * c + L);
            IntVector r4 = r0.rearrange(EVEN, r1).add(r0.rearrange(ODD, r1));
            IntVector g4 = g0.rearrange(EVEN, g1).add(g0.rearrange(ODD, g1));
            IntVector b4 = b0.rearrange(EVEN, b1).add(b0.rearrange(ODD, b1));
            r4.mul(Bt709.UR).add(g4.mul(Bt709.UG)).add(b4.mul(Bt709.UB)).add(Bt709.ROUND << 2)
                    .lanewise(VectorOperators.ASHR, 18).add(128).intoArray(rs, c);
            r4.mul(Bt709.VR).add(g4.mul(Bt709.VG)).add(b4.mul(Bt709.VB)).add(Bt709.ROUND << 2)
                    .lanewise(VectorOperators.ASHR, 18).add(128).intoArray(gs, c);
        }
        for (int c = 0; c < bound; c++) {
            cb[c] = (byte) rs[c];
            cr[c] = (byte) gs[c];
        }
        for (int c = bound; c < half; c++) {
            int r4 = rs[2 * c] + rs[2 * c + 1];
            int g4 = gs[2 * c] + gs[2 * c + 1];
            int b4 = bs[2 * c] + bs[2 * c + 1];
            cb[c] = (byte) Bt709.u4(r4, g4, b4);
            cr[c] = (byte) Bt709.v4(r4, g4, b4);
        }
    }

}
