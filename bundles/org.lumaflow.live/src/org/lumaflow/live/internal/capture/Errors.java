package org.lumaflow.live.internal.capture;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import java.util.Locale;

import org.lumaflow.live.Secrets;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.media.ffmpeg.internal.FFmpegLog;

/** FFmpeg error codes of capture inputs as sentences for people (secrets masked). */
final class Errors {

    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EIO = 5;
    private static final int ENXIO = 6;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;
    private static final int EINVAL = 22;
    private static final int ENOTTY = 25;
    private static final int ENETUNREACH = 101;
    private static final int ECONNRESET = 104;
    private static final int ETIMEDOUT = 110;
    private static final int ECONNREFUSED = 111;
    private static final int EHOSTUNREACH = 113;

    private Errors() {
    }

    /** Why opening {@code spec} failed with FFmpeg error {@code code}. */
    static String open(InputSpec spec, int code) {
        String logged = ffmpegSays();
        String why = switch (-code) {
            case ENOENT -> spec.mode().file() ? "no such file" : "not found (no such device)";
            case ENODEV, ENXIO -> "no such device";
            case EACCES, EPERM -> "permission denied" + (spec.url().startsWith("/dev/")
                    ? " (is the user in the 'video' or 'audio' group?)" : "");
            case EBUSY -> "busy (another program is using it)";
            case ECONNREFUSED -> "unreachable (connection refused: nothing listens there)";
            case ENETUNREACH, EHOSTUNREACH -> "unreachable (no route to the host)";
            case ETIMEDOUT -> "no answer within " + seconds(spec.timeout());
            case EIO -> spec.mode() == InputSpec.Mode.NETWORK
                    ? "no answer or no data within " + seconds(spec.timeout()) + " (is the sender running and "
                            + "sending there?)"
                    : "cannot open the device";
            case EINVAL -> "cannot deliver what was asked (invalid argument)";
            case ENOTTY -> "not a capture device";
            default -> null;
        };
        if (code == AVERROR_EOF()) {
            why = spec.mode() == InputSpec.Mode.NETWORK ? "the stream ended before any picture or sound arrived"
                    : "is empty";
        }
        return Secrets.mask(compose(why, code, logged));
    }

    /** Why a running capture of {@code spec} stopped with FFmpeg error {@code code}. */
    static String stopped(InputSpec spec, int code) {
        String logged = ffmpegSays();
        String why;
        if (code == AVERROR_EOF()) {
            why = spec.mode() == InputSpec.Mode.DEVICE ? "the device stopped delivering" : "the stream ended";
        } else {
            why = switch (-code) {
                case EIO, ETIMEDOUT -> spec.mode() == InputSpec.Mode.NETWORK
                        ? "no data for " + seconds(spec.timeout()) + " (the stream stopped or the sender is gone)"
                        : "the device stopped delivering (input/output error)";
                case ECONNRESET -> "the sender closed the connection";
                case ENODEV, ENOENT, ENXIO -> "the device was removed";
                default -> null;
            };
        }
        return Secrets.mask(compose(why, code, logged));
    }

    private static String compose(String why, int code, String logged) {
        if (why == null) {
            return logged != null ? FFmpeg.error(code) + ": " + logged : FFmpeg.error(code);
        }
        return logged != null && !logged.isBlank() ? why + " (FFmpeg: " + logged + ")" : why;
    }

    private static String ffmpegSays() {
        String s = FFmpegLog.takeLast();
        return s == null ? null : s.strip().replaceAll("[.]$", "");
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + " s" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
