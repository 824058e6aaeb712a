package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lumaflow.engine.render.Engine;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.testsupport.OsgiTests;

/**
 * Services and test clips. Clips are made on the spot from {@code data/messi5.jpg} (one face) with the embedded
 * {@code ffmpeg} program: pans and zooms at 60 fps, and a clip with a scene cut.
 */
final class Support {

    static final int W = 640;
    static final int H = 360;

    private Support() {
    }

    /** Starts the Lumaflow bundles and returns the service {@code type}. */
    static <T> T service(Class<T> type) throws Exception {
        return OsgiTests.service(OsgiTests.startAll(Support.class), type);
    }

    /** Waits until the engine's registry knows {@code typeId}. */
    static void awaitNode(Engine engine, String typeId) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.registry().snapshot().type(typeId) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertNotNull(engine.registry().snapshot().type(typeId), typeId);
    }

    /** The face photo, copied into {@code dir}. */
    static Path photo(Path dir) throws IOException {
        Path p = dir.resolve("messi5.jpg");
        if (!Files.exists(p)) {
            try (InputStream in = Support.class.getResourceAsStream("/data/messi5.jpg")) {
                assertNotNull(in, "data/messi5.jpg in the test fragment");
                Files.copy(in, p);
            }
        }
        return p;
    }

    /**
     * A 640x360, 60 fps clip of {@code seconds} made from the photo by {@code filter} (an FFmpeg filter chain whose
     * {@code t} is the time in seconds), MPEG-4 part 2 at high quality.
     */
    static Path clip(Path dir, String name, double seconds, String filter) throws Exception {
        Path out = dir.resolve(name);
        if (!Files.exists(out)) {
            ffmpeg("-framerate", "60", "-loop", "1", "-i", photo(dir).toString(), "-t", String.valueOf(seconds),
                    "-vf", filter + ",format=yuv420p", "-r", "60", "-c:v", "mpeg4", "-q:v", "2", out.toString());
        }
        return out;
    }

    /** The photo at twice its size (1096x684), a 640x360 window panning right and down over {@code seconds}. */
    static Path pan(Path dir, double seconds) throws Exception {
        return clip(dir, "pan.mp4", seconds,
                "scale=1096:684,crop=" + W + ":" + H + ":x='60+260*t/" + seconds + "':y='40+120*t/" + seconds + "'");
    }

    /** A zoom from 1.6x to 2.8x around the face (faces grow from ~62 to ~109 px). */
    static Path zoom(Path dir, double seconds) throws Exception {
        String s = "(1.6+1.2*t/" + seconds + ")";
        return clip(dir, "zoom.mp4", seconds, "scale=w='2*trunc(274*" + s + ")':h='2*trunc(171*" + s
                + ")':eval=frame,crop=" + W + ":" + H + ":x='max(0,min(iw-" + W + ",245*" + s + "-380))':y='max(0,"
                + "min(ih-" + H + ",112*" + s + "-170))'");
    }

    /** One second of a slow pan, then a cut to the mirrored photo (the face jumps to the other side) for a second. */
    static Path cut(Path dir) throws Exception {
        Path out = dir.resolve("cut.mp4");
        if (!Files.exists(out)) {
            String p = photo(dir).toString();
            ffmpeg("-framerate", "60", "-loop", "1", "-t", "1", "-i", p, "-framerate", "60", "-loop", "1", "-t", "1",
                    "-i", p, "-filter_complex",
                    "[0:v]scale=1096:684,crop=" + W + ":" + H + ":x='100+40*t':y=60,setsar=1[a];"
                            + "[1:v]hflip,scale=1096:684,crop=" + W + ":" + H + ":x=420:y=40,setsar=1[b];"
                            + "[a][b]concat=n=2:v=1,format=yuv420p[v]",
                    "-map", "[v]", "-r", "60", "-c:v", "mpeg4", "-q:v", "2", out.toString());
        }
        return out;
    }

    /** Runs the embedded ffmpeg with {@code args}; fails with its output on a non-zero exit. */
    static void ffmpeg(String... args) throws IOException, InterruptedException {
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
}
