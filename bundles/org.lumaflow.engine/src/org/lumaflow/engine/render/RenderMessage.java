package org.lumaflow.engine.render;

/**
 * A warning or error attached to a render result.
 *
 * @param severity how bad it is
 * @param nodeId   the node that reported it (null for the engine itself)
 * @param nodeType the node's type id (null for the engine itself)
 * @param time     graph time of the frame in ticks
 * @param text     one sentence naming the input concerned
 */
public record RenderMessage(Severity severity, String nodeId, String nodeType, long time, String text) {

    /** Message severity. */
    public enum Severity {
        /** The frame rendered, but something was substituted (e.g. black for an unreadable source). */
        WARNING,
        /** A node failed; its output was passed through or replaced by black. */
        ERROR
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + (nodeId == null ? "" : "node '" + nodeId + "' (" + nodeType + "): ") + text;
    }
}
