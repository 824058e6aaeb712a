package org.lumaflow.engine.internal.nodes;

import org.lumaflow.core.internal.VectorApi;

/**
 * Whether the nodes' Vector API kernels ({@code *RowsSimd}) can run here.
 * <p>
 * Every Vector API kernel of the engine (and QC) uses one shape, 256-bit ({@code SPECIES_256}), even where the
 * machine has wider vectors: the Vector API's shared methods ({@code IntVector.lanewise}, {@code max(int)}, ...)
 * keep one type profile for all shapes, and kernels of two shapes in one process polluted it, so that C2 compiled
 * some kernels on the allocating fallback (gigabytes a minute, a third slower), depending on compile order. Machines
 * without 256-bit vectors use the plain loops.
 * <p>
 * The product's launcher has C2 compile classes named {@code *Simd} after a hundredth of the usual calls, before the
 * shared methods have type profiles. So a kernel calls methods only on vectors made in the same loop iteration and
 * passes loop-carried vectors as arguments ({@code x.add(acc)}, not {@code acc.add(x)}): a call on a loop phi needs
 * a profile to be devirtualised and otherwise boxes its vectors.
 */
final class SimdKernels {

    /** True when the JVM has jdk.incubator.vector, this bundle sees it, and -Dlumaflow.simd.disable is not set. */
    static final boolean AVAILABLE = probe();

    private SimdKernels() {
    }

    private static boolean probe() {
        if (!VectorApi.wanted()) {
            return false;
        }
        try {
            if (jdk.incubator.vector.IntVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
                return false;
            }
            GradeRowsSimd.grade(new int[0], new int[0], 0, new int[768], 4096);
            BlendRowsSimd.over(new int[0], null, new int[0], 0);
            return true;
        } catch (LinkageError e) {
            return false; // the package is not visible to this bundle: plain loops
        }
    }
}
