package org.lumaflow.engine.internal.nodes;

/** Whether the nodes' Vector API kernels ({@code *RowsSimd}) can run here. */
final class SimdKernels {

    /** True when the JVM has jdk.incubator.vector, this bundle sees it, and -Dlumaflow.simd.disable is not set. */
    static final boolean AVAILABLE = probe();

    private SimdKernels() {
    }

    private static boolean probe() {
        if (Boolean.getBoolean("lumaflow.simd.disable")
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            GradeRowsSimd.grade(new int[0], new int[0], 0, new int[768], 4096);
            BlendRowsSimd.over(new int[0], null, new int[0], 0);
            return true;
        } catch (LinkageError e) {
            return false; // the package is not visible to this bundle: plain loops
        }
    }
}
