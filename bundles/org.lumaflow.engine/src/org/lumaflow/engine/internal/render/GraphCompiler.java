package org.lumaflow.engine.internal.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.graph.Connection;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.registry.NodeRegistry;

/** Validates a graph against a registry snapshot and builds the evaluation plan. */
public final class GraphCompiler {

    private GraphCompiler() {
    }

    /** Plugins whose node types render unguarded: the product's own namespace. */
    public static final String TRUSTED_PREFIX = "org.lumaflow.";

    /** Compiles {@code graph} with failures reported to {@link Containment#SHARED}. */
    public static CompiledGraphImpl compile(Graph graph, NodeRegistry.Snapshot snapshot, FramePool pool, Path baseDir)
            throws GraphException {
        return compile(graph, snapshot, pool, baseDir, Containment.SHARED);
    }

    /**
     * Compiles {@code graph}; every problem found is reported at once. Node types of plugins outside
     * {@link #TRUSTED_PREFIX} (and those named by {@code -Dlumaflow.extension.guard=ID,...}, type ids or plugins)
     * render guarded, with {@code -Dlumaflow.extension.timeout=MS} (default 2000); their failures go to
     * {@code containment}.
     */
    public static CompiledGraphImpl compile(Graph graph, NodeRegistry.Snapshot snapshot, FramePool pool, Path baseDir,
            Containment containment) throws GraphException {
        return compile(graph, snapshot, pool, baseDir, containment, true);
    }

    /**
     * {@link #compile(Graph, NodeRegistry.Snapshot, FramePool, Path, Containment)} with the render-plan
     * optimisations on or off: fused per-pixel passes ({@code -Dlumaflow.fusion=false} turns them off) and static
     * outputs kept across frames ({@code -Dlumaflow.cache.static=false}). Off, every node renders through its own
     * {@code render()} every frame: the reference the optimised plan must match bit for bit.
     */
    public static CompiledGraphImpl compile(Graph graph, NodeRegistry.Snapshot snapshot, FramePool pool, Path baseDir,
            Containment containment, boolean optimise) throws GraphException {
        List<String> problems = new ArrayList<>();
        Map<String, NodeType> types = new HashMap<>();
        Map<String, NodeDescriptor> descriptors = new HashMap<>();
        for (GraphNode n : graph.nodes()) {
            NodeType t = snapshot.type(n.type());
            if (t == null) {
                problems.add(unknownType(n, snapshot));
                continue;
            }
            types.put(n.id(), t);
            descriptors.put(n.id(), t.descriptor());
        }
        if (graph.output() == null) {
            problems.add("the graph has no output node");
        } else if (graph.node(graph.output()) == null) {
            problems.add("the output node '" + graph.output() + "' does not exist");
        }
        // wiring
        Map<String, Map<String, String>> wires = new HashMap<>();
        for (Connection c : graph.connections()) {
            GraphNode from = graph.node(c.from());
            GraphNode to = graph.node(c.to());
            if (from == null || to == null) {
                problems.add("connection " + c.from() + " -> " + c.to() + "." + c.port() + " names a missing node '"
                        + (from == null ? c.from() : c.to()) + "'");
                continue;
            }
            NodeDescriptor td = descriptors.get(c.to());
            NodeDescriptor fd = descriptors.get(c.from());
            if (td == null) {
                continue; // unknown type already reported
            }
            int port = td.inputIndex(c.port());
            if (port < 0) {
                problems.add("node '" + c.to() + "' (" + td.id() + ") has no input '" + c.port() + "'; inputs: "
                        + td.inputs().stream().map(PortSpec::name).toList());
                continue;
            }
            PortSpec ps = td.inputs().get(port);
            // from an unknown type (reported above): the wire still counts, so its consumer does not also get a
            // misleading "needs input connected"
            if (fd != null && ps.type() != fd.output()) {
                problems.add("type mismatch: " + c.from() + " (" + fd.id() + ") outputs " + fd.output() + " but "
                        + c.to() + "." + c.port() + " expects " + ps.type());
            }
            String prev = wires.computeIfAbsent(c.to(), k -> new HashMap<>()).put(c.port(), c.from());
            if (prev != null) {
                problems.add("input " + c.to() + "." + c.port() + " is connected twice (" + prev + " and " + c.from()
                        + ")");
            }
        }
        for (GraphNode n : graph.nodes()) {
            NodeDescriptor d = descriptors.get(n.id());
            if (d == null) {
                continue;
            }
            Map<String, String> in = wires.getOrDefault(n.id(), Map.of());
            for (PortSpec p : d.inputs()) {
                if (!p.optional() && !in.containsKey(p.name())) {
                    problems.add("node '" + n.id() + "' (" + d.id() + ") needs input '" + p.name()
                            + "' connected");
                }
            }
            checkParams(n, d, problems);
        }
        String cycle = findCycle(graph, wires);
        if (cycle != null) {
            problems.add("cycle: " + cycle);
        }
        if (!problems.isEmpty()) {
            throw new GraphException(problems);
        }
        // evaluation order: depth-first post-order from the output (unreachable nodes dropped)
        List<String> order = new ArrayList<>();
        postOrder(graph.output(), wires, descriptors, new LinkedHashSet<>(), order);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        CompiledNode[] nodes = new CompiledNode[order.size()];
        for (int i = 0; i < nodes.length; i++) {
            GraphNode gn = graph.node(order.get(i));
            NodeDescriptor d = descriptors.get(gn.id());
            Map<String, String> in = wires.getOrDefault(gn.id(), Map.of());
            int[] inputs = new int[d.inputs().size()];
            for (int p = 0; p < inputs.length; p++) {
                String src = in.get(d.inputs().get(p).name());
                inputs[p] = src == null ? -1 : index.get(src);
            }
            Object[] values = new Object[d.params().size()];
            for (int p = 0; p < values.length; p++) {
                ParamSpec spec = d.params().get(p);
                Object v = gn.params().get(spec.name());
                values[p] = v == null ? spec.defaultValue() : v instanceof Animation ? v : ParamCoercion.coerce(spec, v);
            }
            nodes[i] = new CompiledNode(gn.id(), types.get(gn.id()), d, gn.timeOffset(), gn.timeMap(), inputs, values);
            String plugin = snapshot.plugins().get(gn.type());
            nodes[i].plugin = plugin == null ? "unknown" : plugin;
            nodes[i].guarded = guarded(gn.type(), nodes[i].plugin);
        }
        for (CompiledNode n : nodes) {
            for (int src : n.inputs) {
                if (src >= 0) {
                    nodes[src].consumers++;
                }
            }
        }
        nodes[nodes.length - 1].consumers++; // the caller
        return new CompiledGraphImpl(nodes, pool, baseDir, snapshot.generation(), containment,
                Math.max(1, Long.getLong("lumaflow.extension.timeout", 2000)), optimise);
    }

