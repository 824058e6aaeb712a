package org.lumaflow.qc.loudness;

import org.lumaflow.qc.internal.Loudness;

/**
 * The EBU R128 / ITU-R BS.1770-4 meter of {@code lumaflow qc} for 48 kHz stereo float samples, fed block by block:
 * integrated loudness (gated), loudness range, true peak (4x oversampled) and sample peak. {@link #add} never
 * allocates. Not thread-safe.
 */
public final class LoudnessMeter {

    /** The only sample rate measured. */
    public static final int SAMPLE_RATE = Loudness.SAMPLE_RATE;

    private final Loudness meter = new Loudness();

    /**
     * A measurement; figures that cannot be measured (silence) are {@code -Infinity}.
     *
     * @param integrated integrated loudness, LUFS
     * @param range      loudness range, LU
     * @param truePeak   true peak, dBTP
     * @param samplePeak sample peak, dBFS
     * @param seconds    duration measured
     */
    public record Result(double integrated, double range, double truePeak, double samplePeak, double seconds) {
    }

    /** Adds {@code n} samples per channel from {@code offset}. */
    public void add(float[] left, float[] right, int offset, int n) {
        meter.add(left, right, offset, n);
    }

    /** The measurement so far (more samples may follow). */
    public Result result() {
        Loudness.Result r = meter.result();
        return new Result(r.integrated(), r.range(), r.truePeak(), r.samplePeak(), r.seconds());
    }

    /** Forgets everything measured. */
    public void reset() {
        meter.reset();
    }
}
