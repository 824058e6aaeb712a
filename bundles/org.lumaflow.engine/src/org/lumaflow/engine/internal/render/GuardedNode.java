package org.lumaflow.engine.internal.render;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.render.RenderMessage;

/**
 * Renders one third-party node on a guard worker under the extension timeout, with a context of its own reading
 * retained copies of its inputs. A call that hangs is abandoned: its frames (inputs, output, scratch) are never
 * released, so the pool cannot hand them to anyone else, and the node type is quarantined, as is one that throws
 * {@link Containment#MAX_THROWS} times in a row; later frames skip a quarantined type at once (input passed through
 * or black, with an error).
 */
final class GuardedNode {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.render");

    private final CompiledGraphImpl graph;
    /** context of guarded calls (replaced when one hangs) and its input array */
    private NodeContextImpl guardCtx;
    private Frame[] guardInputs;
    /** the node a guarded call renders, read by {@link #guardTask} on the worker */
    private CompiledNode guardNode;
    private NodeContextImpl guardNodeCtx;
    private final GuardWorker.Task guardTask = () -> guardNode.type.render(guardNodeCtx);

    GuardedNode(CompiledGraphImpl graph) {
        this.graph = graph;
    }

    /** Node {@code n} (index {@code i}) rendered: quarantine check, then render() on a guard worker. */
    Frame evaluate(CompiledNode n, int i, long time, int width, int height, double scale) {
        Containment containment = graph.containment();
        long timeoutMs = graph.timeoutMs();
        long local = n.local(time);
        String quarantined = containment.quarantined(n.type);
        if (quarantined != null) {
            return graph.substitute(n, i, local, width, height, scale, quarantined, time);
        }
        Frame out = graph.pool().lease(graph.keyFor(n));
        out.setTime(time);
        n.evaluate(local);
        NodeContextImpl g = guardCtx;
        if (g == null || guardInputs.length < n.inputs.length) {
            g = guardCtx = graph.newContext();
            guardInputs = new Frame[Math.max(4, n.inputs.length)];
            g.useInputs(guardInputs);
        }
        Frame[] in = guardInputs;
        int retained = 0;
        for (int p = 0; p < n.inputs.length; p++) {
            int src = n.inputs[p];
            in[p] = src >= 0 && graph.outputOf(src) != null ? graph.outputOf(src).retain() : null;
            retained += in[p] != null ? 1 : 0;
        }
        g.begin(n, i, time, local, width, height, scale, out);
        guardNode = n;
        guardNodeCtx = g;
        Throwable err = GuardWorker.call(guardTask, timeoutMs);
        guardNode = null;
        guardNodeCtx = null;
        if (err == GuardWorker.TIMED_OUT) {
            // the plugin's thread may still use the context and every frame it can reach: abandon them all
            g.abandon();
            guardCtx = null;
            guardInputs = null;
            int leaked = retained + 1 + g.scratchCount();
            String reason = containment.hung(n.type, n.descriptor.id(), n.plugin, timeoutMs, leaked);
            LOG.log(System.Logger.Level.ERROR, "node type " + n.descriptor.id() + " of plugin " + n.plugin + ": "
                    + reason);
            return graph.substitute(n, i, local, width, height, scale, reason, time);
        }
        if (err == null) {
            containment.succeeded(n.type);
        } else {
            // anything, stack overflows included: they happened on the worker's stack, not ours
            graph.contain(g, n, err, time);
            String reason = containment.threw(n.type, n.descriptor.id(), n.plugin, err);
            if (reason != null) {
                graph.message(RenderMessage.Severity.ERROR, n, time, reason);
            }
        }
        g.end();
        Frame result = g.result(); // a pass-through retained its input: release our copies only now
        for (int p = 0; p < n.inputs.length; p++) {
            if (in[p] != null) {
                in[p].release();
                in[p] = null;
            }
        }
        return result;
    }
}
