package org.lumaflow.qc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.lumaflow.decoder.AudioSource;

/**
 * Finds silent stretches the way FFmpeg's {@code silencedetect} does (its default "peak" mode, all channels
 * together): a sample instant is silent when every channel's amplitude is strictly below the noise threshold
 * ({@code |x| < 10^(dB/20)}), and a run of silent instants at least the minimum duration long is a silence, from its
 * first silent sample to the first sample that is not silent (or the end of the input). Fed block by block with
 * {@link #add}; allocation-free except for recording a silence found. Not thread-safe.
 */
public final class SilenceDetector {

    /** FFmpeg's default noise threshold, dB (an amplitude of 0.001). */
    public static final double DEFAULT_NOISE_DB = -60;
    /** FFmpeg's default minimum duration, seconds. */
    public static final double DEFAULT_MIN_DURATION = 2;

    private final double noiseDb;
    private final double minDuration;
    private final float noise;
    private final int sampleRate;
    private final long minSamples;
    private final List<Interval> found = new ArrayList<>();
    private long samples;
    /** First sample of the current silent run, or -1 when the last sample was not silent. */
    private long runStart = -1;

    /** A detector with FFmpeg's defaults: -60 dB, 2 s, at {@value AudioSource#SAMPLE_RATE} Hz. */
    public SilenceDetector() {
        this(DEFAULT_NOISE_DB, DEFAULT_MIN_DURATION);
    }

    /** A detector at {@value AudioSource#SAMPLE_RATE} Hz. */
    public SilenceDetector(double noiseDb, double minDurationSeconds) {
        this(noiseDb, minDurationSeconds, AudioSource.SAMPLE_RATE);
    }

    /**
     * @param noiseDb            threshold, dB relative to full scale (amplitude 1.0)
     * @param minDurationSeconds shortest silence reported (&gt;= 0)
     * @param sampleRate         samples per second of the input
     */
    public SilenceDetector(double noiseDb, double minDurationSeconds, int sampleRate) {
        if (!(minDurationSeconds >= 0) || Double.isInfinite(minDurationSeconds)) {
            throw new IllegalArgumentException("minimum duration " + minDurationSeconds + " s");
        }
        if (Double.isNaN(noiseDb)) {
            throw new IllegalArgumentException("noise threshold NaN");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
        this.noiseDb = noiseDb;
        this.minDuration = minDurationSeconds;
        this.noise = (float) Math.pow(10, noiseDb / 20);
        this.sampleRate = sampleRate;
        this.minSamples = Math.max(1, Math.round(minDurationSeconds * sampleRate));
    }

    /** Adds {@code n} stereo samples: {@code left[0..n)}, {@code right[0..n)}. */
    public void add(float[] left, float[] right, int n) {
        add(left, right, 0, n);
    }

    /** Adds {@code n} stereo samples from {@code offset}. */
    public void add(float[] left, float[] right, int offset, int n) {
        if (n < 0 || offset < 0 || offset + n > left.length || offset + n > right.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", n " + n + ", arrays " + left.length + "/"
                    + right.length);
        }
        float t = noise;
        float m = -noise;
        long base = samples - offset;
        for (int i = offset, end = offset + n; i < end; i++) {
            float l = left[i];
            float r = right[i];
            boolean silent = l < t && l > m && r < t && r > m;
            if (silent) {
                if (runStart < 0) {
                    runStart = base + i;
                }
            } else if (runStart >= 0) {
                close(base + i);
            }
        }
        samples += n;
    }

    /** Adds {@code n} samples of one channel (mono input). */
    public void add(float[] mono, int n) {
        add(mono, mono, 0, n);
    }

    private void close(long end) {
        if (end - runStart >= minSamples) {
            found.add(new Interval(runStart, end, sampleRate));
        }
        runStart = -1;
    }

    /**
     * The silences found so far, in order; one still going on at the end of the input counts, ending there (as
     * FFmpeg reports it at the end of the stream).
     */
    public List<Interval> intervals() {
        List<Interval> all = new ArrayList<>(found);
        if (runStart >= 0 && samples - runStart >= minSamples) {
            all.add(new Interval(runStart, samples, sampleRate));
        }
        return Collections.unmodifiableList(all);
    }

    /** Total silent time found so far, seconds. */
    public double silentSeconds() {
        double s = 0;
        for (Interval i : intervals()) {
            s += i.duration();
        }
        return s;
    }

    /** Samples added so far (per channel). */
    public long samples() {
        return samples;
    }

    /** The noise threshold, dB. */
    public double noiseDb() {
        return noiseDb;
    }

    /** The minimum duration, seconds. */
    public double minDuration() {
        return minDuration;
    }

    /** Forgets everything added: as new. */
    public void reset() {
        found.clear();
        samples = 0;
        runStart = -1;
    }

    /**
     * A silence: samples {@code [startSample, endSample)}.
     *
     * @param sampleRate samples per second
     */
    public record Interval(long startSample, long endSample, int sampleRate) {

        /** Start, seconds. */
        public double start() {
            return startSample / (double) sampleRate;
        }

        /** End (the first sample after the silence), seconds. */
        public double end() {
            return endSample / (double) sampleRate;
        }

        /** Length, seconds. */
        public double duration() {
            return (endSample - startSample) / (double) sampleRate;
        }
    }
}
