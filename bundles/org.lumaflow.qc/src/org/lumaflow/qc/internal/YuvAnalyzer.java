package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.SignalStats;

/**
 * Per-frame statistics and detectors over planar YUV pictures of any chroma subsampling and bit depth (8 to 16),
 * following FFmpeg's {@code signalstats} (values in the stream's own code values: 0..1023 at 10 bits),
 * {@code blackdetect} (threshold from the stream's range and depth), {@code freezedetect} and {@code scdet}
 * (differences as fractions of full scale) definitions. The clipping detector counts luma at the code-value limits,
 * and for limited-range streams also signalstats' out-of-broadcast-range pixels. Buffers are allocated once per
 * stream; a frame allocates only its {@link SignalStats}.
 */
final class YuvAnalyzer {

    private final int w;
    private final int h;
    private final QcOptions o;
    private final Planes<?> planes;
    private final boolean fullRange;
    private final long[] lumaTotal = new long[256];
    private final int blackTh;
    private final double freezeNoise;
    private final List<SignalStats> stats = new ArrayList<>();
    private final List<QcEvent> events = new ArrayList<>();
    private final Thumbnails thumbnails;
    private double prevMafd;
    private double blackStart = Double.NaN;
    private double refTime;
    private boolean frozen;
    private double lastTime;
    private final double frameDuration;
    private double clipStart = Double.NaN;

    /** 8-bit 4:2:0 limited range (the frames an export encodes). */
    YuvAnalyzer(int width, int height, double fps, QcOptions options) {
        this(new PictureLayout(width, height, 8, 1, 1, false, "yuv420p", "yuv420p"), fps, options);
    }

    YuvAnalyzer(PictureLayout layout, double fps, QcOptions options) {
        this.w = layout.width();
        this.h = layout.height();
        this.o = options;
        this.planes = Planes.of(layout);
        this.fullRange = layout.fullRange();
        int depth = layout.depth();
        int max = (1 << depth) - 1;
        int factor = 1 << (depth - 8);
        blackTh = (int) (fullRange ? options.blackPixel() * max : 16 * factor + options.blackPixel() * 219 * factor);
        freezeNoise = Math.pow(10, options.freezeNoiseDb() / 20);
        frameDuration = fps > 0 ? 1 / fps : 0;
        thumbnails = new Thumbnails(planes, fullRange);
    }

    /** Analyses the next frame (I420 or NV12) shown at {@code time} seconds. */
    SignalStats add(Frame f, double time) {
        if (f.width() != w || f.height() != h) {
            throw new IllegalArgumentException("QC frame " + f.width() + "x" + f.height() + ", stream is " + w + "x"
                    + h);
        }
        planes.load(f);
        return analyse(time);
    }

    /** Analyses the next picture (laid out as the {@link PictureLayout} given at construction). */
    SignalStats add(ByteBuffer picture, double time) {
        planes.load(picture);
        return analyse(time);
    }

    private SignalStats analyse(double time) {
        planes.measure();
        SignalStats s = signal(time);
        stats.add(s);
        boolean newReference = detect(time, s);
        planes.advance(newReference);
        lastTime = time;
        return s;
    }

    private SignalStats signal(double time) {
        Planes<?> p = planes;
        int luma = w * h;
        int c = p.cw * p.ch;
        int shift = p.depth - 8;
        for (int i = 0; i < p.size; i++) {
            lumaTotal[i >> shift] += p.histY[i];
        }
        int[] ys = summary(p.histY, luma);
        int[] us = summary(p.histU, c);
        int[] vs = summary(p.histV, c);
        int satMax = 0;
        long satTotal = 0;
        int[] hs = p.histSat;
        for (int i = 0; i < hs.length; i++) {
            if (hs[i] != 0) {
                satMax = i;
                satTotal += (long) hs[i] * i;
            }
        }
        return new SignalStats(time, ys[0], ys[1], total(p.histY) / (double) luma, ys[2], ys[3], us[0], us[1],
                total(p.histU) / (double) c, us[2], us[3], vs[0], vs[1], total(p.histV) / (double) c, vs[2], vs[3],
                satTotal / (double) c, satMax, p.outOfRange / (double) luma, p.frameDif / (double) luma,
                thumbnails.fingerprint());
    }

