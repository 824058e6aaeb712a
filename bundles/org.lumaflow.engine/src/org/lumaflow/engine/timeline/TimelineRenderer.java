package org.lumaflow.engine.timeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.internal.timeline.SegmentGraphBuilder;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;

/**
 * Renders a timeline frame by frame. The timeline is cut into segments at every clip start and end; within a segment
 * the set of active clips, and so the graph's structure, is constant, so each segment's graph is compiled once and
 * reused until the timeline is edited ({@link Timeline#touch()}) or node types are (un)registered.
 * Not thread-safe: use one renderer per rendering thread.
 */
public final class TimelineRenderer {

    private final Engine engine;
    private final Timeline timeline;
    private final Path baseDir;
    private final Map<Integer, CompiledGraph> cache = new HashMap<>();
    private long[] cuts = new long[0];
    private long revision = -1;
    private long generation = -1;
    private int compiles;

    /** A renderer for {@code timeline}; FILE parameters resolve against {@code baseDir}. */
    public TimelineRenderer(Engine engine, Timeline timeline, Path baseDir) {
        this.engine = engine;
        this.timeline = timeline;
        this.baseDir = baseDir;
    }

    /** The timeline. */
    public Timeline timeline() {
        return timeline;
    }

    /** Renders timeline time {@code time} (ticks) at {@code width} x {@code height}. */
    public RenderResult render(long time, int width, int height) throws GraphException {
        CompiledGraph g = graphAt(time);
        double scale = (double) width / timeline.format().width();
        return g.render(time, width, height, scale);
    }

    /** Renders frame {@code frame} (at the project rate) at {@code width} x {@code height}. */
    public RenderResult renderFrame(long frame, int width, int height) throws GraphException {
        return render(timeline.format().rate().frameToTicks(frame), width, height);
    }

    /**
     * Starts rendering frame {@code frame} converted to {@code format} (see {@link CompiledGraph#submit}); await the
     * result. Fails at once for formats the backend cannot deliver ({@link CompiledGraph#delivers}).
     */
    public PendingRender submitFrame(long frame, int width, int height, PixelFormat format) throws GraphException {
        long time = timeline.format().rate().frameToTicks(frame);
        CompiledGraph g = graphAt(time);
        return g.submit(time, width, height, (double) width / timeline.format().width(), format);
    }

    /** Renders frame {@code frame} at {@code width} x {@code height} read back at {@code outWidth} x {@code outHeight}. */
    public RenderResult previewFrame(long frame, int width, int height, int outWidth, int outHeight)
            throws GraphException {
        long time = timeline.format().rate().frameToTicks(frame);
        return graphAt(time).preview(time, width, height, (double) width / timeline.format().width(), outWidth,
                outHeight);
    }

    /** The compiled graph used at {@code time} (compiled on first use of its segment). */
    public CompiledGraph graphAt(long time) throws GraphException {
        NodeRegistry.Snapshot snapshot = engine.registry().snapshot();
        long gen = snapshot.generation();
        if (revision != timeline.revision() || generation != gen) {
            cache.clear();
            cuts = cuts();
            revision = timeline.revision();
            generation = gen;
        }
        int seg = segment(time);
        CompiledGraph g = cache.get(seg);
        if (g == null) {
            long t0 = seg == 0 ? Long.MIN_VALUE : cuts[seg - 1];
            Graph graph = SegmentGraphBuilder.build(timeline, t0 == Long.MIN_VALUE ? time : t0, snapshot, baseDir);
            g = engine.compile(graph, baseDir);
            compiles++;
            cache.put(seg, g);
        }
        return g;
    }

    /** How many segment graphs were compiled so far (for tests and statistics). */
    public int compileCount() {
        return compiles;
    }

    private int segment(long time) {
        int i = Arrays.binarySearch(cuts, time);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private long[] cuts() {
        TreeSet<Long> set = new TreeSet<>();
        for (Track t : timeline.tracks()) {
            for (Clip c : t.clips()) {
                set.add(c.start());
                set.add(c.end());
            }
        }
        long[] out = new long[set.size()];
        int i = 0;
        for (long v : set) {
            out[i++] = v;
        }
        return out;
    }
}
