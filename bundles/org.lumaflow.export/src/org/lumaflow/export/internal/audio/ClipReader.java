package org.lumaflow.export.internal.audio;

import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.engine.timeline.Retime;

/**
 * A clip's sound at unity gain in clip samples: sample {@code u} is the one heard {@code u} samples after the clip's
 * start, with its speed change applied. Reads may go anywhere; sequential reads are the cheap case.
 */
interface ClipReader {

    /** Reads clip samples {@code [u, u + n)} into {@code left/right[off ..]}. */
    void read(long u, float[] left, float[] right, int off, int n) throws MediaException;

    /**
     * The reader for a clip whose source starts at sample {@code in} and uses {@code span} source samples over its
     * {@code length} samples with {@code retime} (not a freeze: a frozen clip is silent and needs no reader).
     */
    static ClipReader of(AudioSource src, long in, long span, long length, Retime retime) {
        double rate = Math.abs(retime.rate());
        if (retime.rate() == 1) {
            return (u, left, right, off, n) -> src.read(in + u, left, right, off, n);
        }
        SourceWindow w = new SourceWindow(src, in, span, retime.isReverse());
        if (retime.keepPitch() && rate != 1) {
            return new Wsola(w, rate);
        }
        return new Resampler(w, rate);
    }
}
