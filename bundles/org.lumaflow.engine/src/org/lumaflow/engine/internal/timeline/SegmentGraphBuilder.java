package org.lumaflow.engine.internal.timeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/**
 * Builds the render graph of the timeline segment that contains time {@code t}: an opaque black background, then
 * each enabled video track's active (enabled) clip (source and effect chain, or a transition joining two overlapping clips) blended
 * over it with the track's mode and opacity. A clip with a speed change gets a time-mapped source
 * ({@link RetimeChain}); its effects keep clip time.
 */
public final class SegmentGraphBuilder {

    /** Node type ids the timeline uses. */
    public static final String SOLID = "core.solid";
    /** Source type of audio-only clips: heard, not seen. */
    public static final String AUDIO_ONLY = "media.audio";
    /** Blend node type used to stack tracks. */
    public static final String BLEND = "core.blend";
    /** Mix node of frame blending (speed changes). */
    public static final String DISSOLVE = "core.dissolve";

    private SegmentGraphBuilder() {
    }

    /** The graph for the segment containing {@code t} (frame blending on the timeline's grid: no files probed). */
    public static Graph build(Timeline timeline, long t, NodeRegistry.Snapshot types) {
        return build(timeline, t, types, null);
    }

    /**
     * The graph for the segment containing {@code t}; {@code baseDir} resolves source files whose frame rate frame
     * blending needs ({@link RetimeChain}).
     */
    public static Graph build(Timeline timeline, long t, NodeRegistry.Snapshot types, Path baseDir) {
        long frameTicks = timeline.format().rate().frameToTicks(1);
        Graph g = new Graph();
        String below = g.add("background", SOLID).set("color", Color.BLACK).id();
        int trackIndex = 0;
        for (Track track : timeline.tracks()) {
            trackIndex++;
            if (!track.enabled() || track.kind() == Track.Kind.AUDIO) {
                continue;
            }
            List<Clip> active = new ArrayList<>();
            for (Clip c : track.clips()) {
                if (c.enabled() && c.covers(t) && !AUDIO_ONLY.equals(c.source().type())) {
                    active.add(c);
                }
            }
            if (active.isEmpty()) {
                continue;
            }
            active.sort((a, b) -> Long.compare(a.start(), b.start()));
            String top;
            if (active.size() == 1) {
                top = chain(g, active.get(0), types, frameTicks, baseDir);
            } else {
                Clip a = active.get(0);
                Clip b = active.get(1);
                Transition tr = track.transition(a.id(), b.id());
                String fromId = chain(g, a, types, frameTicks, baseDir);
                String toId = chain(g, b, types, frameTicks, baseDir);
                if (tr == null) {
                    top = toId; // validation reports this; render the later clip
                } else {
                    GraphNode tn = g.add(tr.node().copy("transition:" + a.id() + ">" + b.id()).timeOffset(0));
                    long t0 = b.start();
                    long t1 = a.end();
                    tn.set("progress", new Animation(List.of(Keyframe.of(t0, 0, Interpolation.LINEAR),
                            Keyframe.of(t1, 1, Interpolation.LINEAR))));
                    g.connect(fromId, tn.id(), "from").connect(toId, tn.id(), "to");
                    top = tn.id();
                }
            }
            GraphNode blend = g.add("track" + trackIndex + ":" + track.name(), BLEND)
                    .set("mode", track.blendMode()).set("opacity", track.opacity());
            g.connect(below, blend.id(), "background").connect(top, blend.id(), "foreground");
            below = blend.id();
        }
        g.output(below);
        return g;
    }

    private static String chain(Graph g, Clip c, NodeRegistry.Snapshot types, long frameTicks, Path baseDir) {
        long offset = c.start() - c.in();
        Retime rt = c.retime();
        String prev = rt.isNormal() && rt.frames() != Retime.Frames.BLEND
                ? g.add(clipLength(c.source().copy(c.id()).timeOffset(offset), c, types)).id()
                : RetimeChain.source(g, c, frameTicks, types, baseDir);
        for (GraphNode fx : c.effects()) {
            GraphNode n = g.add(fx.copy(c.id() + "/" + fx.id()).timeOffset(offset));
            g.connect(prev, n.id(), firstInput(fx.type(), types));
            prev = n.id();
        }
        return prev;
    }

    /**
     * A source that declares a {@code duration} parameter in seconds (a title's out-animation ends there) and was not
     * given one gets its clip's end in its own time ({@code in + duration}), so a title fades out where its clip ends.
     */
    private static GraphNode clipLength(GraphNode src, Clip c, NodeRegistry.Snapshot types) {
        Object set = src.params().get("duration");
        if (set instanceof Number n && n.doubleValue() > 0) {
            return src;
        }
        NodeType nt = types.type(src.type());
        if (nt == null) {
            return src;
        }
        try {
            for (org.lumaflow.engine.graph.ParamSpec p : nt.descriptor().params()) {
                if (p.name().equals("duration") && "s".equals(p.unit())) {
                    src.set("duration", (c.in() + c.duration()) / (double) org.lumaflow.core.time.Ticks.PER_SECOND);
                }
            }
        } catch (RuntimeException e) {
            // compile reports the broken type
        }
        return src;
    }

    /** Effects take the chain on their first input port ("source" when the type is unknown: compile reports it). */
    private static String firstInput(String type, NodeRegistry.Snapshot types) {
        NodeType nt = types.type(type);
        if (nt != null) {
            try {
                NodeDescriptor d = nt.descriptor();
                if (!d.inputs().isEmpty()) {
                    return d.inputs().get(0).name();
                }
            } catch (RuntimeException e) {
                // compile will report the broken type
            }
        }
        return "source";
    }
}
