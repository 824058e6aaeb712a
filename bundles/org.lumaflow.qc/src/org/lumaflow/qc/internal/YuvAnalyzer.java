package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
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
    /** three I420 buffers rotating as current, previous (scene, YDIF) and freeze reference: no per-frame copies */
    private final byte[][] buffers = new byte[3][];
    private byte[] prev;
    private byte[] reference;
    private byte[] cur;
    /** per band: histograms and sums, merged after each parallel pass */
    private static final int BANDS = 8;
    /** four interleaved sub-histograms per band (flat areas would otherwise serialize on one counter) */
    private final int[][] bandY = new int[BANDS][4 * 256];
    private final int[][] bandU = new int[BANDS][4 * 256];
    private final int[][] bandV = new int[BANDS][4 * 256];
    private final int[][] bandSat = new int[BANDS][256];
    private final long[] bandDif = new long[BANDS];
    private final long[] bandSadPrev = new long[BANDS];
    private final long[] bandSadRef = new long[BANDS];
    private final long[] bandOut = new long[BANDS];
    private final long[] bandChromaOut = new long[BANDS];
    /** 1 where the chroma sample is outside 16..240 */
    private final byte[] chromaOut;
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
        for (int i = 0; i < 3; i++) {
            buffers[i] = new byte[n];
        }
        cur = buffers[0];
        prev = buffers[1];
        reference = buffers[2];
        chromaOut = new byte[cw * ch];
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
        measure();
        SignalStats s = signal(time);
        stats.add(s);
        boolean newReference = detect(time, s);
        // rotate: this frame becomes the previous one (and the freeze reference when a new run starts)
        byte[] old = prev;
        prev = cur;
        if (newReference) {
            reference = cur;
        }
        cur = old != reference ? old : third();
        havePrev = true;
        lastTime = time;
        return s;
    }

    /** The buffer that is neither {@link #prev} nor {@link #reference}. */
    private byte[] third() {
        for (byte[] b : buffers) {
            if (b != prev && b != reference) {
                return b;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * One parallel pass over luma rows and one over chroma rows (bands of rows on the pixel workers): histograms,
     * differences to the previous frame and to the freeze reference, out-of-range counts.
     */
    private void measure() {
        byte[] c = cur;
        byte[] p = havePrev ? prev : cur;
        int luma = w * h;
        int cn = cw * ch;
        // chroma first: the luma pass needs the out-of-range flags
        Parallel.rows(Math.max(1, cn / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hu = bandU[b];
                int[] hv = bandV[b];
                int[] hs = bandSat[b];
                java.util.Arrays.fill(hu, 0);
                java.util.Arrays.fill(hv, 0);
                java.util.Arrays.fill(hs, 0);
                long sp = 0;
                long outs = 0;
                int i0 = (int) ((long) cn * b / BANDS);
                int i1 = (int) ((long) cn * (b + 1) / BANDS);
                for (int i = i0; i < i1; i++) {
                    int ui = luma + i;
                    int vi = luma + cn + i;
                    int u = c[ui] & 0xFF;
                    int v = c[vi] & 0xFF;
                    int lane = (i & 3) << 8;
                    hu[lane + u]++;
                    hv[lane + v]++;
                    int du = u - 128;
                    int dv = v - 128;
                    hs[SAT[du * du + dv * dv] & 0xFF]++;
                    sp += Math.abs(u - (p[ui] & 0xFF)) + Math.abs(v - (p[vi] & 0xFF));
                    byte o = (byte) (u < 16 || u > 240 || v < 16 || v > 240 ? 1 : 0);
                    chromaOut[i] = o;
                    outs += o;
                }
                bandSadPrev[b] = sp;
                bandChromaOut[b] = outs;
            }
        });
        long chromaOuts = 0;
        for (long v : bandChromaOut) {
            chromaOuts += v;
        }
        boolean anyChromaOut = chromaOuts > 0;
        Parallel.rows(w * Math.max(1, h / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int[] hy = bandY[b];
                java.util.Arrays.fill(hy, 0);
                long dif = 0;
                long outs = 0;
                int y0 = (int) ((long) h * b / BANDS);
                int y1 = (int) ((long) h * (b + 1) / BANDS);
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    int crow = (y >> 1) * cw;
                    for (int x = 0; x < w; x++) {
                        int i = row + x;
                        int v = c[i] & 0xFF;
                        hy[((x & 3) << 8) + v]++;
                        dif += Math.abs(v - (p[i] & 0xFF));
                        if (anyChromaOut && (v < 16 || v > 235 || chromaOut[crow + (x >> 1)] != 0)) {
                            outs++;
                        }
                    }
                }
                bandDif[b] = dif;
                bandOut[b] = outs;
            }
        });
        java.util.Arrays.fill(histY, 0);
        java.util.Arrays.fill(histU, 0);
        java.util.Arrays.fill(histV, 0);
        java.util.Arrays.fill(histSat, 0);
        frameDif = 0;
        sadPrev = 0;
        long outs = 0;
        for (int b = 0; b < BANDS; b++) {
            for (int i = 0; i < 256; i++) {
                int[] by = bandY[b];
                int[] bu = bandU[b];
                int[] bv = bandV[b];
                histY[i] += by[i] + by[256 + i] + by[512 + i] + by[768 + i];
                histU[i] += bu[i] + bu[256 + i] + bu[512 + i] + bu[768 + i];
                histV[i] += bv[i] + bv[256 + i] + bv[512 + i] + bv[768 + i];
                histSat[i] += bandSat[b][i];
            }
            frameDif += bandDif[b];
            sadPrev += bandSadPrev[b] + bandDif[b];
            outs += bandOut[b];
        }
        if (!anyChromaOut) {
            for (int i = 0; i < 16; i++) {
                outs += histY[i];
            }
            for (int i = 236; i < 256; i++) {
                outs += histY[i];
            }
        }
        outOfRange = outs;
    }

    /**
     * Mean absolute difference to the freeze reference (fraction of 256). The previous frame was within the noise of
     * the reference (or is it), so when this frame is far from the previous one it is far from the reference too
     * (triangle inequality) and the extra pass over the picture is skipped.
     */
    private double referenceMafd() {
        double prevMafd = sadPrev / (double) cur.length / 256;
        if (reference == prev) {
            return prevMafd;
        }
        if (prevMafd > 2 * freezeNoise) {
            return prevMafd - freezeNoise;
        }
        byte[] c = cur;
        byte[] r = reference;
        int n = c.length;
        Parallel.rows(Math.max(1, n / BANDS), BANDS, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                long sr = 0;
                int i1 = (int) ((long) n * (b + 1) / BANDS);
                for (int i = (int) ((long) n * b / BANDS); i < i1; i++) {
                    sr += Math.abs((c[i] & 0xFF) - (r[i] & 0xFF));
                }
                bandSadRef[b] = sr;
            }
        });
        long sad = 0;
        for (long v : bandSadRef) {
            sad += v;
        }
        return sad / (double) n / 256;
    }

    /** {@code (int) hypot(du, dv)} for every du^2 + dv^2 (signalstats truncates). */
    private static final byte[] SAT = new byte[2 * 128 * 128 + 1];

    static {
        for (int i = 0; i < SAT.length; i++) {
            SAT[i] = (byte) Math.min(255, (int) Math.sqrt(i));
        }
    }

    private long frameDif;
    private long sadPrev;
    private long outOfRange;

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
        int luma = w * h;
        int c = cw * ch;
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
                satTotal / (double) c, satMax, outOfRange / (double) luma, frameDif / (double) luma, fingerprint());
    }

    /** Mean and standard deviation of R, G, B over every 16th pixel of every 16th row (BT.709, limited range). */
    private double[] fingerprint() {
        double[] sum = new double[3];
        double[] sq = new double[3];
        int luma = w * h;
        int c = cw * ch;
        int n = 0;
        for (int y = 0; y < h; y += 16) {
            for (int x = 0; x < w; x += 16) {
                int ci = (y >> 1) * cw + (x >> 1);
                rgb(cur[y * w + x] & 0xFF, cur[luma + ci] & 0xFF, cur[luma + c + ci] & 0xFF, px);
                for (int k = 0; k < 3; k++) {
                    sum[k] += px[k];
                    sq[k] += (double) px[k] * px[k];
                }
                n++;
            }
        }
        double[] fp = new double[6];
        for (int k = 0; k < 3; k++) {
            double m = sum[k] / n;
            fp[k] = m;
            fp[3 + k] = Math.sqrt(Math.max(0, sq[k] / n - m * m));
        }
        return fp;
    }

    private final int[] px = new int[3];

    /** BT.709 limited-range Y'CbCr to full-range R'G'B' code values. */
    static void rgb(int y, int u, int v, int[] out) {
        double yy = (y - 16) * 255.0 / 219;
        double cb = (u - 128) * 255.0 / 224;
        double cr = (v - 128) * 255.0 / 224;
        out[0] = clamp(yy + 1.5748 * cr);
        out[1] = clamp(yy - 0.1873 * cb - 0.4681 * cr);
        out[2] = clamp(yy + 1.8556 * cb);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }

    /** A small JPEG (base64) of the current frame, for events in the HTML report; at most 60 per stream. */
    private void thumbnail(double time) {
        if (thumbnails.size() >= 60) {
            return;
        }
        int tw = 160;
        int th = Math.max(1, (int) Math.round((double) h * tw / w));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(tw, th,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        int luma = w * h;
        int c = cw * ch;
        for (int ty = 0; ty < th; ty++) {
            int y = Math.min(h - 1, (int) ((ty + 0.5) * h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x = Math.min(w - 1, (int) ((tx + 0.5) * w / tw));
                int ci = (y >> 1) * cw + (x >> 1);
                rgb(cur[y * w + x] & 0xFF, cur[luma + ci] & 0xFF, cur[luma + c + ci] & 0xFF, px);
                img.setRGB(tx, ty, (px[0] << 16) | (px[1] << 8) | px[2]);
            }
        }
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "jpg", out);
            thumbnails.put(String.format(java.util.Locale.ROOT, "%.3f", time),
                    java.util.Base64.getEncoder().encodeToString(out.toByteArray()));
        } catch (java.io.IOException | RuntimeException e) {
            // a report without this picture
        }
    }

    private final java.util.Map<String, String> thumbnails = new java.util.HashMap<>();

    java.util.Map<String, String> thumbnails() {
        return thumbnails;
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

    /** Runs the detectors; returns whether this frame becomes the freeze reference. */
    private boolean detect(double time, SignalStats s) {
        boolean newReference = false;
        // black: enough pixels at or below the threshold
        long black = 0;
        for (int i = 0; i <= blackTh && i < 256; i++) {
            black += histY[i];
        }
        boolean isBlack = black >= o.blackPicture() * w * h;
        if (isBlack && Double.isNaN(blackStart)) {
            blackStart = time;
            thumbnail(time);
        } else if (!isBlack && !Double.isNaN(blackStart)) {
            endBlack(time);
        }
        // scene: scdet's score, from the mean absolute frame difference over all planes (percent of 256)
        if (havePrev) {
            double mafd = sadPrev * 100.0 / cur.length / 256;
            double score = Math.min(100, Math.max(0, Math.min(mafd, Math.abs(mafd - prevMafd))));
            prevMafd = mafd;
            if (score >= o.sceneThreshold()) {
                thumbnail(time);
                events.add(new QcEvent("scene", time, time, String.format(java.util.Locale.ROOT, "score %.1f",
                        score)));
            }
        }
        // freeze: frames within the noise of the run's first frame
        if (!havePrev) {
            newReference = true;
            refTime = time;
        } else {
            double mafd = referenceMafd();
            boolean still = mafd <= freezeNoise;
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
                thumbnail(refTime); // the frozen picture (this frame is within the noise of the run's first)
            }
        }
        // clipping: luma at the code-value limits or outside broadcast range
        boolean clip = s.outOfRange() >= o.clipFraction() || (histY[0] + histY[255]) >= o.clipFraction() * w * h;
        if (clip && Double.isNaN(clipStart)) {
            clipStart = time;
            thumbnail(time);
        } else if (!clip && !Double.isNaN(clipStart)) {
            events.add(new QcEvent("clipping", clipStart, time, "out-of-range pixels >= "
                    + (o.clipFraction() * 100) + "%"));
            clipStart = Double.NaN;
        }
        return newReference;
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
