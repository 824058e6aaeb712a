package org.lumaflow.engine.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node graph: nodes, wires and the node whose output is the result. Mutable; not thread-safe. */
public final class Graph {

    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private String output;

    /** Adds a node (ids must be unique); returns it. */
    public GraphNode add(GraphNode node) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            throw new IllegalArgumentException("duplicate node id '" + node.id() + "'");
        }
        return node;
    }

    /** Adds a node of {@code type} called {@code id}; returns it. */
    public GraphNode add(String id, String type) {
        return add(new GraphNode(id, type));
    }

    /** Wires {@code from}'s output into {@code to}'s input {@code port}; returns this. */
    public Graph connect(String from, String to, String port) {
        connections.add(new Connection(from, to, port));
        return this;
    }

    /** Sets the node whose output is the graph's result; returns this. */
    public Graph output(String nodeId) {
        this.output = nodeId;
        return this;
    }

    /** The result node id (null until set). */
    public String output() {
        return output;
    }

    /** The node called {@code id}, or null. */
    public GraphNode node(String id) {
        return nodes.get(id);
    }

    /** All nodes in insertion order. */
    public Collection<GraphNode> nodes() {
        return nodes.values();
    }

    /** All wires. */
    public List<Connection> connections() {
        return connections;
    }

    /** Removes every wire into {@code to}'s {@code port}. */
    public void disconnect(String to, String port) {
        connections.removeIf(c -> c.to().equals(to) && c.port().equals(port));
    }
}
