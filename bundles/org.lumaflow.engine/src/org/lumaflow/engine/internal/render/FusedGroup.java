package org.lumaflow.engine.internal.render;

import java.util.ArrayList;
import java.util.List;

import org.lumaflow.engine.graph.NodeKind;
import org.lumaflow.engine.graph.PixelFunction;
import org.lumaflow.engine.graph.PixelNode;
import org.lumaflow.engine.graph.PortType;

/**
 * A tree of per-pixel nodes evaluated in one pass (see {@link FusedPass}): the root's output is the only frame it
 * writes; the other members are inlined, their pixels living in per-thread rows. Inputs from outside the group
 * ("externals": frames of other nodes) are read row by row.
 * <p>
 * Row slots: {@code 0 .. externals-1} hold the external inputs' rows, {@code externals + k} member {@code k}'s.
 */
final class FusedGroup {

    /** Members' node indices in evaluation order; the root is last. */
    final int[] members;
    /** Node index of each external input. */
    final int[] externals;
    /** Whether each external input is a MASK (GRAY8) frame. */
    final boolean[] externalMask;
    /** Per member, per input port: the row slot it reads, or -1 when unconnected. */
    final int[][] inputSlots;
    /** Per member: whether it outputs a MASK. */
    final boolean[] memberMask;
    /** Producer node index of every edge entering the group from outside (one entry per edge). */
    final int[] externalEdges;

    /** Whether a member is a third-party node: the pass then runs on a guard worker under the timeout. */
    final boolean guarded;

    /** This frame's functions, per member (set by {@link FusedPass#prepare}). */
    final PixelFunction[] functions;
    /** This frame's slot per member after pass-throughs are resolved. */
    final int[] resolved;
    /**
     * This frame's {@link PixelFunction#clearRowPassesThrough} per member and input port: the port whose row is the
     * member's output where that input's row is fully transparent, or -1.
     */
    final int[][] clearThrough;
    /**
     * This frame, per external input: whether every member reading it passes another input through where its row is
     * clear, so a clear row of it need not be read at all.
     */
    final boolean[] skippable;

    private FusedGroup(int[] members, int[] externals, boolean[] externalMask, int[][] inputSlots,
            boolean[] memberMask, int[] externalEdges, boolean guarded) {
        this.guarded = guarded;
        this.members = members;
        this.externals = externals;
        this.externalMask = externalMask;
        this.inputSlots = inputSlots;
        this.memberMask = memberMask;
        this.externalEdges = externalEdges;
        this.functions = new PixelFunction[members.length];
        this.resolved = new int[members.length];
        this.skippable = new boolean[externals.length];
        this.clearThrough = new int[members.length][];
        for (int k = 0; k < members.length; k++) {
            clearThrough[k] = new int[inputSlots[k].length];
        }
    }

    int slots() {
        return externals.length + members.length;
    }

    int root() {
        return members[members.length - 1];
    }

    /** Whether node {@code n} may run inside a fused pass. */
    static boolean fusable(CompiledNode n) {
        return n.type instanceof PixelNode && n.descriptor.kind() != NodeKind.NEIGHBOURHOOD;
    }

    /**
     * Plans the groups of {@code nodes} (evaluation order, output last): a fusable node with a single consumer that is
     * itself fusable is inlined into that consumer's group. Returns, per node, its group when it is a group's root,
     * else null; {@code inlined[i]} is set for members evaluated inside another node's pass.
     */
    static FusedGroup[] plan(CompiledNode[] nodes, boolean[] inlined) {
        int count = nodes.length;
        boolean[] fusable = new boolean[count];
        for (int i = 0; i < count; i++) {
            fusable[i] = fusable(nodes[i]);
        }
        int[] consumer = new int[count];
        java.util.Arrays.fill(consumer, -1);
        for (int i = 0; i < count; i++) {
            for (int src : nodes[i].inputs) {
                if (src >= 0) {
                    consumer[src] = i;
                }
            }
        }
        for (int i = 0; i < count - 1; i++) {
            int c = consumer[i];
            inlined[i] = fusable[i] && nodes[i].consumers == 1 && c >= 0 && fusable[c];
        }
        FusedGroup[] groups = new FusedGroup[count];
        for (int r = 0; r < count; r++) {
            if (fusable[r] && !inlined[r]) {
                groups[r] = build(nodes, inlined, r);
            }
        }
        return groups;
    }

    private static FusedGroup build(CompiledNode[] nodes, boolean[] inlined, int root) {
        List<Integer> members = new ArrayList<>();
        collect(nodes, inlined, root, members);
        members.sort(Integer::compare); // evaluation order
        List<Integer> externals = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        for (int m : members) {
            for (int src : nodes[m].inputs) {
                if (src >= 0 && !members.contains(src)) {
                    edges.add(src);
                    if (!externals.contains(src)) {
                        externals.add(src);
                    }
                }
            }
        }
        int e = externals.size();
        int[][] slots = new int[members.size()][];
        boolean[] memberMask = new boolean[members.size()];
        for (int k = 0; k < members.size(); k++) {
            CompiledNode n = nodes[members.get(k)];
            memberMask[k] = n.outputType() == PortType.MASK;
            slots[k] = new int[n.inputs.length];
            for (int p = 0; p < n.inputs.length; p++) {
                int src = n.inputs[p];
                slots[k][p] = src < 0 ? -1 : members.contains(src) ? e + members.indexOf(src) : externals.indexOf(src);
            }
        }
        boolean[] extMask = new boolean[e];
        for (int k = 0; k < e; k++) {
            extMask[k] = nodes[externals.get(k)].outputType() == PortType.MASK;
        }
        return new FusedGroup(members.stream().mapToInt(Integer::intValue).toArray(),
                externals.stream().mapToInt(Integer::intValue).toArray(), extMask, slots, memberMask,
                edges.stream().mapToInt(Integer::intValue).toArray(),
                members.stream().anyMatch(m -> nodes[m].guarded));
    }

    private static void collect(CompiledNode[] nodes, boolean[] inlined, int i, List<Integer> out) {
        out.add(i);
        for (int src : nodes[i].inputs) {
            if (src >= 0 && inlined[src] && !out.contains(src)) {
                collect(nodes, inlined, src, out);
            }
        }
    }
}
