package org.lumaflow.engine.internal.render;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.engine.graph.PortType;

/** Runs the fused groups of one compiled graph (renders are serialized by the graph). */
final class FusedRunner {

    private final CompiledGraphImpl graph;
    private final CompiledNode[] nodes;
    private final FusedPass fused;
    /** fused passes with third-party members (made on first use) */
    private GuardedPass guardedPass;
    /** external input frames of the fused pass being run */
    private Frame[] fusedInputs = new Frame[4];
    /** their content rows where static (see {@link FusedPass#run}) */
    private int[][] fusedContent = new int[4][];

    FusedRunner(CompiledGraphImpl graph, CompiledNode[] nodes) {
        this.graph = graph;
        this.nodes = nodes;
        this.fused = new FusedPass(nodes);
    }

    /**
     * Runs node {@code i}'s fused group; a failure renders the group node by node instead, contained as usual. A group
     * with a third-party member runs (prepare and pass) on a guard worker under the extension timeout: a pass that
     * hangs is abandoned with every frame it can reach, and its third-party types are quarantined.
     */
    Frame run(FusedGroup g, long time, int width, int height, double scale, FrameKey yuvKey) {
        CompiledNode root = nodes[g.root()];
        boolean mask = root.outputType() == PortType.MASK;
        FrameKey key = yuvKey != null && !mask ? yuvKey : graph.keyFor(root);
        if (g.guarded) {
            if (guardedPass == null) {
                guardedPass = new GuardedPass(graph, nodes);
            }
            Frame out = guardedPass.run(g, time, width, height, scale, yuvKey, key);
            return out != null ? out : nodeByNode(g, time, width, height, scale);
        }
        Throwable failed = fused.prepare(g, graph.context(), time, width, height, scale);
        if (failed == null) {
            int forwarded = fused.forwardedExternal(g);
            if (forwarded >= 0 && yuvKey == null) {
                return graph.outputOf(g.externals[forwarded]).retain();
            }
            int e = g.externals.length;
            if (fusedInputs.length < e) {
                fusedInputs = new Frame[e];
                fusedContent = new int[e][];
            }
            for (int k = 0; k < e; k++) {
                fusedInputs[k] = graph.outputOf(g.externals[k]);
                fusedContent[k] = graph.contentRows(g.externals[k]);
            }
            Frame out = graph.pool().lease(key);
            out.setTime(time);
            try {
                fused.run(g, fusedInputs, fusedContent, out);
                return out;
            } catch (RuntimeException | Error t) {
                if (t instanceof VirtualMachineError v && !(v instanceof OutOfMemoryError)) {
                    throw v;
                }
                out.release();
            } finally {
                java.util.Arrays.fill(fusedInputs, 0, e, null);
                java.util.Arrays.fill(fusedContent, 0, e, null);
            }
        }
        return nodeByNode(g, time, width, height, scale);
    }

    /** The group's members rendered one by one, each contained (a failing node is reported there). */
    private Frame nodeByNode(FusedGroup g, long time, int width, int height, double scale) {
        int[] members = g.members;
        int last = members.length - 1;
        for (int k = 0; k <= last; k++) {
            graph.setOutput(members[k], graph.evaluate(members[k], time, width, height, scale));
        }
        Frame result = graph.outputOf(members[last]);
        graph.setOutput(members[last], null);
        for (int k = 0; k < last; k++) {
            graph.outputOf(members[k]).release();
            graph.setOutput(members[k], null);
        }
        return result;
    }
}
