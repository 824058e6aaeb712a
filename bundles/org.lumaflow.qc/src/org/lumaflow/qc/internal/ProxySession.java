package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.QcService;

/**
 * A QC session on a proxy of the fed pictures: each plane is point-sampled on a stratified grid (one sample per
 * {@code step x step} cell, at a fixed pseudo-random position inside the cell, the same for every frame) into a small
 * I420 picture of at most {@value #TARGET_SAMPLES} luma samples (720p: step 4, 1080p: step 6, 2160p: step 12, all
 * 320x180), which {@link YuvAnalyzer} measures. Pictures that small already are analysed as they are (step 1).
 * <p>
 * Point samples, not averages, so the proxy is an unbiased sample of the picture's code values: averages (YAVG,
 * UAVG, VAVG, SATAVG, YDIF), percentiles (YLOW, YHIGH), out-of-range and black-pixel fractions and the mean frame
 * differences behind the freeze and scene detectors are estimates from ~58,000 samples (sampling error well below
 * one code value; the test bounds it against a full-resolution analysis). Minimum and maximum (YMIN, YMAX, ...) are
 * those of the samples: a lone pixel outside them can be missed. The luma histogram is scaled to the full picture's
 * pixel count. The fingerprint and event thumbnails come from the proxy.
 * <p>
 * {@link #add} samples on the caller's thread, reading each needed source row once in bulk, into the session's own
 * proxy picture (a planar 4:2:0 array the analyzer reads directly; nothing allocated); the analysis then allocates only the frame's {@link org.lumaflow.qc.SignalStats}
 * (and whatever {@link YuvAnalyzer} needs per frame). Not thread-safe.
 */
public final class ProxySession implements QcService.Session {

    /** Luma samples per proxy picture at most: 320 x 180. */
    public static final int TARGET_SAMPLES = 320 * 180;

    private final String source;
    private final int w;
    private final int h;
    private final double fps;
    private final QcOptions options;
    private final int step;
    private final int pw;
    private final int ph;
    /** source row of each proxy luma row, and source column of each proxy luma sample */
    private final int[] lumaRow;
    private final int[] lumaCol;
    /** the same for the chroma planes (in chroma samples) */
    private final int[] chromaRow;
    private final int[] chromaCol;
    private final int fullCw;
    private final int fullChroma;
    /** the proxy picture, planar 4:2:0, and a view of it for the analyzer */
    private final byte[] scratch;
    private final ByteBuffer proxy;
    /** one source row (NV12 chroma: interleaved, twice as wide) */
    private final byte[] row;
    private final YuvAnalyzer an;

    /** A session for {@code width x height} frames. */
    public ProxySession(String source, int width, int height, double fps, QcOptions options) {
        this.source = source;
        this.w = width;
        this.h = height;
        this.fps = fps;
        this.options = options;
        this.step = step(width, height);
        this.pw = step == 1 ? width : (width / step) & ~1;
        this.ph = step == 1 ? height : (height / step) & ~1;
        fullCw = (width + 1) / 2;
        fullChroma = fullCw * ((height + 1) / 2);
        int pcw = (pw + 1) / 2;
        int pch = (ph + 1) / 2;
        lumaRow = new int[ph];
        lumaCol = new int[pw * ph];
        grid(pw, ph, 0x9E3779B9, lumaRow, lumaCol);
        chromaRow = new int[pch];
        chromaCol = new int[pcw * pch];
        grid(pcw, pch, 0x7F4A7C15, chromaRow, chromaCol);
        scratch = new byte[pw * ph + 2 * pcw * pch];
        row = new byte[Math.max(width, 2 * fullCw)];
        proxy = ByteBuffer.wrap(scratch);
        an = new YuvAnalyzer(pw, ph, fps, options);
    }

    /** The sampling step for a picture: the smallest that keeps the proxy within {@link #TARGET_SAMPLES}. */
    static int step(int width, int height) {
        int s = 1;
        while ((long) (width / s) * (height / s) > TARGET_SAMPLES) {
            s++;
        }
        return s;
    }

    /** Proxy width (luma samples per row). */
    public int proxyWidth() {
        return pw;
    }

    /** Proxy height (rows). */
    public int proxyHeight() {
        return ph;
    }

