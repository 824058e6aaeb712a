package org.lumaflow.decoder.waveform;

import java.util.List;

/**
 * Peaks of a media file's first audio stream (48 kHz stereo after decoding) for drawing: at each zoom level, the
 * minimum and maximum sample of every block of {@code samplesPerPeak} samples, per channel (the last block may be
 * shorter). Levels go from fine to coarse ({@link Waveforms#LEVELS}).
 *
 * @param samples samples per channel in the stream
 * @param levels  zoom levels, finest first
 */
public record Waveform(long samples, List<Level> levels) {

    /**
     * One zoom level; the arrays have one entry per block.
     *
     * @param samplesPerPeak samples per block
     * @param minLeft        lowest left sample of each block
     * @param maxLeft        highest left sample
     * @param minRight       lowest right sample
     * @param maxRight       highest right sample
     */
    public record Level(int samplesPerPeak, float[] minLeft, float[] maxLeft, float[] minRight, float[] maxRight) {

        /** Number of blocks. */
        public int size() {
            return minLeft.length;
        }
    }

    /** The coarsest level whose blocks are at most {@code samplesPerPixel} samples (the finest when none is). */
    public Level forZoom(double samplesPerPixel) {
        Level best = levels.get(0);
        for (Level l : levels) {
            if (l.samplesPerPeak() <= samplesPerPixel) {
                best = l;
            }
        }
        return best;
    }
}
