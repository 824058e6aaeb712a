package org.lumaflow.media.ffmpeg.internal;

import java.util.function.UnaryOperator;

/**
 * What every FFmpeg log line goes through before {@link FFmpegLog} keeps or logs it. A class of its own, without
 * JavaCPP types: setting the masker (the live bundle does it when it starts, for every command) must not load
 * FFmpeg's native libraries, which initialising {@link FFmpegLog} (a JavaCPP callback) would.
 */
public final class LogMasker {

    private static volatile UnaryOperator<String> masker = UnaryOperator.identity();

    private LogMasker() {
    }

    /**
     * Sets the masker: the live side masks stream keys and passphrases that FFmpeg repeats in its messages (URLs in
     * connection errors); null for none.
     */
    public static void set(UnaryOperator<String> m) {
        masker = m == null ? UnaryOperator.identity() : m;
    }

    /** {@code text} through the masker. */
    static String apply(String text) {
        return masker.apply(text);
    }
}
