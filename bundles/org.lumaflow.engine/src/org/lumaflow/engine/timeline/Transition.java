package org.lumaflow.engine.timeline;

import org.lumaflow.engine.graph.GraphNode;

/**
 * A transition over the overlap of two clips of one track. {@code node} is a template of a node type with inputs
 * {@code from} and {@code to} and a {@code progress} parameter (e.g. {@code core.dissolve}, {@code core.wipe}); the
 * timeline drives {@code progress} from 0 to 1 across the overlap.
 *
 * @param from the earlier clip's id
 * @param to   the later clip's id
 * @param node transition node template (its id is ignored)
 */
public record Transition(String from, String to, GraphNode node) {
}