    private static boolean guarded(String typeId, String plugin) {
        if (!plugin.startsWith(TRUSTED_PREFIX)) {
            return true;
        }
        String forced = System.getProperty("lumaflow.extension.guard");
        if (forced == null || forced.isBlank()) {
            return false;
        }
        for (String s : forced.split(",")) {
            String t = s.trim();
            if (t.equals(typeId) || t.equals(plugin)) {
                return true;
            }
        }
        return false;
    }

    private static String unknownType(GraphNode n, NodeRegistry.Snapshot snapshot) {
        String ns = NodeDescriptor.namespaceOf(n.type());
        StringBuilder sb = new StringBuilder("unknown node type '" + n.type() + "' on node '" + n.id() + "': ");
        if (n.plugin() != null) {
            sb.append("it is provided by plugin '").append(n.plugin()).append("', which is not installed");
        } else {
            Set<String> sameNs = new TreeSet<>();
            snapshot.types().keySet().stream().filter(id -> NodeDescriptor.namespaceOf(id).equals(ns))
                    .forEach(sameNs::add);
            if (sameNs.isEmpty()) {
                sb.append("no installed plugin provides namespace '").append(ns).append("'");
            } else {
                sb.append("namespace '").append(ns).append("' has only ").append(sameNs);
            }
        }
        return sb.toString();
    }

    private static void checkParams(GraphNode n, NodeDescriptor d, List<String> problems) {
        for (Map.Entry<String, Object> e : n.params().entrySet()) {
            ParamSpec spec = d.param(e.getKey());
            String where = "parameter " + n.id() + "." + e.getKey() + " (" + d.id() + ")";
            if (spec == null) {
                problems.add(where + " does not exist; parameters: "
                        + d.params().stream().map(ParamSpec::name).toList());
                continue;
            }
            try {
                if (e.getValue() instanceof Animation a) {
                    String err = ParamCoercion.checkAnimation(spec, a);
                    if (err != null) {
                        problems.add(where + " " + err);
                    }
                } else {
                    ParamCoercion.coerce(spec, e.getValue());
                }
            } catch (IllegalArgumentException ex) {
                problems.add(where + " " + ex.getMessage());
            }
        }
    }

    private static String findCycle(Graph graph, Map<String, Map<String, String>> wires) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
        List<String> stack = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            String c = dfs(n.id(), wires, state, stack);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String dfs(String id, Map<String, Map<String, String>> wires, Map<String, Integer> state,
            List<String> stack) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            // the cycle is the part of the stack from id onwards; edges point upstream, so print it downstream
            List<String> cyc = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            java.util.Collections.reverse(cyc);
            cyc.add(cyc.get(0));
            return String.join(" -> ", cyc);
        }
        state.put(id, 1);
        stack.add(id);
        for (String src : new TreeSet<>(wires.getOrDefault(id, Map.of()).values())) {
            String c = dfs(src, wires, state, stack);
            if (c != null) {
                return c;
            }
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
        return null;
    }

    private static void postOrder(String id, Map<String, Map<String, String>> wires,
            Map<String, NodeDescriptor> descriptors, Set<String> seen, List<String> out) {
        if (!seen.add(id)) {
            return;
        }
        Map<String, String> in = wires.getOrDefault(id, Map.of());
        for (PortSpec p : descriptors.get(id).inputs()) {
            String src = in.get(p.name());
            if (src != null) {
                postOrder(src, wires, descriptors, seen, out);
            }
        }
        out.add(id);
    }
}