    /** {min, 10th percentile, 90th percentile, max} of a histogram of {@code n} values (signalstats' rule). */
    private static int[] summary(int[] hist, int n) {
        long lowP = Math.round(n * 10 / 100.0);
        long highP = Math.round(n * 90 / 100.0);
        int min = -1;
        int max = 0;
        int low = -1;
        int high = -1;
        long acc = 0;
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] != 0) {
                if (min < 0) {
                    min = i;
                }
                max = i;
            }
            acc += hist[i];
            if (low < 0 && acc >= lowP) {
                low = i;
            }
            if (high < 0 && acc >= highP) {
                high = i;
            }
        }
        return new int[] {Math.max(min, 0), low, high, max};
    }

    private static long total(int[] hist) {
        long t = 0;
        for (int i = 0; i < hist.length; i++) {
            t += (long) hist[i] * i;
        }
        return t;
    }

    /** Runs the detectors; returns whether this frame becomes the freeze reference. */
    private boolean detect(double time, SignalStats s) {
        Planes<?> p = planes;
        boolean newReference = false;
        // black: enough pixels at or below the threshold
        long black = 0;
        for (int i = 0; i <= blackTh && i < p.size; i++) {
            black += p.histY[i];
        }
        boolean isBlack = black >= o.blackPicture() * w * h;
        if (isBlack && Double.isNaN(blackStart)) {
            blackStart = time;
            thumbnails.take(time);
        } else if (!isBlack && !Double.isNaN(blackStart)) {
            endBlack(time);
        }
        // scene: scdet's score, from the mean absolute frame difference over all planes (percent of full scale)
        if (p.havePrev) {
            double mafd = p.previousMafd() * 100;
            double score = Math.min(100, Math.max(0, Math.min(mafd, Math.abs(mafd - prevMafd))));
            prevMafd = mafd;
            if (score >= o.sceneThreshold()) {
                thumbnails.take(time);
                events.add(new QcEvent("scene", time, time, String.format(Locale.ROOT, "score %.1f", score)));
            }
        }
        // freeze: frames within the noise of the run's first frame
        if (!p.havePrev) {
            newReference = true;
            refTime = time;
        } else {
            boolean still = p.referenceMafd(freezeNoise) <= freezeNoise;
            if (!still) {
                if (frozen) {
                    events.add(new QcEvent("freeze", refTime, time, "mean difference below "
                            + o.freezeNoiseDb() + " dB"));
                }
                frozen = false;
                newReference = true;
                refTime = time;
            } else if (!frozen && time - refTime >= o.freezeMinSeconds()) {
                frozen = true;
                thumbnails.take(refTime); // the frozen picture (this frame is within the noise of the run's first)
            }
        }
        // clipping: luma at the code-value limits, or (limited range) outside broadcast range
        long limits = p.histY[0] + p.histY[p.size - 1];
        boolean clip = (!fullRange && s.outOfRange() >= o.clipFraction()) || limits >= o.clipFraction() * w * h;
        if (clip && Double.isNaN(clipStart)) {
            clipStart = time;
            thumbnails.take(time);
        } else if (!clip && !Double.isNaN(clipStart)) {
            events.add(clipping(clipStart, time));
            clipStart = Double.NaN;
        }
        return newReference;
    }

    private QcEvent clipping(double start, double end) {
        return new QcEvent("clipping", start, end, (fullRange ? "luma at 0 or " + (planes.size - 1)
                : "out-of-range") + " pixels >= " + (o.clipFraction() * 100) + "%");
    }

    private void endBlack(double end) {
        if (end - blackStart >= o.blackMinSeconds()) {
            events.add(new QcEvent("black", blackStart, end, "luma <= " + blackTh + " on >= "
                    + Math.round(o.blackPicture() * 100) + "% of the picture"));
        }
        blackStart = Double.NaN;
    }

    /** Closes open segments at the end of the stream. */
    void finish() {
        double end = lastTime + frameDuration;
        if (!Double.isNaN(blackStart)) {
            endBlack(end);
        }
        if (frozen) {
            events.add(new QcEvent("freeze", refTime, end, "mean difference below " + o.freezeNoiseDb() + " dB"));
            frozen = false;
        }
        if (!Double.isNaN(clipStart)) {
            events.add(clipping(clipStart, end));
            clipStart = Double.NaN;
        }
    }

    java.util.Map<String, String> thumbnails() {
        return thumbnails.all();
    }

    List<SignalStats> stats() {
        return stats;
    }

    List<QcEvent> events() {
        return events;
    }

    long[] luma() {
        return lumaTotal;
    }
}
