package org.lumaflow.engine.internal.render;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.engine.internal.registry.Containment;

/**
 * A fused pass with third-party members, run on a guard worker under the extension timeout (prepare and the pass
 * itself): the pass reads retained copies of its inputs, so a pass that hangs can be abandoned with every frame it
 * can reach (never released, never reused) while the render goes on. Its third-party types are then quarantined and
 * the group is rendered node by node, where a quarantined node is replaced by its input (or black).
 */
final class GuardedPass {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.render");

    private final CompiledGraphImpl graph;
    private final FusedPass fused;
    private NodeContextImpl ctx;
    private Frame[] inputs = new Frame[4];
    private int[][] contents = new int[4][];
    private int forwarded;

    GuardedPass(CompiledGraphImpl graph, CompiledNode[] nodes) {
        this.graph = graph;
        this.fused = new FusedPass(nodes);
    }

    /**
     * Runs group {@code g}; returns its output, or null when the caller must render it node by node (a member is
     * quarantined, failed or hung: the node-by-node render reports it).
     */
    Frame run(FusedGroup g, long time, int w, int h, double scale, FrameKey yuvKey, FrameKey key) {
        Containment containment = graph.containment();
        for (int m : g.members) {
            CompiledNode n = graph.node(m);
            if (n.guarded && containment.quarantined(n.type) != null) {
                return null;
            }
        }
        if (ctx == null) {
            ctx = graph.newContext();
        }
        NodeContextImpl c = ctx;
        int e = g.externals.length;
        if (inputs.length < e) {
            inputs = new Frame[e];
        }
        Frame[] in = inputs;
        if (contents.length < e) {
            contents = new int[e][];
        }
        int[][] content = contents; // row ranges of kept static outputs (immutable arrays), or null
        for (int k = 0; k < e; k++) {
            in[k] = graph.outputOf(g.externals[k]).retain();
            content[k] = graph.contentRows(g.externals[k]);
        }
        Frame out = graph.pool().lease(key);
        out.setTime(time);
        forwarded = -1;
        Throwable err = GuardWorker.call(() -> {
            Throwable t = fused.prepare(g, c, time, w, h, scale);
            if (t != null) {
                throw t instanceof Exception ex ? ex : new IllegalStateException(t);
            }
            int fwd = fused.forwardedExternal(g);
            if (fwd >= 0 && yuvKey == null) {
                forwarded = fwd;
                return;
            }
            fused.run(g, in, content, out);
        }, graph.timeoutMs());
        if (err == GuardWorker.TIMED_OUT) {
            // the plugin's thread may still use the context, the inputs and the output: abandon them all
            c.abandon();
            ctx = null;
            inputs = new Frame[Math.max(4, e)];
            for (int m : g.members) {
                CompiledNode n = graph.node(m);
                if (n.guarded) {
                    String reason = containment.hung(n.type, n.descriptor.id(), n.plugin, graph.timeoutMs(), e + 1);
                    LOG.log(System.Logger.Level.ERROR, "node type " + n.descriptor.id() + " of plugin " + n.plugin
                            + " (fused pass): " + reason);
                }
            }
            return null;
        }
        for (int k = 0; k < e; k++) {
            in[k].release();
            in[k] = null;
        }
        if (err != null) {
            out.release();
            return null;
        }
        for (int m : g.members) {
            CompiledNode n = graph.node(m);
            if (n.guarded) {
                containment.succeeded(n.type);
            }
        }
        if (forwarded >= 0) {
            out.release();
            return graph.outputOf(g.externals[forwarded]).retain();
        }
        return out;
    }
}
