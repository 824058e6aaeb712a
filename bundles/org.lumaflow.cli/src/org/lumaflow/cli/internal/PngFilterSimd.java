package org.lumaflow.cli.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link PngFilter} on the Vector API: 32 bytes minus the 32 bytes four to their left, wrapping, per step. */
final class PngFilterSimd extends PngFilter {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_256;

    PngFilterSimd() {
        // one 256-bit shape, as the engine's kernels (see org.lumaflow.engine.internal.nodes.SimdKernels)
        if (ByteVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new LinkageError("no 256-bit vectors");
        }
    }

    @Override
    int row(byte[] src, int s, byte[] dst, int d, int rowBytes) {
        int lanes = B.length();
        int i = 4;
        for (; i + lanes <= rowBytes; i += lanes) {
            ByteVector.fromArray(B, src, s + i).sub(ByteVector.fromArray(B, src, s + i - 4)).intoArray(dst, d + i);
        }
        return Math.max(0, i - 4);
    }
}
