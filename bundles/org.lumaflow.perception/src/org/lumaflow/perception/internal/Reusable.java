package org.lumaflow.perception.internal;

/** A detector kept between analyses (in {@link AnalyzerBase}'s idle pool); closing frees its native memory. */
interface Reusable extends AutoCloseable {

    @Override
    void close();
}
