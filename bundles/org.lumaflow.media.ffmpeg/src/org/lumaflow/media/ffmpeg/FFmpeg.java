package org.lumaflow.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.lumaflow.media.ffmpeg.internal.CacheDirs;
import org.lumaflow.media.ffmpeg.internal.FFmpegLog;
import org.lumaflow.media.ffmpeg.internal.ProgramLauncher;

/**
 * Entry point to the embedded FFmpeg libraries. Call {@link #load()} before the first FFmpeg call: it points the
 * JavaCPP native cache at a directory the product owns (unless {@code org.bytedeco.javacpp.cachedir} is set), loads the
 * libraries (the GPL build when the optional codec pack fragment is installed, the LGPL build otherwise) and silences
 * FFmpeg's stderr logging below errors.
 */
public final class FFmpeg {

    private static final String GPL_PROBE = "org/bytedeco/ffmpeg/linux-x86_64-gpl/libavcodec.so.62";
    private static volatile boolean loaded;
    /** Kept reachable: FFmpeg calls it from native code. */
    private static FFmpegLog log;

    private FFmpeg() {
    }

    /** Loads the libraries once; later calls return at once. Thread-safe. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (FFmpeg.class) {
            if (loaded) {
                return;
            }
            CacheDirs.configureJavacpp(FFmpeg.class);
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            Loader.load(org.bytedeco.ffmpeg.global.avfilter.class);
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            log = new FFmpegLog();
            avutil.setLogCallback(log);
            loaded = true;
        }
    }

    /** Whether the GPL codec pack (x264, x265) is installed; its libraries then replace the LGPL build. */
    public static boolean codecPack() {
        return FFmpeg.class.getClassLoader().getResource(GPL_PROBE) != null;
    }

    /** {@code "FFmpeg 8.0.1 (LGPL build)"} or {@code "... (GPL codec pack)"}. */
    public static String describe() {
        load();
        return "FFmpeg " + avutil.av_version_info().getString() + (codecPack() ? " (GPL codec pack)" : " (LGPL build)");
    }

    /**
     * FFmpeg's text for {@code code}, followed by the last error FFmpeg logged on this thread if any, e.g.
     * {@code "Operation not permitted: Cannot load libcuda.so.1"}.
     */
    public static String explain(int code) {
        String logged = FFmpegLog.takeLast();
        return logged == null ? error(code) : error(code) + ": " + logged;
    }

    /** FFmpeg's text for a negative error code, e.g. {@code "Invalid data found when processing input"}. */
    public static String error(int code) {
        try (BytePointer buf = new BytePointer(256)) {
            buf.fill(0);
            avutil.av_strerror(code, buf, 256);
            String s = buf.limit(BytePointer.strlen(buf)).getString(StandardCharsets.UTF_8);
            return s.isEmpty() ? "error " + code : s;
        }
    }

    /**
     * The {@code ffmpeg} command-line program of the loaded build, unpacked into the native cache (for validation and
     * benchmarks; the product itself never runs it). The path is a small launcher beside the program that puts the
     * cache folder first on {@code LD_LIBRARY_PATH}, so the program finds the libraries that ship beside it (VA-API's
     * {@code libva.so.2} among them) on a machine that has none installed.
     */
    public static Path commandLine() {
        load();
        Path program = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        try {
            return ProgramLauncher.beside(program);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a launcher for " + program + ": " + e.getMessage(), e);
        }
    }

    /** Forgets this thread's last logged FFmpeg error (call before an operation whose failure you will explain). */
    public static void clearLog() {
        FFmpegLog.takeLast();
    }
}
