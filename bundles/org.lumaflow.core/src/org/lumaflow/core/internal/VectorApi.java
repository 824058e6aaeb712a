package org.lumaflow.core.internal;

/**
 * The one switch for the Vector API kernels of every bundle (engine, QC, CLI): wanted when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and {@code -Dlumaflow.simd.disable=true} is not set. Each caller still
 * catches {@link LinkageError} when it loads its kernel class (a bundle may not see the package) and checks the
 * vector shape it needs, falling back on its plain loops, which give the same bytes.
 */
public final class VectorApi {

    private VectorApi() {
    }

    /** Whether Vector API kernels should be tried here. */
    public static boolean wanted() {
        return !Boolean.getBoolean("lumaflow.simd.disable")
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
