package org.lumaflow.engine.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lumaflow.engine.anim.Animation;

/**
 * One node of a {@link Graph}: an instance of a node type with parameter values.
 * <p>
 * A parameter value is a constant ({@link Double}, {@link Integer}, {@link Boolean}, {@link String}, {@link Color},
 * {@link Point2}) or an {@link Animation}; parameters not set take the type's default.
 */
public final class GraphNode {

    private final String id;
    private final String type;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String plugin;
    private long timeOffset;
    private TimeMap timeMap;

    /** A node {@code id} of type {@code type} ({@code namespace.name}). */
    public GraphNode(String id, String type) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node id must not be empty");
        }
        this.id = id;
        this.type = type;
    }

    /** The node's id, unique in its graph. */
    public String id() {
        return id;
    }

    /** The node type id. */
    public String type() {
        return type;
    }

    /** Parameter values by name (mutable). */
    public Map<String, Object> params() {
        return params;
    }

    /** Sets a parameter value (constant or {@link Animation}); returns this. */
    public GraphNode set(String param, Object value) {
        params.put(param, value);
        return this;
    }

    /** The plugin (bundle symbolic name) that provided the type when the project was saved, or null. */
    public String plugin() {
        return plugin;
    }

    /** Records the providing plugin; returns this. */
    public GraphNode plugin(String bundle) {
        this.plugin = bundle;
        return this;
    }

    /** Ticks subtracted from graph time to get this node's local time (clip start minus clip in point). */
    public long timeOffset() {
        return timeOffset;
    }

    /** Sets the local time offset (and drops a {@link #timeMap()}); returns this. */
    public GraphNode timeOffset(long ticks) {
        this.timeOffset = ticks;
        this.timeMap = null;
        return this;
    }

    /**
     * The general time map (graph time to local time: speed changes, freeze frames), or null when local time is
     * graph time minus {@link #timeOffset()}.
     *
     * @since 1.3
     */
    public TimeMap timeMap() {
        return timeMap;
    }

    /** Sets the time map (null: the plain offset); returns this. @since 1.3 */
    public GraphNode timeMap(TimeMap map) {
        this.timeMap = map;
        return this;
    }

    /** A copy with another id (same type, parameters, plugin, offset and time map). */
    public GraphNode copy(String newId) {
        GraphNode n = new GraphNode(newId, type);
        n.params.putAll(params);
        n.plugin = plugin;
        n.timeOffset = timeOffset;
        n.timeMap = timeMap;
        return n;
    }

    @Override
    public String toString() {
        return id + " (" + type + ")";
    }
}
