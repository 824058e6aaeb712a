package org.lumaflow.ui.internal.parts.nodes;

import java.util.List;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.timeline.Ids;

/** The node editor's edits on the selected clip's effect chain (each one undo step). */
public final class NodeCommands {

    private final Studio studio;

    public NodeCommands(Studio studio) {
        this.studio = studio;
    }

    /** The registry's current snapshot, or null when the engine is not available. */
    public NodeRegistry.Snapshot snapshot() {
        try {
            return studio.engine().registry().snapshot();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public NodeDescriptor descriptor(String type) {
        NodeRegistry.Snapshot s = snapshot();
        NodeType t = s == null ? null : s.type(type);
        return t == null ? null : t.descriptor();
    }

    /** A fresh effect id for {@code type} in {@code clip}: the type's name, then name_2, name_3... */
    public static String effectId(Clip clip, String type) {
        String base = type.substring(type.lastIndexOf('.') + 1);
        return Ids.unique(base, id -> id.equals(clip.id())
                || clip.effects().stream().anyMatch(n -> n.id().equals(id)));
    }

    /** Whether a node type can sit in an effect chain: it takes an image on its first input and is no transition. */
    public static boolean chainable(NodeDescriptor d) {
        return !d.isSource() && !(d.inputIndex("from") >= 0 && d.inputIndex("to") >= 0);
    }

    /** Index in the chain after the selected node (0 after the source, the end when nothing is selected). */
    public int indexAfterSelection(Clip clip) {
        GraphNode sel = studio.selectedNode();
        if (sel == null || sel == clip.source()) {
            return sel == null ? clip.effects().size() : 0;
        }
        int i = clip.effects().indexOf(sel);
        return i < 0 ? clip.effects().size() : i + 1;
    }

    /** Adds a node of {@code type} at {@code index} of the selected clip's chain and selects it. */
    public GraphNode add(String type, int index) {
        Clip clip = studio.selectedClip();
        if (clip == null) {
            return null;
        }
        GraphNode n = new GraphNode(effectId(clip, type), type);
        NodeRegistry.Snapshot s = snapshot();
        if (s != null && s.plugins().get(type) != null) {
            n.plugin(s.plugins().get(type));
        }
        studio.execute(Edits.addEffect(clip, Math.max(0, Math.min(index, clip.effects().size())), n));
        studio.select(clip.id(), n.id());
        return n;
    }

    /** Adds a node of {@code type} after the selected node. */
    public GraphNode addAfterSelection(String type) {
        Clip clip = studio.selectedClip();
        return clip == null ? null : add(type, indexAfterSelection(clip));
    }

    /** Removes effect {@code n} of the selected clip; the selection moves to its upstream neighbour. */
    public void remove(GraphNode n) {
        Clip clip = studio.selectedClip();
        if (clip == null || !clip.effects().contains(n)) {
            return;
        }
        int i = clip.effects().indexOf(n);
        studio.execute(Edits.removeEffect(clip, n));
        List<GraphNode> fx = clip.effects();
        studio.select(clip.id(), i > 0 && i - 1 < fx.size() ? fx.get(i - 1).id() : clip.source().id());
    }

    /** Moves effect {@code n} to chain position {@code to}; no-op when it is already there. */
    public void move(GraphNode n, int to) {
        Clip clip = studio.selectedClip();
        if (clip == null) {
            return;
        }
        int from = clip.effects().indexOf(n);
        int target = Math.max(0, Math.min(to, clip.effects().size() - 1));
        if (from < 0 || from == target) {
            return;
        }
        studio.execute(Edits.moveEffect(clip, n, target));
        studio.select(clip.id(), n.id());
    }

    /** The selected effect (not the source), or null. */
    public GraphNode selectedEffect() {
        Clip clip = studio.selectedClip();
        GraphNode n = studio.selectedNode();
        return clip != null && n != null && clip.effects().contains(n) ? n : null;
    }
}
