package org.lumaflow.live.internal.compose;

import java.util.List;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.live.Layout;

/**
 * Builds the live composition graph from the engine's nodes: {@code live.source} per video source, placed by
 * {@code core.transform}, bordered by a transformed {@code core.solid}, layered with {@code core.blend}, followed by
 * the effects chain. Positions and sizes are fractions of the output size, so the same compiled graph renders at a
 * lowered render size (quality steps) with everything in proportion.
 */
public final class LayoutGraphs {

    /** Colour of the picture-in-picture border. */
    public static final Color BORDER = Color.WHITE;
    /** Id of the node holding the composed picture before effects. */
    public static final String PROGRAM = "program";

    private LayoutGraphs() {
    }

    /** How many video sources {@code layout} shows. */
    public static int videoSourcesNeeded(Layout layout) {
        return layout.kind() == Layout.Kind.FULL ? 1 : 2;
    }

    /**
     * The graph for {@code layout} over {@code session}'s slots at output size {@code width x height}; the effects
     * (may be empty) take the composed picture on their first input, in order.
     */
    public static Graph build(Layout layout, String session, int width, int height, List<GraphNode> effects,
            NodeRegistry.Snapshot types) {
        Graph g = new Graph();
        String top = switch (layout.kind()) {
            case FULL -> source(g, session, 0, "src0");
            case PIP -> pip(g, layout, session, width, height);
            case SIDE -> side(g, session);
        };
        // a named pass-through point before the effects (an identity transform adopts its input: no copy)
        g.add(PROGRAM, "core.transform");
        g.connect(top, PROGRAM, "source");
        String prev = PROGRAM;
        for (GraphNode fx : effects) {
            GraphNode n = g.add(fx.copy("fx/" + fx.id()));
            g.connect(prev, n.id(), firstInput(fx.type(), types));
            prev = n.id();
        }
        return g.output(prev);
    }

    private static String source(Graph g, String session, int slot, String id) {
        g.add(id, LiveSourceNode.TYPE).set("session", session).set("slot", slot).set("fit", "fit")
                .set("background", Color.BLACK);
        return id;
    }

    private static String pip(Graph g, Layout l, String session, int width, int height) {
        String base = source(g, session, 0, "src0");
        source(g, session, 1, "src1");
        g.add("inset", "core.transform").set("scale", l.size()).set("position", new Point2(l.x(), l.y()));
        g.connect("src1", "inset", "source");
        String under = base;
        if (l.border() > 0) {
            g.add("border_fill", "core.solid").set("color", BORDER);
            g.add("border", "core.transform")
                    .set("scale_x", (l.size() * width + 2.0 * l.border()) / width)
                    .set("scale_y", (l.size() * height + 2.0 * l.border()) / height)
                    .set("position", new Point2(l.x(), l.y()));
            g.connect("border_fill", "border", "source");
            g.add("with_border", "core.blend");
            g.connect(base, "with_border", "background").connect("border", "with_border", "foreground");
            under = "with_border";
        }
        g.add("pip", "core.blend");
        g.connect(under, "pip", "background").connect("inset", "pip", "foreground");
        return "pip";
    }

    private static String side(Graph g, String session) {
        g.add("black", "core.solid").set("color", Color.BLACK);
        source(g, session, 0, "src0");
        source(g, session, 1, "src1");
        g.add("left", "core.transform").set("scale", 0.5).set("position", new Point2(0.25, 0.5));
        g.add("right", "core.transform").set("scale", 0.5).set("position", new Point2(0.75, 0.5));
        g.connect("src0", "left", "source").connect("src1", "right", "source");
        g.add("side_l", "core.blend");
        g.connect("black", "side_l", "background").connect("left", "side_l", "foreground");
        g.add("side", "core.blend");
        g.connect("side_l", "side", "background").connect("right", "side", "foreground");
        return "side";
    }

    /** The first input port of {@code type} ({@code source} when unknown: compiling reports the unknown type). */
    private static String firstInput(String type, NodeRegistry.Snapshot types) {
        NodeType nt = types == null ? null : types.type(type);
        if (nt != null) {
            try {
                NodeDescriptor d = nt.descriptor();
                if (!d.inputs().isEmpty()) {
                    return d.inputs().get(0).name();
                }
            } catch (RuntimeException e) {
                // compile reports the broken type
            }
        }
        return "source";
    }
}
