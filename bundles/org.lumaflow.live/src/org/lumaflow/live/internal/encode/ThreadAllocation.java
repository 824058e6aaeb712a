package org.lumaflow.live.internal.encode;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Heap bytes allocated by a thread ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), called through
 * an exact method handle so that measuring allocates nothing (the package is not visible to bundles at compile time).
 */
public final class ThreadAllocation {

    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static final MethodHandle ALLOCATED = find();

    private ThreadAllocation() {
    }

    private static MethodHandle find() {
        try {
            Class<?> sun = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup()
                    .findVirtual(sun, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class))
                    .asType(MethodType.methodType(long.class, ThreadMXBean.class, long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Bytes allocated so far by the thread {@code threadId}, or -1 when the JVM cannot tell. */
    public static long of(long threadId) {
        if (ALLOCATED == null) {
            return -1;
        }
        try {
            return (long) ALLOCATED.invokeExact(BEAN, threadId);
        } catch (Throwable e) {
            return -1;
        }
    }
}
