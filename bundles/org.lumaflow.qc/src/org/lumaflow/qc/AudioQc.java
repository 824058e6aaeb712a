package org.lumaflow.qc;

import java.util.List;

/**
 * Loudness (EBU R128 / ITU-R BS.1770-4) and silence of a source's audio.
 *
 * @param integrated LUFS (gated)
 * @param range      loudness range, LU
 * @param truePeak   dBTP (4x oversampled)
 * @param samplePeak dBFS
 * @param silences   silent stretches
 */
public record AudioQc(double integrated, double range, double truePeak, double samplePeak, List<QcEvent> silences) {
}
