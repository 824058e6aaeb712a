package org.lumaflow.engine.graph;

/**
 * A wire from the output of node {@code from} to input port {@code port} of node {@code to}.
 *
 * @param from producing node id
 * @param to   consuming node id
 * @param port input port name on {@code to}
 */
public record Connection(String from, String to, String port) {
}
