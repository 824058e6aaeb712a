package org.lumaflow.live;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An opened output (a recording or a stream). {@link #send} never blocks the encoder: the output queues packets on
 * its own send thread, reconnects with back-off after network loss, and under congestion drops disposable pictures
 * first (about 700 ms queued) and then everything up to the next keyframe (about 900 ms), counting each drop.
 */
@ConsumerType
public interface LiveOutput extends AutoCloseable {

    /** For people: protocol and target with secrets masked. */
    String name();

    /** Queues {@code packet} (retain it to keep it). Never blocks. */
    void send(EncodedPacket packet);

    /** Counters so far. */
    OutputStats stats();

    /**
     * Flushes what is queued (within a few seconds), finalises (a recording is renamed into place) and closes.
     * Idempotent.
     */
    @Override
    void close();
}
