package org.lumaflow.decoder;

/**
 * An audio stream decoded and resampled to the timeline's audio format: {@value #SAMPLE_RATE} Hz, stereo, float
 * samples. Sequential reads decode forward; a read elsewhere seeks. Not thread-safe.
 */
public interface AudioSource extends AutoCloseable {

    /** Samples per second of every {@code AudioSource}. */
    int SAMPLE_RATE = 48_000;

    /**
     * Reads {@code n} samples per channel starting at source sample {@code start} (counted at {@link #SAMPLE_RATE}
     * from the stream's start) into {@code left[offset..]} and {@code right[offset..]}. Samples before the start or
     * after the end of the stream, or lost to corrupt data, are silence.
     */
    void read(long start, float[] left, float[] right, int offset, int n) throws MediaException;

    /**
     * Damage met so far and stepped over (packets the decoder refused, decoding errors), with the time of the packet;
     * their samples are silence.
     */
    default java.util.List<DecodeError> errors() {
        return java.util.List.of();
    }

    /** The probed stream. */
    AudioStreamInfo stream();

    @Override
    void close();
}
