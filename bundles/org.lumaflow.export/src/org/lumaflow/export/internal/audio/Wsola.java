package org.lumaflow.export.internal.audio;

import org.lumaflow.decoder.MediaException;

/**
 * Speed change keeping the pitch: WSOLA (waveform-similarity overlap-add). Output is built from 1024-sample
 * (21 ms) Hann-windowed frames every 512 samples; frame {@code k} is taken from the source near {@code k * 512 *
 * rate}, shifted by up to +-{@value #SEARCH} samples to where it best continues the previous frame (normalised
 * cross-correlation of the mono sum over the 512-sample overlap, every second sample). Periodic sounds keep their
 * period exactly; transients may be doubled or dropped by up to a frame. Backwards playback stretches the reversed
 * source. A read that does not continue the previous one restarts the frames there (seek). Allocation-free after
 * construction.
 */
final class Wsola implements ClipReader {

    static final int FRAME = 1024;
    static final int HOP = FRAME / 2;
    static final int SEARCH = 384;
    private static final float[] WINDOW = new float[FRAME];

    static {
        for (int i = 0; i < FRAME; i++) {
            WINDOW[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME)); // periodic Hann: halves sum to 1
        }
    }

    private final SourceWindow w;
    private final double rate;
    private final float[] olaL = new float[FRAME];
    private final float[] olaR = new float[FRAME];
    private final float[] outL = new float[HOP];
    private final float[] outR = new float[HOP];
    /** Frame whose first half is in {@code out}; -1: nothing produced yet. */
    private long frame = Long.MIN_VALUE;
    /** Source position of the last frame added. */
    private long last;
    /** Next clip sample expected by a sequential read. */
    private long next = -1;

    Wsola(SourceWindow w, double rate) {
        this.w = w;
        this.rate = rate;
    }

    @Override
    public void read(long u, float[] left, float[] right, int off, int n) throws MediaException {
        if (u != next) {
            seek(Math.floorDiv(u, HOP));
        }
        for (int done = 0; done < n;) {
            long pos = u + done;
            long f = Math.floorDiv(pos, HOP);
            while (frame < f) {
                produce(frame + 1, true);
            }
            int at = (int) (pos - f * HOP);
            int c = Math.min(n - done, HOP - at);
            System.arraycopy(outL, at, left, off + done, c);
            System.arraycopy(outR, at, right, off + done, c);
            done += c;
        }
        next = u + n;
    }

    /** Restarts at frame {@code k}: frame {@code k - 1} as it is nominally, then frame {@code k}. */
    private void seek(long k) throws MediaException {
        java.util.Arrays.fill(olaL, 0f);
        java.util.Arrays.fill(olaR, 0f);
        frame = k - 2;
        produce(k - 1, false);
        produce(k, true);
    }

    private long nominal(long k) {
        return Math.round(k * HOP * rate);
    }

    /** Adds frame {@code k} (searched against the previous one when {@code search}) and emits its first half. */
    private void produce(long k, boolean search) throws MediaException {
        long nom = nominal(k);
        long pos = nom;
        long cont = last + HOP;
        if (search && Math.abs(cont - nom) < SourceWindow.CAPACITY / 8) {
            w.ensure(Math.min(nom - SEARCH, cont), Math.max(nom + SEARCH + FRAME, cont + FRAME));
            pos = nom + bestShift(nom, (int) (cont - w.start));
        }
        w.ensure(pos, pos + FRAME);
        int s = (int) (pos - w.start);
        float[] l = w.left;
        float[] r = w.right;
        for (int i = 0; i < FRAME; i++) {
            olaL[i] += l[s + i] * WINDOW[i];
            olaR[i] += r[s + i] * WINDOW[i];
        }
        System.arraycopy(olaL, 0, outL, 0, HOP);
        System.arraycopy(olaR, 0, outR, 0, HOP);
        System.arraycopy(olaL, HOP, olaL, 0, HOP);
        System.arraycopy(olaR, HOP, olaR, 0, HOP);
        java.util.Arrays.fill(olaL, HOP, FRAME, 0f);
        java.util.Arrays.fill(olaR, HOP, FRAME, 0f);
        last = pos;
        frame = k;
    }

    /** The shift in [-SEARCH, SEARCH] whose frame start best matches the window samples at {@code ref}. */
    private int bestShift(long nom, int ref) {
        float[] l = w.left;
        float[] r = w.right;
        int base = (int) (nom - w.start);
        double best = Double.NEGATIVE_INFINITY;
        int shift = 0;
        for (int d = -SEARCH; d <= SEARCH; d++) {
            int c = base + d;
            double xy = 0;
            double yy = 1e-9;
            for (int i = 0; i < HOP; i += 2) {
                float y = l[c + i] + r[c + i];
                xy += (l[ref + i] + r[ref + i]) * y;
                yy += y * y;
            }
            double score = xy / Math.sqrt(yy);
            if (score > best) {
                best = score;
                shift = d;
            }
        }
        return shift;
    }
}
