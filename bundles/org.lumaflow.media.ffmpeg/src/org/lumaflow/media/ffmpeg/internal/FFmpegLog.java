package org.lumaflow.media.ffmpeg.internal;

import java.lang.System.Logger.Level;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Receives FFmpeg's log instead of letting it write to stderr: error messages are kept per thread (so a failure can
 * be explained with FFmpeg's own words, e.g. "Cannot load libcuda.so.1") and sent to the platform logger at DEBUG,
 * both through the {@link LogMasker masker} (secrets hidden).
 */
public final class FFmpegLog extends LogCallback {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.media.ffmpeg");
    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    /**
     * Sets what every FFmpeg log line goes through before it is kept or logged (same as {@link LogMasker#set}, which
     * callers that must not load FFmpeg use).
     */
    public static void setMasker(java.util.function.UnaryOperator<String> m) {
        LogMasker.set(m);
    }

    @Override
    public void call(int level, BytePointer msg) {
        String text = msg == null ? "" : msg.getString().strip();
        if (text.isEmpty()) {
            return;
        }
        text = LogMasker.apply(text);
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
