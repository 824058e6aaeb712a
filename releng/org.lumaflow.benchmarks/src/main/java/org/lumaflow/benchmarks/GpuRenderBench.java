package org.lumaflow.benchmarks;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.vulkan.internal.VulkanBackend;

/**
 * GPU backend figures, whole-call wall times:
 * <ol>
 * <li>demo project render fps at 1080p and 4K, three frames in flight, RGBA read back (and NV12 read back, the export
 * path), next to the CPU backend at 1080p;</li>
 * <li>a 3-layer 4K preview (graded bars, a scaled and rotated zone plate over it at 70%, a title over both) read
 * back downscaled to 960x540, one frame at a time as a player asks for them: median and p95 latency.</li>
 * </ol>
 * <pre>java -cp benchmarks.jar org.lumaflow.benchmarks.GpuRenderBench [FRAMES] [gpu|auto]</pre>
 */
public final class GpuRenderBench {

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        String pref = args.length > 1 ? args[1] : "gpu";
        Demo demo = new Demo();
        VulkanBackend backend = new VulkanBackend();
        demo.engine.useBackend(backend);
        demo.engine.preferBackend(pref);
        System.out.println("backend: " + demo.engine.backend() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        long total = demo.frames();
        check(demo, total);
        for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
            for (PixelFormat f : new PixelFormat[] {PixelFormat.RGBA8, PixelFormat.NV12}) {
                double fps = run(demo.renderer, size, f, Math.min(frames, total), total);
                System.out.printf(Locale.ROOT, "demo %dx%d -> %s: %.1f fps%n", size[0], size[1], f, fps);
            }
        }
        demo.engine.preferBackend("cpu");
        TimelineRenderer cpu = new TimelineRenderer(demo.engine, demo.project.timeline(), null);
        System.out.printf(Locale.ROOT, "demo 1920x1080 -> RGBA8 on the CPU backend: %.1f fps%n",
                run(cpu, new int[] {1920, 1080}, PixelFormat.RGBA8, Math.min(frames, 60), total));
        demo.engine.preferBackend(pref);
        preview(demo, frames);
        backend.close();
        demo.pool.close();
    }

    /** The GPU's demo frames against the CPU backend's: largest channel difference over a few frames. */
    static void check(Demo demo, long total) throws Exception {
        TimelineRenderer gpu = demo.renderer;
        TimelineRenderer cpu = new TimelineRenderer(demo.engine, demo.project.timeline(), null);
        int worst = 0;
        for (long f = 0; f < total; f += Math.max(1, total / 6)) {
            try (RenderResult g = gpu.renderFrame(f, 1920, 1080)) {
                String pref = demo.engine.backend();
                demo.engine.preferBackend("cpu");
                try (RenderResult c = cpu.renderFrame(f, 1920, 1080)) {
                    java.nio.ByteBuffer a = g.frame().buffer();
                    java.nio.ByteBuffer b = c.frame().buffer();
                    for (int i = 0; i < 1920 * 1080 * 4; i++) {
                        worst = Math.max(worst, Math.abs((a.get(i) & 0xFF) - (b.get(i) & 0xFF)));
                    }
                } finally {
                    demo.engine.preferBackend(pref.startsWith("gpu") ? "gpu" : "auto");
                }
            }
        }
        System.out.println("demo frames 1080p, GPU vs CPU backend: max channel difference " + worst);
    }

    /** Frames per second over {@code n} frames (after 10 warm-up frames), up to inFlight() submitted ahead. */
    static double run(TimelineRenderer r, int[] size, PixelFormat f, long n, long total) throws Exception {
        long t0 = 0;
        ArrayDeque<PendingRender> flying = new ArrayDeque<>();
        int warm = 10;
        for (long k = 0; k < n + warm; k++) {
            if (k == warm) {
                while (!flying.isEmpty()) {
                    flying.poll().await().close();
                }
                t0 = System.nanoTime();
            }
            CompiledGraph g = r.graphAt(r.timeline().format().rate().frameToTicks(k % total));
            if (flying.size() >= g.inFlight()) {
                flying.poll().await().close();
            }
            flying.add(r.submitFrame(k % total, size[0], size[1], f));
        }
        while (!flying.isEmpty()) {
            flying.poll().await().close();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static void preview(Demo demo, int frames) throws Exception {
        Graph g = new Graph();
        g.add("bars", "core.smpte_bars");
        g.add("grade", "core.grade").set("saturation", 1.3).set("contrast", 1.1);
        g.add("zone", "core.zone_plate").set("frequency", 0.2).set("speed", 1.0);
        g.add("move", "core.transform").set("scale", 0.6).set("rotation", 12.0);
        g.add("mix", "core.blend").set("opacity", 0.7);
        g.add("title", "core.text").set("text", "Lumaflow 4K preview").set("size", 160.0);
        g.connect("bars", "grade", "source").connect("zone", "move", "source")
                .connect("grade", "mix", "background").connect("move", "mix", "foreground")
                .connect("mix", "title", "background").output("title");
        CompiledGraph cg = demo.engine.compile(g, null);
        int n = Math.max(60, frames);
        long[] ms = new long[n];
        for (int k = -20; k < n; k++) {
            long t0 = System.nanoTime();
            try (RenderResult r = cg.preview(k * (org.lumaflow.core.time.Ticks.PER_SECOND / 60),
                    3840, 2160, 2.0, 960, 540)) {
                if (k >= 0) {
                    ms[k] = System.nanoTime() - t0;
                }
                if (k == 0 && !r.messages().isEmpty()) {
                    System.out.println("preview messages: " + r.messages());
                }
            }
        }
        // where a frame's time goes: recording + submit (CPU), then the wait for the fence and the copy out
        long[] rec = new long[n];
        long[] wait = new long[n];
        for (int k = 0; k < n; k++) {
            long t0 = System.nanoTime();
            PendingRender p = cg.submit(k * (org.lumaflow.core.time.Ticks.PER_SECOND / 60), 3840, 2160, 2.0,
                    PixelFormat.NV12);
            long t1 = System.nanoTime();
            p.await().close();
            rec[k] = t1 - t0;
            wait[k] = System.nanoTime() - t1;
        }
        Arrays.sort(rec);
        Arrays.sort(wait);
        System.out.printf(Locale.ROOT, "3-layer 4K -> NV12, one at a time: record+submit median %.2f ms, wait+copy"
                + " median %.2f ms (p95 %.2f / %.2f)%n", rec[n / 2] / 1e6, wait[n / 2] / 1e6,
                rec[(int) (n * 0.95)] / 1e6, wait[(int) (n * 0.95)] / 1e6);
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "3-layer 4K preview -> 960x540 on %s: median %.2f ms, p95 %.2f ms, max %.2f ms"
                + " (%d frames)%n", cg.backend(), ms[n / 2] / 1e6, ms[(int) (n * 0.95)] / 1e6, ms[n - 1] / 1e6, n);
    }
}
