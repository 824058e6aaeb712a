package org.lumaflow.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.decoder.internal.FFmpegMediaService;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequential 1080p H.264 decoding through a lookahead reader, per frame: to RGBA at the clip's size (what the
 * {@code media.video} node costs a render) and unconverted 4:2:0 (the export's direct transcode path). The clip (10 s
 * of testsrc2, openh264 at 8 Mb/s) is made in setup with the embedded FFmpeg's own {@code ffmpeg}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:MaxDirectMemorySize=2g",
        "-Dlumaflow.hwdecode=off"})
public class DecodeBench {

    @Param({"rgba", "i420"})
    public String target;

    private Path clip;
    private FramePool pool;
    private VideoSource source;
    private Frame frame;
    private long tick;
    private long frameTicks;
    private long end;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", Path.of("target", "javacpp-cache").toAbsolutePath()
                    .toString());
        }
        clip = Files.createTempFile("decodebench", ".mp4");
        Process p = new ProcessBuilder(List.of(FFmpeg.commandLine().toString(), "-v", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=1920x1080:rate=30", "-t", "10", "-pix_fmt", "yuv420p", "-c:v", "libopenh264",
                "-b:v", "8M", clip.toString())).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("could not make the test clip");
        }
        pool = new FramePool();
        MediaService media = FFmpegMediaService.INSTANCE;
        if (target.equals("rgba")) {
            source = media.openVideo(clip, 1920, 1080, MediaService.Fit.FIT, pool, 3);
            frame = pool.lease(FrameKey.rgba(1920, 1080));
        } else {
            source = media.openVideoYuv(clip, PixelFormat.I420, pool, 3);
            frame = pool.lease(new FrameKey(1920, 1080, PixelFormat.I420, Usage.ENCODE));
        }
        frameTicks = FrameRate.FPS_30.ticksPerFrame();
        end = 300 * frameTicks;
    }

    @Benchmark
    public long nextFrame() throws Exception {
        long pts = source.read(tick, frame);
        tick += frameTicks;
        if (tick >= end) {
            tick = 0; // one seek back per 300 frames
        }
        return pts;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        frame.release();
        source.close();
        pool.close();
        Files.deleteIfExists(clip);
    }
}
