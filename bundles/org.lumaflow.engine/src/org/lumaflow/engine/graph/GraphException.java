package org.lumaflow.engine.graph;

import java.util.List;

/** A graph that cannot be compiled; {@link #problems()} lists every problem found, one sentence each. */
public class GraphException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** An exception listing {@code problems} (at least one). */
    public GraphException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence naming the node, port or parameter. */
    public List<String> problems() {
        return problems;
    }
}
