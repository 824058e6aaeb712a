package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.SignalStats;

/**
 * Per-frame statistics and detectors over 8-bit 4:2:0 frames (I420 or NV12), following FFmpeg's
 * {@code signalstats}, {@code blackdetect}, {@code freezedetect} and {@code scdet} definitions. All buffers are
 * allocated once per stream size; a frame allocates only its {@link SignalStats}.
 */
final class YuvAnalyzer {

    private final int w;
    private final int h;
    private final int cw;
    private final int ch;
    private final QcOptions o;
    private final int[] histY = new int[256];
    private final int[] histU = new int[256];
    private final int[] histV = new int[256];
    private final int[] histSat = new int[256];
    private final long[] lumaTotal = new long[256];
    /** previous frame (scene, YDIF) and freeze reference, as I420 planes */
    private final byte[] prev;
    private final byte[] reference;
    private final byte[] cur;
    private boolean havePrev;
    private final int blackTh;
    private final double freezeNoise;
    private final List<SignalStats> stats = new ArrayList<>();
    private final List<QcEvent> events = new ArrayList<>();
    private double prevMafd;
    private double blackStart = Double.NaN;
    private double refTime;
    private boolean frozen;
    private double lastTime;
    private double frameDuration;
    private double clipStart = Double.NaN;

    YuvAnalyzer(int width, int height, double fps, QcOptions options) {
        this.w = width;
        this.h = height;
        this.cw = (width + 1) / 2;
        this.ch = (height + 1) / 2;
        this.o = options;
        int n = w * h + 2 * cw * ch;
        prev = new byte[n];
        reference = new byte[n];
        cur = new byte[n];
        blackTh = (int) (16 + options.blackPixel() * (235 - 16));
        freezeNoise = Math.pow(10, options.freezeNoiseDb() / 20);
        frameDuration = fps > 0 ? 1 / fps : 0;
    }

    /** Analyses the next frame shown at {@code time} seconds. */
    SignalStats add(Frame f, double time) {
        if (f.width() != w || f.height() != h) {
            throw new IllegalArgumentException("QC frame " + f.width() + "x" + f.height() + ", stream is " + w + "x"
                    + h);
        }
        load(f);
        SignalStats s = signal(time);
        stats.add(s);
        detect(time, s);
        System.arraycopy(cur, 0, prev, 0, cur.length);
        havePrev = true;
        lastTime = time;
        return s;
    }

    /** Copies the frame's planes into {@link #cur} as I420 (NV12 chroma de-interleaved). */
    private void load(Frame f) {
        ByteBuffer b = f.buffer();
        int luma = w * h;
        b.get(0, cur, 0, luma);
        int c = cw * ch;
        if (f.format() == PixelFormat.I420) {
            b.get(luma, cur, luma, 2 * c);
        } else if (f.format() == PixelFormat.NV12) {
            for (int i = 0; i < c; i++) {
                cur[luma + i] = b.get(luma + 2 * i);
                cur[luma + c + i] = b.get(luma + 2 * i + 1);
            }
        } else {
            throw new IllegalArgumentException("QC needs I420 or NV12 frames, got " + f.format());
        }
    }