    /**
     * One sample per {@code step x step} cell: a pseudo-random row in each band of {@code step} rows (shared by the
     * band, so a source row is read once) and a pseudo-random column in each cell. Every pixel is equally likely to be
     * the sample of its cell, so the samples are an unbiased draw of the picture that periodic patterns cannot alias.
     */
    private void grid(int cols, int rows, int seed, int[] srcRow, int[] srcCol) {
        for (int y = 0; y < rows; y++) {
            srcRow[y] = y * step + (step > 1 ? Math.floorMod(mix(seed ^ (y * 0x632BE5AB)), step) : 0);
            for (int x = 0; x < cols; x++) {
                int jx = step > 1 ? Math.floorMod(mix(seed ^ (y * 0x632BE5AB) ^ (x * 0x85157AF5)), step) : 0;
                srcCol[y * cols + x] = x * step + jx;
            }
        }
    }

    private static int mix(int v) {
        v ^= v >>> 16;
        v *= 0x7FEB352D;
        v ^= v >>> 15;
        v *= 0x846CA68B;
        return v ^ (v >>> 16);
    }

    /** Samples {@code src} (full size, I420 or NV12) into the proxy picture. */
    private void sample(Frame src) {
        PixelFormat fmt = src.format();
        if (fmt != PixelFormat.I420 && fmt != PixelFormat.NV12) {
            throw new IllegalArgumentException("QC needs I420 or NV12 frames, got " + fmt);
        }
        ByteBuffer b = src.buffer();
        byte[] s = scratch;
        byte[] r = row;
        int n = pw * ph;
        for (int y = 0, i = 0; y < ph; y++) {
            b.get(lumaRow[y] * w, r, 0, w);
            for (int x = 0; x < pw; x++, i++) {
                s[i] = r[lumaCol[i]];
            }
        }
        int pcw = (pw + 1) / 2;
        int pch = chromaRow.length;
        int c = pcw * pch;
        int luma = w * h;
        for (int y = 0, i = 0; y < pch; y++) {
            int sy = chromaRow[y];
            if (fmt == PixelFormat.I420) {
                b.get(luma + sy * fullCw, r, 0, fullCw);
                for (int x = 0; x < pcw; x++) {
                    s[n + i + x] = r[chromaCol[i + x]];
                }
                b.get(luma + fullChroma + sy * fullCw, r, 0, fullCw);
                for (int x = 0; x < pcw; x++) {
                    s[n + c + i + x] = r[chromaCol[i + x]];
                }
            } else { // NV12: U and V interleaved in one plane of 2 * cw bytes per row
                b.get(luma + sy * 2 * fullCw, r, 0, 2 * fullCw);
                for (int x = 0; x < pcw; x++) {
                    int at = 2 * chromaCol[i + x];
                    s[n + i + x] = r[at];
                    s[n + c + i + x] = r[at + 1];
                }
            }
            i += pcw;
        }
    }

    @Override
    public void add(Frame yuv, double seconds) {
        if (yuv.width() != w || yuv.height() != h) {
            throw new IllegalArgumentException("QC frame " + yuv.width() + "x" + yuv.height() + ", stream is " + w
                    + "x" + h);
        }
        if (step == 1 && yuv.format() == PixelFormat.I420) {
            an.add(yuv, seconds); // small enough to be its own proxy
            return;
        }
        sample(yuv);
        an.add(proxy, seconds); // laid out as yuv420p of the proxy's size, as the analyzer expects
    }

    @Override
    public QcReport finish() {
        an.finish();
        List<QcEvent> events = new ArrayList<>(an.events());
        events.sort(Comparator.comparingDouble(QcEvent::start));
        long[] luma = an.luma().clone();
        if (step > 1) {
            double scale = (double) w * h / ((double) pw * ph);
            for (int i = 0; i < luma.length; i++) {
                luma[i] = Math.round(luma[i] * scale);
            }
        }
        // the frames an export encodes: 8-bit 4:2:0 (I420 or NV12)
        return new QcReport(source, w, h, fps, an.stats(), events, null, null, luma, an.thumbnails(), "yuv420p", 8,
                options);
    }

    /** The sampling step (1: measured whole). */
    public int step() {
        return step;
    }
}
