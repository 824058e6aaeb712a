package org.lumaflow.decoder.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Set;

import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** Which files deserve a proxy and at what size (see {@code org.lumaflow.decoder.proxy.Proxies#reason}). */
public final class ProxyRule {

    /** Largest display size edited without a proxy. */
    public static final int MAX_W = 1920, MAX_H = 1080;
    /** Largest proxy edge: the divisor (2, 4, 8) grows until the proxy fits. */
    static final int PROXY_W = 1280, PROXY_H = 720;
    /** Long-GOP codecs costly to decode and seek: proxied from full HD up. */
    private static final Set<String> HEAVY_CODECS = Set.of("hevc", "av1", "vp9");
    /** Long-GOP codecs proxied at full HD only above this rate (frames per second). */
    private static final Set<String> LONG_GOP = Set.of("h264", "mpeg2video", "mpeg4", "vp8");
    private static final double FAST_RATE = 47.0;

    private ProxyRule() {
    }

    /** Why {@code info} needs a proxy, or null when it does not (see the rule on {@code Proxies#reason}). */
    public static String reason(MediaInfo info) {
        VideoStreamInfo v = info.firstVideo();
        if (v == null || MediaClips.isStill(info)) {
            return null;
        }
        int w = v.displayWidth();
        int h = v.displayHeight();
        if (w > MAX_W || h > MAX_H) {
            return w + "x" + h + " is larger than " + MAX_W + "x" + MAX_H;
        }
        int depth = depth(v.pixelFormat());
        if (depth > 8) {
            return depth + "-bit " + v.pixelFormat();
        }
        boolean fullHd = (long) w * h >= (long) MAX_W * MAX_H;
        if (fullHd && HEAVY_CODECS.contains(v.codec())) {
            return v.codec() + " (long GOP) at " + w + "x" + h;
        }
        if (fullHd && LONG_GOP.contains(v.codec()) && v.frameRate().toDouble() > FAST_RATE) {
            return v.codec() + " (long GOP) at " + w + "x" + h + " " + Math.round(v.frameRate().toDouble()) + " fps";
        }
        return null;
    }

    /** Bits per sample of an FFmpeg pixel format name (8 when unknown). */
    public static int depth(String pixelFormat) {
        if (pixelFormat == null || pixelFormat.equals("unknown")) {
            return 8;
        }
        FFmpeg.load();
        int fmt = av_get_pix_fmt(pixelFormat);
        if (fmt < 0) {
            return 8;
        }
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(fmt);
        return d == null || d.isNull() ? 8 : d.comp(0).depth();
    }

    /** The proxy divisor of {@code v}: 2, 4 or 8, the smallest whose proxy fits 1280x720. */
    public static int divisor(VideoStreamInfo v) {
        int d = 2;
        while (d < 8 && (v.displayWidth() / d > PROXY_W || v.displayHeight() / d > PROXY_H)) {
            d *= 2;
        }
        return d;
    }
}
