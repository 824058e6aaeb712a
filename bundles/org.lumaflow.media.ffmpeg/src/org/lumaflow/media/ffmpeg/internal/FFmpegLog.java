package org.lumaflow.media.ffmpeg.internal;

import java.lang.System.Logger.Level;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Receives FFmpeg's log instead of letting it write to stderr: error messages are kept per thread (so a failure can
 * be explained with FFmpeg's own words, e.g. "Cannot load libcuda.so.1") and sent to the platform logger at DEBUG,
 * both through the {@link #setMasker masker} (secrets hidden).
 */
public final class FFmpegLog extends LogCallback {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.media.ffmpeg");
    private static final ThreadLocal<String> LAST = new ThreadLocal<>();
    private static volatile java.util.function.UnaryOperator<String> masker = java.util.function.UnaryOperator
            .identity();

    /**
     * Sets what every FFmpeg log line goes through before it is kept or logged: the live side masks stream keys and
     * passphrases that FFmpeg repeats in its messages (URLs in connection errors).
     */
    public static void setMasker(java.util.function.UnaryOperator<String> m) {
        masker = m == null ? java.util.function.UnaryOperator.identity() : m;
    }

    @Override
    public void call(int level, BytePointer msg) {
        String text = msg == null ? "" : msg.getString().strip();
        if (text.isEmpty()) {
            return;
        }
        text = masker.apply(text);
        if (level <= avutil.AV_LOG_ERROR) {
            LAST.set(text.replaceFirst("^\\[[^\\]]*\\]\\s*", "")); // drop "[h264_nvenc @ 0x7f..] "
        }
        LOG.log(Level.DEBUG, text);
    }

    /** The last FFmpeg error logged on this thread since the previous call, or null; clears it. */
    public static String takeLast() {
        String s = LAST.get();
        LAST.remove();
        return s;
    }
}
