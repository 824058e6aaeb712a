package org.lumaflow.engine.internal.nodes;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The plain "over" of {@link BlendNode} on the Vector API, for the timeline's usual rows: where a whole vector of
 * foreground pixels is opaque the output is the foreground, where it is fully transparent the output is the
 * background; only vectors that mix go through the scalar {@link Pixels#over}, so the bytes are the scalar loop's.
 * Loaded only when the JVM has {@code jdk.incubator.vector}.
 */
final class BlendRowsSimd {

    private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
    private static final int L = S.length();

    private BlendRowsSimd() {
    }

    /** {@code out[x] = over(fg[x], bg[x])} (bg null = transparent) for the first {@code S.loopBound(w)} pixels. */
    static int over(int[] fg, int[] bg, int[] out, int w) {
        int bound = S.loopBound(w);
        for (int x = 0; x < bound; x += L) {
            IntVector f = IntVector.fromArray(S, fg, x);
            IntVector alpha = f.lanewise(VectorOperators.LSHR, 24);
            VectorMask<Integer> opaque = alpha.eq(255);
            if (opaque.allTrue()) {
                f.intoArray(out, x);
                continue;
            }
            VectorMask<Integer> clear = alpha.eq(0);
            if (clear.allTrue()) {
                if (bg != null) {
                    System.arraycopy(bg, x, out, x, L);
                } else {
                    IntVector.zero(S).intoArray(out, x);
                }
                continue;
            }
            for (int i = x; i < x + L; i++) {
                out[i] = Pixels.over(fg[i], bg == null ? 0 : bg[i]);
            }
        }
        return bound;
    }
}
