package org.lumaflow.qc.internal;

import java.math.RoundingMode;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;

/**
 * EBU R128 / ITU-R BS.1770-4 loudness meter for 48 kHz stereo float audio, fed block by block with {@link #add}.
 * <ul>
 * <li>K-weighting: the two biquads of BS.1770 (pre-filter high shelf, RLB high pass) with the standard 48 kHz
 * coefficients, in double precision; channel weights 1.0 (left, right).</li>
 * <li>Momentary loudness: 400 ms blocks every 100 ms (75% overlap); short-term: 3 s windows every 100 ms. Both are
 * exact sums of 100 ms sub-block energies.</li>
 * <li>Integrated loudness: blocks gated at -70 LUFS absolute, then at -10 LU below the loudness of the absolute-gated
 * blocks.</li>
 * <li>Loudness range (EBU Tech 3342): short-term values gated at -70 LUFS absolute and -20 LU relative; the
 * difference of the 95th and 10th percentiles (nearest rank).</li>
 * <li>True peak: 4x oversampling with a polyphase FIR interpolator (BS.1770-4 Annex 2; here 48 taps per phase, a
 * Kaiser-windowed sinc), the maximum of the interpolated and the original samples; sample peak besides.</li>
 * </ul>
 * Gated statistics are kept in fixed histograms of 0.01 LU bins from -70 to +10 LUFS (like FFmpeg's ebur128; the
 * energies summed per bin are exact), so memory does not grow with the length of the programme and {@link #add}
 * never allocates. Not thread-safe.
 */
public final class Loudness {

    /** The only sample rate measured (that of every {@link AudioSource}). */
    public static final int SAMPLE_RATE = AudioSource.SAMPLE_RATE;

    /** Absolute gate, LUFS. */
    public static final double ABSOLUTE_GATE = -70;
    /** Relative gate of the integrated loudness, LU. */
    public static final double RELATIVE_GATE = -10;
    /** Relative gate of the loudness range, LU. */
    public static final double RANGE_RELATIVE_GATE = -20;

    /** Samples per 100 ms step. */
    static final int STEP = SAMPLE_RATE / 10;
    /** Steps per momentary block (400 ms). */
    static final int MOMENTARY_STEPS = 4;
    /** Steps per short-term window (3 s). */
    static final int SHORT_TERM_STEPS = 30;

    // K-weighting at 48 kHz (ITU-R BS.1770-4, tables 1 and 2)
    private static final double PB0 = 1.53512485958697;
    private static final double PB1 = -2.69169618940638;
    private static final double PB2 = 1.19839281085285;
    private static final double PA1 = -1.69065929318241;
    private static final double PA2 = 0.73248077421585;
    private static final double RB0 = 1.0;
    private static final double RB1 = -2.0;
    private static final double RB2 = 1.0;
    private static final double RA1 = -1.99004745483398;
    private static final double RA2 = 0.99007225036621;

    /** Filter states below this are flushed to zero (keeps silence away from subnormal arithmetic). */
    private static final double TINY = 1e-25;

    // true peak interpolator
    static final int OVERSAMPLING = 4;
    static final int TAPS = 48;
    private static final double KAISER_BETA = 8.0;
    /** {@code PHASES[p - 1][j]}: coefficient of x[n - j] for the value at n - TAPS/2 + p/4 (p = 1..3). */
    private static final double[][] PHASES = design();

    // histograms: bin i holds loudness -70 + i / 100 (rounded to the nearest bin)
    private static final int GRAIN = 100;
    private static final int BINS = (int) ((10 - ABSOLUTE_GATE) * GRAIN) + 1;

    /**
     * One channel's K-weighting (the two BS.1770 biquads, transposed direct form II) and the energy of the current
     * 100 ms step, summed sample by sample (so the result does not depend on how the input is cut into blocks).
     */
    private static final class Channel {
        double s1, s2, s3, s4;
        double step;

        void weigh(float[] x, int from, int count) {
            double e = step;
            double a1 = s1, a2 = s2, a3 = s3, a4 = s4;
            for (int i = from, end = from + count; i < end; i++) {
                double v = x[i];
                double y = PB0 * v + a1;
                a1 = PB1 * v - PA1 * y + a2;
                a2 = PB2 * v - PA2 * y;
                double z = RB0 * y + a3;
                a3 = RB1 * y - RA1 * z + a4;
                a4 = RB2 * y - RA2 * z;
                e += z * z;
            }
            s1 = a1;
            s2 = a2;
            s3 = a3;
            s4 = a4;
            step = e;
        }

        /** Denormal guard: a decayed filter state is set to zero. */
        void flushTiny() {
            if (Math.abs(s1) < TINY && Math.abs(s2) < TINY && Math.abs(s3) < TINY && Math.abs(s4) < TINY) {
                s1 = s2 = s3 = s4 = 0;
            }
        }

