package org.lumaflow.cluster.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.export.segment.SegmentPlan;

/**
 * What a worker checks before it encodes a segment: the plan's folders and every media file the project reads lie
 * under its media roots, and every node type the project uses is installed (else the error names the plugin).
 */
public final class ProjectCheck {

    private ProjectCheck() {
    }

    /**
     * Checks {@code plan} (already mapped to this worker's paths).
     *
     * @throws MediaRoots.Refusal naming the path or plugin
     */
    public static void check(SegmentPlan plan, MediaRoots roots, NodeRegistry registry) throws MediaRoots.Refusal {
        roots.check(plan.workDir(), "work folder");
        roots.check(plan.project(), "project");
        for (org.lumaflow.export.segment.Segment s : plan.segments()) {
            roots.check(plan.workDir().resolve(s.file()), "segment file");
        }
        Project p;
        try {
            p = ProjectIO.load(plan.project());
        } catch (ProjectException e) {
            throw new MediaRoots.Refusal(e.getMessage());
        }
        NodeRegistry.Snapshot snap = registry.snapshot();
        for (GraphNode n : nodes(p)) {
            NodeType t = snap.type(n.type());
            if (t == null) {
                String plugin = n.plugin() != null ? n.plugin() : NodeDescriptor.namespaceOf(n.type());
                throw new MediaRoots.Refusal("project " + plan.project() + " uses node type '" + n.type()
                        + "' of plugin " + plugin + ", which this worker does not have (install " + plugin
                        + " on every worker)");
            }
            for (Map.Entry<String, Object> e : n.params().entrySet()) {
                ParamSpec spec = t.descriptor().param(e.getKey());
                if (spec != null && spec.type() == ParamType.FILE && e.getValue() instanceof String s && !s.isBlank()) {
                    Path f = Path.of(s);
                    // what the encoder reads: absolute paths as they are (same paths on every node), relative ones
                    // against the (mapped) project folder
                    Path local = f.isAbsolute() ? f : plan.baseDir().resolve(s).normalize();
                    roots.check(local, "media file");
                }
            }
        }
    }

    /** Every node of the project's timeline: clip sources, effects and transitions. */
    static List<GraphNode> nodes(Project p) {
        List<GraphNode> out = new ArrayList<>();
        for (Track tr : p.timeline().tracks()) {
            for (Clip c : tr.clips()) {
                out.add(c.source());
                out.addAll(c.effects());
            }
            for (Transition x : tr.transitions()) {
                if (x.node() != null) {
                    out.add(x.node());
                }
            }
        }
        return out;
    }
}
