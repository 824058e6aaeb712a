package org.lumaflow.qc.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Sad} on the Vector API: bytes biased to signed order, |a - b| as max - min per byte lane, widened by
 * splitting each short lane into its two bytes and summed in short lanes (64 steps of at most 510 each fit), then
 * in int lanes.
 */
final class SadSimd extends Sad {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int STEPS = 64;

    SadSimd() {
        // one 256-bit shape, as the engine's kernels (see org.lumaflow.engine.internal.nodes.SimdKernels)
        if (ByteVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new LinkageError("no 256-bit vectors");
        }
    }

    @Override
    long sum(byte[] a, byte[] b, int from, int to) {
        long total = 0;
        int lanes = B.length();
        int bound = from + B.loopBound(to - from);
        int i = from;
        while (i < bound) {
            ShortVector acc = ShortVector.zero(S);
            int end = Math.min(bound, i + STEPS * lanes);
            for (; i < end; i += lanes) {
                ByteVector va = ByteVector.fromArray(B, a, i).lanewise(VectorOperators.XOR, (byte) 0x80);
                ByteVector vb = ByteVector.fromArray(B, b, i).lanewise(VectorOperators.XOR, (byte) 0x80);
                ShortVector d = va.max(vb).sub(va.min(vb)).reinterpretAsShorts();
                acc = acc.add(d.and((short) 0xFF)).add(d.lanewise(VectorOperators.LSHR, 8).and((short) 0xFF));
            }
            // widened before the sum: a reduction in short lanes would wrap
            IntVector lo = (IntVector) acc.convertShape(VectorOperators.S2I, I, 0);
            IntVector hi = (IntVector) acc.convertShape(VectorOperators.S2I, I, 1);
            total += lo.add(hi).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) {
            total += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return total;
    }
}
