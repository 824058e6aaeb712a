package org.lumaflow.live.internal.encode;

/** A stage with its own thread whose heap allocation is measured (steady state should allocate nothing). */
public interface Measured {

    /** Bytes the stage's thread has allocated on the heap so far (-1 before it ran or when the JVM cannot tell). */
    long threadAllocatedBytes();
}
