package org.lumaflow.decoder.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Test clips made on the spot with the FFmpeg build embedded in the product (its {@code ffmpeg} program), never
 * downloaded. "Counter" clips show frame N as a flat grey of luma {@code 16 + 4N}, so a decoded pixel names its frame.
 */
public final class TestClips {

    private TestClips() {
    }

    /** Runs the embedded ffmpeg with {@code args}; fails with its output on a non-zero exit. */
    public static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(FFmpeg.commandLine().toString());
        cmd.addAll(List.of("-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /** A counter clip: {@code frames} frames of {@code w x h} at {@code rate}, encoded with {@code codecArgs}. */
    public static Path counter(Path dir, String name, int w, int h, String rate, int frames, String... codecArgs)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "nullsrc=s=" + w + "x" + h + ":r=" + rate + ",format=yuv420p,geq=lum='16+4*N':cb=128:cr=128",
                "-frames:v", String.valueOf(frames)));
        args.addAll(List.of(codecArgs));
        args.add(out.toString());
        ffmpeg(args.toArray(String[]::new));
        return out;
    }

    /** Size of the {@link #numbered} clips. */
    public static final int NUMBERED_W = 64, NUMBERED_H = 16;

    /**
     * A numbered clip: frame N shows N in binary as 16 vertical bars 4 pixels wide (bit b at x = 4b..4b+3, least
     * significant first; white = 1), {@value #NUMBERED_W}x{@value #NUMBERED_H}, so frames up to 65535 name themselves.
     */
    public static Path numbered(Path dir, String name, String rate, int frames, String... codecArgs)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "nullsrc=s=" + NUMBERED_W + "x" + NUMBERED_H + ":r=" + rate
                        + ",format=yuv420p,geq=lum='16+219*mod(floor(N/pow(2,floor(X/4))),2)':cb=128:cr=128",
                "-frames:v", String.valueOf(frames)));
        args.addAll(List.of(codecArgs));
        args.add(out.toString());
        ffmpeg(args.toArray(String[]::new));
        return out;
    }

    /** The number a rendered {@link #numbered} frame (RGBA8) shows. */
    public static int number(org.lumaflow.core.pool.Frame f) {
        var px = f.buffer();
        int y = f.height() / 2;
        int n = 0;
        for (int b = 0; b < 16; b++) {
            int red = px.get((y * f.width() + (4 * b + 2) * f.width() / NUMBERED_W) * 4) & 0xFF;
            if (red > 128) {
                n |= 1 << b;
            }
        }
        return n;
    }

    /** Frame index shown by a decoded counter pixel (RGBA8, full range): inverse of the limited-range grey ramp. */
    public static int counterIndex(int red) {
        return (int) Math.round(red * 219.0 / 255.0 / 4.0);
    }

    /** Writes the first {@code fraction} of {@code src}'s bytes to {@code dst}. */
    public static Path truncate(Path src, Path dst, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(src);
        Files.write(dst, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return dst;
    }
}
