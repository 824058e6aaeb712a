package org.lumaflow.perception.internal;

import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.VideoStreamInfo;

/**
 * The walk every analysis makes over a file: decodes every frame once, straight to the proxy size, checks each for a
 * scene cut, and hands the visitor at most {@code maxRate} frames per second of media time plus every cut's first
 * frame (the throttling shared by face and object analysis).
 */
final class ProxyWalk {

    /** Slack when comparing frame times with the detector interval (timestamps rounded by containers). */
    private static final long SLACK = Ticks.ofMillis(1);

    /** Gets the frames chosen for analysis. */
    interface Visitor {
        /** {@code rgba} is the proxy picture (valid during the call only); {@code cut} when it starts a shot. */
        void sample(Frame rgba, boolean cut) throws IOException;
    }

    /**
     * What the walk saw.
     *
     * @param width displayed width of the source
     * @param height displayed height of the source
     * @param proxyWidth width of the proxy pictures
     * @param proxyHeight height of the proxy pictures
     * @param durationTicks the video stream's duration
     * @param frames frames decoded
     * @param cuts scene cuts found
     */
    record Result(int width, int height, int proxyWidth, int proxyHeight, long durationTicks, long frames,
            long cuts) {
    }

    private ProxyWalk() {
    }

    /** The proxy size of a {@code w x h} picture for {@code proxyWidth}: {w, h}. */
    static int[] proxySize(int w, int h, int proxyWidth) {
        int pw = Math.min(proxyWidth, w);
        return new int[] {pw, Math.max(1, (int) Math.round(h * (double) pw / w))};
    }

    /**
     * Walks {@code file}'s first video stream.
     *
     * @param what names the analysis in the cancellation message ({@code "face analysis"})
     */
    static Result run(MediaService media, Path file, int proxyWidth, double maxRate, double cutThreshold,
            BooleanSupplier cancelled, String what, Visitor visitor) throws IOException {
        MediaInfo info = media.probe(file);
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new MediaException(file, "no video stream to analyse");
        }
        int w = v.displayWidth();
        int h = v.displayHeight();
        int[] p = proxySize(w, h, proxyWidth);
        int pw = p[0];
        int ph = p[1];
        long end = v.durationTicks() > 0 ? v.durationTicks() : info.durationTicks();
        Rational rate = v.frameRate();
        long step = rate != null && rate.num() > 0
                ? Math.max(1, Ticks.fromRational(Rational.of(rate.den(), rate.num()), RoundingMode.FLOOR))
                : Ticks.PER_SECOND / 25;
        long interval = maxRate <= 0 ? 0 : Math.max(0, Math.round(Ticks.PER_SECOND / maxRate) - SLACK);
        SceneCuts cuts = new SceneCuts(cutThreshold);
        long frames = 0;
        long ncuts = 0;
        try (FramePool pool = new FramePool();
                VideoSource src = media.openVideo(file, pw, ph, MediaService.Fit.STRETCH, pool, 4)) {
            long shown = Long.MIN_VALUE;
            long lastSample = Long.MIN_VALUE;
            int repeats = 0;
            for (long k = 0;; k++) {
                long t = k * step;
                if (end > 0 && t >= end) {
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException(what + " of " + file + " cancelled");
                }
                Frame f;
                try {
                    f = src.frame(t);
                } catch (MediaException e) {
                    if (frames > 0) {
                        break; // the stream ended before its announced duration
                    }
                    throw e;
                }
                try {
                    if (f.time() == shown) {
                        if (end <= 0 && ++repeats > 100) {
                            break; // no known duration and the last picture keeps coming: that is the end
                        }
                        continue;
                    }
                    repeats = 0;
                    shown = f.time();
                    frames++;
                    boolean cut = cuts.cut(f);
                    ncuts += cut ? 1 : 0;
                    if (cut || lastSample == Long.MIN_VALUE || f.time() - lastSample >= interval) {
                        visitor.sample(f, cut);
                        lastSample = f.time();
                    }
                } finally {
                    f.release();
                }
            }
        }
        return new Result(w, h, pw, ph, end, frames, ncuts);
    }
}
