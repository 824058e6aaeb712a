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
                // methods are called on vectors made in this iteration, the loop-carried sum only goes in as an
                // argument: C2 knows the former's exact class without a type profile (the launcher compiles *Simd
                // kernels early, before the shared Vector API methods have profiles); a call on the loop phi
                // would stay virtual and box its vectors
                acc = d.and((short) 0xFF).add(d.lanewise(VectorOperators.LSHR, 8).and((short) 0xFF)).add(acc);
            }
            // widened before the sum (a reduction in short lanes would wrap): each int lane holds two short sums
            // (at most 64 x 510, so below 2^15). zero + acc: a vector of exact class again (see above)
            IntVector pairs = ShortVector.zero(S).add(acc).reinterpretAsInts();
            total += pairs.and(0xFFFF).add(pairs.lanewise(VectorOperators.LSHR, 16)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) {
            total += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return total;
    }
}
