package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.lumaflow.engine.render.RenderMessage;

/**
 * Frames rendered without a node that failed (an ERROR message: the node's input was passed through or black
 * rendered instead, e.g. a contained extension failure), counted per node for the one-line summary at the end of a
 * render: such a render still exits 0 unless {@code --strict}, so the last line has to say it.
 */
final class FailedNodes {

    /** Marks the summary lines (the export reports them among its warnings). */
    static final String MARK = " were rendered without node '";

    /** node id + type -> {frames, first, last} */
    private final Map<List<String>, long[]> nodes = new LinkedHashMap<>();

    /** Counts frame {@code f}'s errors (each node once per frame). */
    void frame(List<RenderMessage> messages, long f) {
        for (RenderMessage m : messages) {
            if (m.severity() == RenderMessage.Severity.ERROR && m.nodeId() != null) {
                long[] s = nodes.computeIfAbsent(List.of(m.nodeId(), String.valueOf(m.nodeType())),
                        k -> new long[] {0, f, -1});
                if (s[2] != f) {
                    s[0]++;
                    s[2] = f;
                }
            }
        }
    }

    /** One line per failed node: {@code lumaflow COMMAND: N frame(s) (A..B) were rendered without node ...}. */
    void print(PrintStream err, String command, Function<String, String> pluginOf) {
        for (Map.Entry<List<String>, long[]> e : nodes.entrySet()) {
            long[] s = e.getValue();
            String type = e.getKey().get(1);
            String plugin = pluginOf.apply(type);
            err.printf(Locale.ROOT, "lumaflow %s: %d frame(s) (%d..%d)%s%s' (%s, plugin %s), which failed (errors "
                    + "above)%n", command, s[0], s[1], s[2], MARK, e.getKey().get(0), type,
                    plugin == null ? "unknown" : plugin);
        }
    }
}
