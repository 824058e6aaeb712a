package org.lumaflow.engine.graph;

/**
 * An input port of a node type.
 *
 * @param name        port name, unique within the node type (e.g. {@code "source"}, {@code "mask"})
 * @param type        accepted data type
 * @param optional    whether the node renders with nothing connected
 * @param description one line for users
 */
public record PortSpec(String name, PortType type, boolean optional, String description) {

    /** A required image input. */
    public static PortSpec image(String name, String description) {
        return new PortSpec(name, PortType.IMAGE, false, description);
    }

    /** An optional input of the given type. */
    public static PortSpec optional(String name, PortType type, String description) {
        return new PortSpec(name, type, true, description);
    }
}
