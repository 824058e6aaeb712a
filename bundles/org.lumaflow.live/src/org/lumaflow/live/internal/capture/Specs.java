package org.lumaflow.live.internal.capture;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.SourceOptions;

/** Small parsers shared by the source providers. */
final class Specs {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    private Specs() {
    }

    /** {@code WxH} as {width, height}, or null when {@code text} is not a size. */
    static int[] size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        return w > 0 && h > 0 ? new int[] {w, h} : null;
    }

    /** The first of {@code keys} present in the options' extras, else null. */
    static String extra(SourceOptions o, String... keys) {
        for (String k : keys) {
            String v = o.extra().get(k);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** A yes/no extra ({@code 1/0, true/false, on/off, yes/no}); {@code dflt} when absent. */
    static boolean flag(SourceOptions o, boolean dflt, String what, String... keys) throws LiveException {
        String v = extra(o, keys);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> throw new LiveException(what + ": " + keys[0] + "=" + v + " is not 0 or 1");
        };
    }

    /** A number of seconds from the extras ({@code dflt} when absent). */
    static double seconds(SourceOptions o, double dflt, String what, String key) throws LiveException {
        String v = extra(o, key);
        if (v == null) {
            return dflt;
        }
        try {
            double s = Double.parseDouble(v);
            if (s > 0 && s < 3600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LiveException(what + ": " + key + "=" + v + " is not a number of seconds");
    }

    /** The picture layout asked for through extra {@code format} (rgba, nv12, i420); RGBA8 when absent. */
    static PixelFormat layout(SourceOptions o, String what) throws LiveException {
        String v = extra(o, "format", "pixel_format");
        if (v == null) {
            return PixelFormat.RGBA8;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "rgba", "rgba8" -> PixelFormat.RGBA8;
            case "nv12" -> PixelFormat.NV12;
            case "i420", "yuv420p" -> PixelFormat.I420;
            default -> throw new LiveException(what + ": format=" + v + " is not rgba, nv12 or i420");
        };
    }

    /** FFmpeg's text for a rate ({@code 30}, {@code 30000/1001}). */
    static String ffmpegRate(FrameRate r) {
        return r.den() == 1 ? Integer.toString(r.num()) : r.num() + "/" + r.den();
    }

    /** {@code 640x480@30} for names. */
    static String describe(int w, int h, FrameRate r) {
        StringBuilder b = new StringBuilder();
        if (w > 0 && h > 0) {
            b.append(w).append('x').append(h);
        }
        if (r != null) {
            b.append('@').append(r.den() == 1 ? Integer.toString(r.num())
                    : String.format(Locale.ROOT, "%.2f", r.toDouble()));
        }
        return b.toString();
    }
}