        void reset() {
            s1 = s2 = s3 = s4 = step = 0;
        }
    }

    private final Channel left = new Channel();
    private final Channel right = new Channel();
    private int stepFill;
    // energies (sum of squares over both channels) of the last SHORT_TERM_STEPS steps, ring buffer
    private final double[] steps = new double[SHORT_TERM_STEPS];
    private int stepPos;
    private long stepCount;

    private final Gate momentary = new Gate();
    private final Gate shortTerm = new Gate();
    private double momentaryMax = Double.NEGATIVE_INFINITY;
    private double shortTermMax = Double.NEGATIVE_INFINITY;
    private double lastMomentary = Double.NEGATIVE_INFINITY;
    private double lastShortTerm = Double.NEGATIVE_INFINITY;

    // true peak: history x[n], x[n-1]... at hist[pos..pos+TAPS), written twice so the window is contiguous
    private final double[] histL = new double[2 * TAPS];
    private final double[] histR = new double[2 * TAPS];
    private int pos;
    private double samplePeak;
    private double interPeak;
    // scratch for flushing the interpolator in result() without touching the state
    private final double[] flushL = new double[2 * TAPS];
    private final double[] flushR = new double[2 * TAPS];

    private long samples;

    /** A new meter at 48 kHz stereo. */
    public Loudness() {
    }

    /**
     * Measures {@code count} samples of {@code src} from sample {@code start}, and feeds them to {@code silence} too
     * when it is not null (one decoding pass for both).
     */
    public static Result measure(AudioSource src, long start, long count, SilenceDetector silence)
            throws MediaException {
        int chunk = SAMPLE_RATE / 4;
        float[] left = new float[chunk];
        float[] right = new float[chunk];
        Loudness meter = new Loudness();
        for (long done = 0; done < count;) {
            int n = (int) Math.min(chunk, count - done);
            src.read(start + done, left, right, 0, n);
            meter.add(left, right, n);
            if (silence != null) {
                silence.add(left, right, n);
            }
            done += n;
        }
        return meter.result();
    }

    /**
     * Measures the whole stream of {@code src} (its probed duration), feeding {@code silence} too when it is not
     * null.
     *
     * @throws IllegalArgumentException when the stream's duration is unknown
     */
    public static Result measure(AudioSource src, SilenceDetector silence) throws MediaException {
        return measure(src, 0, samplesOf(src), silence);
    }

    /** The whole stream of {@code src}. */
    public static Result measure(AudioSource src) throws MediaException {
        return measure(src, null);
    }

    /**
     * The length of {@code src}'s stream in samples at {@link #SAMPLE_RATE}.
     *
     * @throws IllegalArgumentException when the stream's duration is unknown
     */
    public static long samplesOf(AudioSource src) {
        long ticks = src.stream().durationTicks();
        if (ticks <= 0) {
            throw new IllegalArgumentException("the audio stream's duration is unknown");
        }
        return Ticks.samples(ticks, SAMPLE_RATE, RoundingMode.HALF_UP);
    }

    /** Adds {@code n} samples per channel: {@code left[0..n)}, {@code right[0..n)}. Allocation-free. */
    public void add(float[] left, float[] right, int n) {
        add(left, right, 0, n);
    }

