package org.lumaflow.live.tests.receivers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.media.ffmpeg.FFmpeg;

/** The bundled {@code ffmpeg} program listening for RTMP or SRT and copying what arrives into a file. */
public final class FfmpegListener extends Receiver {

    private FfmpegListener(List<String> command, Path dir, Path output, String name) {
        super(command, dir, output, name);
    }

    /** {@code ffmpeg -listen 1 -i rtmp://127.0.0.1:PORT/live/KEY -c copy OUT} (OUT: .flv or .mkv). */
    public static FfmpegListener rtmp(Path dir, int port, String key, String outName) {
        Path out = dir.resolve(outName);
        return new FfmpegListener(cmd("-listen", "1", "-i", "rtmp://127.0.0.1:" + port + "/live/" + key, out), dir,
                out, "ffmpeg-rtmp-" + port);
    }

    /** {@code ffmpeg -i srt://127.0.0.1:PORT?mode=listener[&passphrase=..&pbkeylen=..] -c copy OUT}. */
    public static FfmpegListener srt(Path dir, int port, String passphrase, int pbkeylen, String outName) {
        Path out = dir.resolve(outName);
        String url = "srt://127.0.0.1:" + port + "?mode=listener" + (passphrase == null ? ""
                : "&passphrase=" + passphrase + "&pbkeylen=" + pbkeylen);
        return new FfmpegListener(cmd("-i", url, out), dir, out, "ffmpeg-srt-" + port);
    }

    /** {@code ffmpeg -i srt://127.0.0.1:PORT?mode=caller -c copy OUT}: a caller for an output in listener mode. */
    public static FfmpegListener srtCaller(Path dir, int port, String outName) {
        Path out = dir.resolve(outName);
        return new FfmpegListener(cmd("-i", "srt://127.0.0.1:" + port + "?mode=caller", out), dir, out,
                "ffmpeg-srt-caller-" + port);
    }

    private static List<String> cmd(String a, String b, String c, String d, Path out) {
        List<String> l = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "info"));
        l.add(a);
        l.add(b);
        l.add(c);
        if (d != null) {
            l.add(d);
        }
        l.addAll(List.of("-c", "copy", out.toString()));
        return l;
    }

    private static List<String> cmd(String a, String b, Path out) {
        List<String> l = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "info", a, b, "-c", "copy", out.toString()));
        return l;
    }
}
