package org.lumaflow.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.internal.nodes.BuiltinNodes;
import org.lumaflow.engine.internal.registry.NodeRegistryImpl;
import org.lumaflow.engine.internal.render.CpuEngine;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.TimelineRenderer;

/**
 * Heap bytes allocated per frame, attributed to each node type (all threads, measured around each node's render),
 * and time per frame, plus the engine's own share. Diagnostic companion of {@link PoolReport}.
 * Arguments: {@code [WxH] [project]} (default 1280x720, the bundled demo).
 */
public final class AllocProbe {

    private AllocProbe() {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Map<String, long[]> BY_NODE = new TreeMap<>();

    static long allocated() {
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    /** Measures the wrapped type's renders. */
    record Probe(NodeType inner) implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return inner.descriptor();
        }

        @Override
        public void render(NodeContext ctx) throws Exception {
            long a = allocated();
            long t = System.nanoTime();
            inner.render(ctx);
            t = System.nanoTime() - t;
            long d = allocated() - a;
            long[] acc = BY_NODE.computeIfAbsent(inner.descriptor().id(), k -> new long[2]);
            acc[0] += d;
            acc[1] += t;
        }
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        NodeRegistryImpl registry = new NodeRegistryImpl();
        for (NodeType t : BuiltinNodes.all()) {
            registry.register(new Probe(t), "org.lumaflow.engine", 0);
        }
        CpuEngine engine = new CpuEngine(registry, new FramePool());
        Project project;
        if (args.length > 1) {
            project = ProjectIO.load(Path.of(args[1]));
        } else {
            try (InputStream in = AllocProbe.class.getResourceAsStream("/demo/demo.lumaflow")) {
                project = ProjectIO.load(in, Path.of("demo.lumaflow"));
            }
        }
        TimelineRenderer r = new TimelineRenderer(engine, project.timeline(), null);
        long n = project.timeline().frameCount();
        int w = args.length > 0 ? Integer.parseInt(args[0].split("x")[0]) : 1280;
        int h = args.length > 0 ? Integer.parseInt(args[0].split("x")[1]) : 720;
        for (int pass = 0; pass < 2; pass++) {
            for (long f = 0; f < n; f++) {
                r.renderFrame(f, w, h).close();
            }
        }
        BY_NODE.clear();
        long t0 = allocated();
        for (long f = 0; f < n; f++) {
            r.renderFrame(f, w, h).close();
        }
        long total = allocated() - t0;
        long nodes = 0;
        for (var e : BY_NODE.entrySet()) {
            nodes += e.getValue()[0];
            System.out.printf(Locale.ROOT, "%-20s %10.0f bytes/frame %8.2f ms/frame%n", e.getKey(),
                    (double) e.getValue()[0] / n, e.getValue()[1] / 1e6 / n);
        }
        System.out.printf(Locale.ROOT, "%-20s %10.0f bytes/frame (incl. probe overhead)%n", "engine+probe",
                (double) (total - nodes) / n);
        System.out.printf(Locale.ROOT, "%-20s %10.0f bytes/frame%n", "total", (double) total / n);
        System.exit(0);
    }
}