    /** Adds {@code n} samples per channel from {@code offset}. Allocation-free. */
    public void add(float[] left, float[] right, int offset, int n) {
        if (n < 0 || offset < 0 || offset + n > left.length || offset + n > right.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", n " + n + ", arrays " + left.length + "/"
                    + right.length);
        }
        int i = offset;
        int end = offset + n;
        while (i < end) {
            int c = Math.min(end - i, STEP - stepFill);
            weigh(left, right, i, c);
            peaks(left, right, i, c);
            stepFill += c;
            i += c;
            if (stepFill == STEP) {
                endStep();
            }
        }
        samples += n;
    }

    /** K-weights {@code c} samples of both channels and adds their energy to the current step. */
    private void weigh(float[] l, float[] r, int from, int c) {
        left.weigh(l, from, c);
        right.weigh(r, from, c);
    }

    /** Sample peak and the 4x interpolated peak of {@code c} samples of both channels. */
    private void peaks(float[] left, float[] right, int from, int c) {
        double sp = samplePeak;
        double ip = interPeak;
        int p = pos;
        double[] hl = histL;
        double[] hr = histR;
        double[] h1 = PHASES[0];
        double[] h2 = PHASES[1];
        double[] h3 = PHASES[2];
        for (int i = from, end = from + c; i < end; i++) {
            double xl = left[i];
            double xr = right[i];
            sp = Math.max(sp, Math.max(Math.abs(xl), Math.abs(xr)));
            p = p == 0 ? TAPS - 1 : p - 1;
            hl[p] = xl;
            hl[p + TAPS] = xl;
            hr[p] = xr;
            hr[p + TAPS] = xr;
            ip = Math.max(ip, interpolate(hl, p, h1, h2, h3));
            ip = Math.max(ip, interpolate(hr, p, h1, h2, h3));
        }
        pos = p;
        samplePeak = sp;
        interPeak = ip;
    }

    /** The largest magnitude of the three interpolated values of the window {@code hist[p..p+TAPS)}. */
    private static double interpolate(double[] hist, int p, double[] h1, double[] h2, double[] h3) {
        double a = 0, b = 0, c = 0;
        for (int j = 0; j < TAPS; j++) {
            double x = hist[p + j];
            a += h1[j] * x;
            b += h2[j] * x;
            c += h3[j] * x;
        }
        return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
    }

    /** Closes a 100 ms step: updates the momentary and short-term values and their gates. */
    private void endStep() {
        steps[stepPos] = left.step + right.step;
        stepPos = stepPos + 1 == SHORT_TERM_STEPS ? 0 : stepPos + 1;
        stepCount++;
        left.step = 0;
        right.step = 0;
        stepFill = 0;
        left.flushTiny();
        right.flushTiny();
        if (stepCount >= MOMENTARY_STEPS) {
            double power = window(MOMENTARY_STEPS) / (MOMENTARY_STEPS * (double) STEP);
            double l = loudness(power);
            lastMomentary = l;
            momentaryMax = Math.max(momentaryMax, l);
            momentary.add(power, l);
        }
        if (stepCount >= SHORT_TERM_STEPS) {
            double power = window(SHORT_TERM_STEPS) / (SHORT_TERM_STEPS * (double) STEP);
            double l = loudness(power);
            lastShortTerm = l;
            shortTermMax = Math.max(shortTermMax, l);
            shortTerm.add(power, l);
        }
    }

    /** Sum of the energies of the last {@code count} steps. */
    private double window(int count) {
        double sum = 0;
        int p = stepPos;
        for (int k = 0; k < count; k++) {
            p = p == 0 ? SHORT_TERM_STEPS - 1 : p - 1;
            sum += steps[p];
        }
        return sum;
    }


    /** BS.1770 loudness of a mean-square power (channel-weighted sum): {@code -0.691 + 10 log10(power)}. */
    static double loudness(double power) {
        return power <= 0 ? Double.NEGATIVE_INFINITY : -0.691 + 10 * Math.log10(power);
    }

    private static double db(double amplitude) {
        return amplitude <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(amplitude);
    }

    /** Samples added so far (per channel). */
    public long samples() {
        return samples;
    }

    /** Momentary loudness of the last complete 400 ms block, LUFS ({@code -Infinity} before the first). */
    public double momentary() {
        return lastMomentary;
    }

    /** Short-term loudness of the last complete 3 s window, LUFS ({@code -Infinity} before the first). */
    public double shortTerm() {
        return lastShortTerm;
    }

    /** The measurement so far. Does not change the meter: more samples may be added afterwards. */
    public Result result() {
        double integrated = Double.NEGATIVE_INFINITY;
        double threshold = Double.NEGATIVE_INFINITY;
        if (momentary.count > 0) {
            threshold = loudness(momentary.sum / momentary.count) + RELATIVE_GATE;
            int from = momentary.bin(threshold);
            double e = 0;
            long k = 0;
            for (int i = from; i < BINS; i++) {
                e += momentary.energy[i];
                k += momentary.counts[i];
            }
            integrated = k == 0 ? Double.NEGATIVE_INFINITY : loudness(e / k);
        }
        double range = 0;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double rangeThreshold = Double.NEGATIVE_INFINITY;
        if (shortTerm.count > 0) {
            rangeThreshold = loudness(shortTerm.sum / shortTerm.count) + RANGE_RELATIVE_GATE;
            int from = shortTerm.bin(rangeThreshold);
            long k = 0;
            for (int i = from; i < BINS; i++) {
                k += shortTerm.counts[i];
            }
            if (k > 0) {
                low = shortTerm.rank(from, Math.max(1, Math.round(0.10 * k)));
                high = shortTerm.rank(from, Math.max(1, Math.round(0.95 * k)));
                range = high - low;
            }
        }
        return new Result(integrated, threshold, range, low, high, db(Math.max(samplePeak, Math.max(interPeak,
                flushedPeak()))), db(samplePeak), momentaryMax, shortTermMax, samples);
    }

    /** The interpolated peak of the last samples' tail, as if the input went on with silence. */
    private double flushedPeak() {
        System.arraycopy(histL, 0, flushL, 0, 2 * TAPS);
        System.arraycopy(histR, 0, flushR, 0, 2 * TAPS);
        int p = pos;
        double peak = 0;
        for (int i = 0; i < TAPS / 2 + 1; i++) {
            p = p == 0 ? TAPS - 1 : p - 1;
            flushL[p] = flushL[p + TAPS] = 0;
            flushR[p] = flushR[p + TAPS] = 0;
            peak = Math.max(peak, interpolate(flushL, p, PHASES[0], PHASES[1], PHASES[2]));
            peak = Math.max(peak, interpolate(flushR, p, PHASES[0], PHASES[1], PHASES[2]));
        }
        return peak;
    }

    /** Forgets everything measured: as new. */
    public void reset() {
        left.reset();
        right.reset();
        stepFill = 0;
        java.util.Arrays.fill(steps, 0);
        stepPos = 0;
        stepCount = 0;
        momentary.clear();
        shortTerm.clear();
        momentaryMax = shortTermMax = lastMomentary = lastShortTerm = Double.NEGATIVE_INFINITY;
        java.util.Arrays.fill(histL, 0);
        java.util.Arrays.fill(histR, 0);
        pos = 0;
        samplePeak = interPeak = 0;
        samples = 0;
    }

    /**
     * A loudness measurement. Values that cannot be measured (no block above the absolute gate, silence) are
     * {@code -Infinity}.
     *
     * @param integrated        integrated loudness, LUFS
     * @param threshold         relative gate of the integrated loudness, LUFS
     * @param range             loudness range, LU (0 when there are no gated short-term values)
     * @param rangeLow          10th percentile of the gated short-term loudness, LUFS
     * @param rangeHigh         95th percentile, LUFS
     * @param truePeak          dBTP (4x oversampled; never below the sample peak)
     * @param samplePeak        dBFS
     * @param momentaryMax      loudest 400 ms block, LUFS
     * @param shortTermMax      loudest 3 s window, LUFS
     * @param samples           samples measured per channel
     */
    public record Result(double integrated, double threshold, double range, double rangeLow, double rangeHigh,
            double truePeak, double samplePeak, double momentaryMax, double shortTermMax, long samples) {

        /** Duration measured, seconds. */
        public double seconds() {
            return samples / (double) SAMPLE_RATE;
        }
    }

    /** Blocks above the absolute gate: their count and power sum, and a histogram by loudness. */
    private static final class Gate {
        final long[] counts = new long[BINS];
        final double[] energy = new double[BINS];
        long count;
        double sum;

        void add(double power, double loudness) {
            if (!(loudness >= ABSOLUTE_GATE)) {
                return;
            }
            int i = bin(loudness);
            counts[i]++;
            energy[i] += power;
            count++;
            sum += power;
        }

        /** The bin of {@code loudness} (nearest, clamped). */
        int bin(double loudness) {
            double b = Math.rint((loudness - ABSOLUTE_GATE) * GRAIN);
            return (int) Math.max(0, Math.min(BINS - 1, b));
        }

        /** The loudness (of the mean power in its bin) of the {@code rank}-th (1-based) value from bin {@code from}. */
        double rank(int from, long rank) {
            long n = 0;
            for (int i = from; i < BINS; i++) {
                n += counts[i];
                if (n >= rank) {
                    return loudness(energy[i] / counts[i]);
                }
            }
            return Double.NEGATIVE_INFINITY;
        }

        void clear() {
            java.util.Arrays.fill(counts, 0);
            java.util.Arrays.fill(energy, 0);
            count = 0;
            sum = 0;
        }
    }

    /**
     * The interpolator's three fractional phases (1/4, 2/4, 3/4 of a sample; phase 0 is the sample itself): a
     * Kaiser-windowed sinc low pass at the input's Nyquist frequency, each phase normalized to unity gain at DC.
     */
    private static double[][] design() {
        int center = TAPS / 2 * OVERSAMPLING; // prototype index of x[n - TAPS/2], phase 0
        double[][] phases = new double[OVERSAMPLING - 1][TAPS];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 1; p < OVERSAMPLING; p++) {
            double sum = 0;
            for (int j = 0; j < TAPS; j++) {
                int k = p + OVERSAMPLING * j; // prototype index
                double t = (k - center) / (double) OVERSAMPLING; // in input samples
                double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
                double r = (k - center) / (double) center;
                double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
                phases[p - 1][j] = sinc * w;
                sum += sinc * w;
            }
            for (int j = 0; j < TAPS; j++) {
                phases[p - 1][j] /= sum;
            }
        }
        return phases;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
