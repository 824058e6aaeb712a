package org.lumaflow.ui.internal.audio;

/**
 * The maths of a stereo level meter (dBFS, 0 = full scale): per channel a peak (the largest sample magnitude of the
 * latest block, falling back at {@value #FALL_DB_PER_S} dB/s once the sound is over), an RMS level (mean square integrated with a
 * {@value #RMS_MS} ms time constant, so a full-scale sine reads -3.01 dBFS) and a peak hold (the highest peak,
 * held {@value #HOLD_MS} ms, then it follows the peak down). Fed with block summaries ({@link #add}); read from any
 * thread (the methods synchronise).
 */
public final class LevelMeter {

    /** The bottom of the scale; lower levels (and silence) read this. */
    public static final double FLOOR_DB = -60;
    /** RMS integration time constant, milliseconds. */
    public static final int RMS_MS = 300;
    /** Peak hold time, milliseconds. */
    public static final int HOLD_MS = 1500;
    /** How fast the displayed peak falls, dB per second. */
    public static final double FALL_DB_PER_S = 24;

    private final int rate;
    private final double[] peakDb = {FLOOR_DB, FLOOR_DB};
    private final double[] meanSquare = new double[2];
    private final double[] holdDb = {FLOOR_DB, FLOOR_DB};
    private final long[] holdSince = new long[2];
    private long lastNanos = Long.MIN_VALUE;
    /** Where the last block's sound ends (nanos); silence after it decays the RMS level. */
    private long covered = Long.MIN_VALUE;

    /** A meter of {@code rate} samples per second. */
    public LevelMeter(int rate) {
        this.rate = rate;
    }

    /** {@code 20 log10(linear)}, at least {@link #FLOOR_DB}. */
    public static double dbfs(double linear) {
        return linear <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20 * Math.log10(linear));
    }

    /** The largest magnitude of {@code x[off..off+n)}. */
    public static float peak(float[] x, int off, int n) {
        float p = 0;
        for (int i = off; i < off + n; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    /** The sum of squares of {@code x[off..off+n)}. */
    public static double sumOfSquares(float[] x, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }

    /** Measures and adds a block of {@code n} samples per channel heard at {@code nanos}. */
    public void add(float[] left, float[] right, int n, long nanos) {
        add(peak(left, 0, n), peak(right, 0, n), sumOfSquares(left, 0, n), sumOfSquares(right, 0, n), n, nanos);
    }

    /**
     * Adds a block summary: the peaks and sums of squares of {@code n} samples per channel, heard at {@code nanos}
     * (System.nanoTime() terms; blocks come in order).
     */
    public synchronized void add(float peakLeft, float peakRight, double sumSqLeft, double sumSqRight, int n,
            long nanos) {
        if (n <= 0) {
            return;
        }
        decay(nanos);
        double k = 1 - Math.exp(-n / (RMS_MS / 1000.0 * rate));
        update(0, peakLeft, sumSqLeft / n, k, nanos);
        update(1, peakRight, sumSqRight / n, k, nanos);
        covered = Math.max(covered, nanos) + n * 1_000_000_000L / rate; // blocks follow each other
    }

    private void update(int ch, float peak, double blockMeanSquare, double k, long nanos) {
        double db = dbfs(peak);
        peakDb[ch] = Math.max(peakDb[ch], db);
        meanSquare[ch] += (blockMeanSquare - meanSquare[ch]) * k;
        if (db >= holdDb[ch] || nanos - holdSince[ch] > HOLD_MS * 1_000_000L) {
            holdDb[ch] = Math.max(db, peakDb[ch]);
            holdSince[ch] = nanos;
        }
    }

    /**
     * Lets time pass to {@code nanos}: past the end of the last block's sound the peak falls and the RMS level decays
     * (silence); a hold older than {@value #HOLD_MS} ms follows the peak.
     */
    public synchronized void decay(long nanos) {
        long silentFrom = Math.max(lastNanos, covered);
        if (lastNanos != Long.MIN_VALUE && nanos > silentFrom) {
            double secs = (nanos - silentFrom) / 1e9;
            double k = Math.exp(-secs / (RMS_MS / 1000.0));
            for (int ch = 0; ch < 2; ch++) {
                peakDb[ch] = Math.max(FLOOR_DB, peakDb[ch] - FALL_DB_PER_S * secs);
                meanSquare[ch] *= k;
            }
        }
        for (int ch = 0; ch < 2; ch++) {
            if (nanos - holdSince[ch] > HOLD_MS * 1_000_000L) {
                holdDb[ch] = peakDb[ch];
                holdSince[ch] = nanos;
            }
        }
        lastNanos = Math.max(lastNanos, nanos);
    }

    /** The displayed peak of channel {@code ch} (0 left, 1 right), dBFS. */
    public synchronized double peakDb(int ch) {
        return peakDb[ch];
    }

    /** The RMS level of channel {@code ch}, dBFS. */
    public synchronized double rmsDb(int ch) {
        return dbfs(Math.sqrt(meanSquare[ch]));
    }

    /** The held peak of channel {@code ch}, dBFS. */
    public synchronized double holdDb(int ch) {
        return holdDb[ch];
    }

    /** Back to silence. */
    public synchronized void reset() {
        for (int ch = 0; ch < 2; ch++) {
            peakDb[ch] = FLOOR_DB;
            holdDb[ch] = FLOOR_DB;
            meanSquare[ch] = 0;
        }
        lastNanos = Long.MIN_VALUE;
        covered = Long.MIN_VALUE;
    }
}