    private SignalStats signal(double time) {
        java.util.Arrays.fill(histY, 0);
        java.util.Arrays.fill(histU, 0);
        java.util.Arrays.fill(histV, 0);
        java.util.Arrays.fill(histSat, 0);
        int luma = w * h;
        int c = cw * ch;
        long dif = 0;
        long out = 0;
        byte[] p = havePrev ? prev : cur;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int crow = luma + (y >> 1) * cw;
            for (int x = 0; x < w; x++) {
                int v = cur[row + x] & 0xFF;
                histY[v]++;
                dif += Math.abs(v - (p[row + x] & 0xFF));
                int u = cur[crow + (x >> 1)] & 0xFF;
                int vv = cur[crow + c + (x >> 1)] & 0xFF;
                if (v < 16 || v > 235 || u < 16 || u > 240 || vv < 16 || vv > 240) {
                    out++;
                }
            }
        }
        for (int i = 0; i < c; i++) {
            int u = cur[luma + i] & 0xFF;
            int v = cur[luma + c + i] & 0xFF;
            histU[u]++;
            histV[v]++;
            histSat[Math.min(255, (int) Math.hypot(u - 128, v - 128))]++;
        }
        for (int i = 0; i < 256; i++) {
            lumaTotal[i] += histY[i];
        }
        int[] ys = summary(histY, luma);
        int[] us = summary(histU, c);
        int[] vs = summary(histV, c);
        int satMax = 0;
        long satTotal = 0;
        for (int i = 0; i < 256; i++) {
            if (histSat[i] != 0) {
                satMax = i;
            }
            satTotal += (long) histSat[i] * i;
        }
        return new SignalStats(time, ys[0], ys[1], total(histY) / (double) luma, ys[2], ys[3], us[0], us[1],
                total(histU) / (double) c, us[2], us[3], vs[0], vs[1], total(histV) / (double) c, vs[2], vs[3],
                satTotal / (double) c, satMax, out / (double) luma, dif / (double) luma);
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
        for (int i = 0; i < 256; i++) {
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
        for (int i = 0; i < 256; i++) {
            t += (long) hist[i] * i;
        }
        return t;
    }

    private void detect(double time, SignalStats s) {
        // black: enough pixels at or below the threshold
        long black = 0;
        for (int i = 0; i <= blackTh && i < 256; i++) {
            black += histY[i];
        }
        boolean isBlack = black >= o.blackPicture() * w * h;
        if (isBlack && Double.isNaN(blackStart)) {
            blackStart = time;
        } else if (!isBlack && !Double.isNaN(blackStart)) {
            endBlack(time);
        }
        // scene: scdet's score, from the mean absolute frame difference over all planes (percent of 256)
        if (havePrev) {
            double mafd = sad(cur, prev) * 100.0 / cur.length / 256;
            double score = Math.min(100, Math.max(0, Math.min(mafd, Math.abs(mafd - prevMafd))));
            prevMafd = mafd;
            if (score >= o.sceneThreshold()) {
                events.add(new QcEvent("scene", time, time, String.format(java.util.Locale.ROOT, "score %.1f",
                        score)));
            }
        }
        // freeze: frames within the noise of the run's first frame
        if (!havePrev) {
            System.arraycopy(cur, 0, reference, 0, cur.length);
            refTime = time;
        } else {
            double mafd = sad(cur, reference) / (double) cur.length / 256;
            boolean still = mafd <= freezeNoise;
            if (!still) {
                if (frozen) {
                    events.add(new QcEvent("freeze", refTime, time, "mean difference below "
                            + o.freezeNoiseDb() + " dB"));
                }
                frozen = false;
                System.arraycopy(cur, 0, reference, 0, cur.length);
                refTime = time;
            } else if (!frozen && time - refTime >= o.freezeMinSeconds()) {
                frozen = true;
            }
        }
        // clipping: luma at the code-value limits or outside broadcast range
        boolean clip = s.outOfRange() >= o.clipFraction() || (histY[0] + histY[255]) >= o.clipFraction() * w * h;
        if (clip && Double.isNaN(clipStart)) {
            clipStart = time;
        } else if (!clip && !Double.isNaN(clipStart)) {
            events.add(new QcEvent("clipping", clipStart, time, "out-of-range pixels >= "
                    + (o.clipFraction() * 100) + "%"));
            clipStart = Double.NaN;
        }
    }

    private void endBlack(double end) {
        if (end - blackStart >= o.blackMinSeconds()) {
            events.add(new QcEvent("black", blackStart, end, "luma <= " + blackTh + " on >= "
                    + Math.round(o.blackPicture() * 100) + "% of the picture"));
        }
        blackStart = Double.NaN;
    }

    private static long sad(byte[] a, byte[] b) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return s;
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
            events.add(new QcEvent("clipping", clipStart, end, "out-of-range pixels >= " + (o.clipFraction() * 100)
                    + "%"));
            clipStart = Double.NaN;
        }
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
