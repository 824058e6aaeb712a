package org.lumaflow.engine.graph;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a node type is: its id ({@code namespace.name}), ports, parameters and documentation.
 *
 * @param id          unique id, {@code namespace.name} in lower_snake_case (e.g. {@code core.grade})
 * @param displayName name shown in palettes
 * @param category    palette category (e.g. "Source", "Color", "Blur", "Composite")
 * @param description one or two sentences for users
 * @param inputs      input ports in order (empty for sources)
 * @param output      type of the single output
 * @param params      parameters in display order
 * @param kind        what the node does to pixels (per-pixel, neighbourhood, generator): lets the graph compiler
 *                    fuse per-pixel chains; see {@link NodeKind} (since 1.2)
 * @param timeVarying whether the output may change with time while parameters and inputs stay the same (decoders,
 *                    animated patterns); a node that is not, with constant parameters and static inputs, is rendered
 *                    once and its output reused across frames (since 1.2)
 */
public record NodeDescriptor(String id, String displayName, String category, String description,
        List<PortSpec> inputs, PortType output, List<ParamSpec> params, NodeKind kind, boolean timeVarying) {

    /**
     * A descriptor without declared traits: {@link NodeKind#GENERATOR} for sources, else
     * {@link NodeKind#NEIGHBOURHOOD}, and time-varying (never cached across frames).
     */
    public NodeDescriptor(String id, String displayName, String category, String description, List<PortSpec> inputs,
            PortType output, List<ParamSpec> params) {
        this(id, displayName, category, description, inputs, output, params,
                inputs == null || inputs.isEmpty() ? NodeKind.GENERATOR : NodeKind.NEIGHBOURHOOD, true);
    }

    /** This descriptor with the given traits (see the record's parameters). */
    public NodeDescriptor traits(NodeKind nodeKind, boolean varies) {
        return new NodeDescriptor(id, displayName, category, description, inputs, output, params, nodeKind, varies);
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /** Validates the metadata (id syntax, unique port and parameter names). */
    public NodeDescriptor {
        inputs = List.copyOf(inputs);
        params = List.copyOf(params);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad node type id '" + id + "': expected namespace.name in lower_snake_case");
        }
        if (kind == null) {
            throw new IllegalArgumentException(id + ": kind is required");
        }
        if (output == null) {
            throw new IllegalArgumentException(id + ": output type is required");
        }
        if (inputs.stream().map(PortSpec::name).distinct().count() != inputs.size()) {
            throw new IllegalArgumentException(id + ": duplicate input port names");
        }
        if (params.stream().map(ParamSpec::name).distinct().count() != params.size()) {
            throw new IllegalArgumentException(id + ": duplicate parameter names");
        }
    }

    /** The namespace part of the id (before the last dot). */
    public String namespace() {
        return namespaceOf(id);
    }

    /** The namespace part of a node type id. */
    public static String namespaceOf(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /** The parameter called {@code name}, or null. */
    public ParamSpec param(String name) {
        for (ParamSpec p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Index of the input port called {@code name}, or -1. */
    public int inputIndex(String name) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the node has no inputs. */
    public boolean isSource() {
        return inputs.isEmpty();
    }
}
