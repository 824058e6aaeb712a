package org.lumaflow.export;

/**
 * Progress of a running export.
 *
 * @param framesDone frames encoded so far
 * @param framesTotal frames to encode
 * @param fps encoded frames per second since the start
 * @param etaSeconds estimated seconds left (NaN before the first frame)
 * @param encoder the encoder in use
 */
public record ExportProgress(long framesDone, long framesTotal, double fps, double etaSeconds, String encoder) {

    /** Fraction done, 0..1. */
    public double fraction() {
        return framesTotal == 0 ? 1 : framesDone / (double) framesTotal;
    }
}
