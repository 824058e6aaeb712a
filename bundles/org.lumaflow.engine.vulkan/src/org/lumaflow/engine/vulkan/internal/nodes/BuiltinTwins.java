package org.lumaflow.engine.vulkan.internal.nodes;

import java.util.HashMap;
import java.util.Map;

import org.lumaflow.engine.vulkan.internal.GpuNode;

/** The GPU twins of the engine's built-in nodes, by node type id. */
public final class BuiltinTwins {

    private BuiltinTwins() {
    }

    /** A fresh map of every built-in twin. */
    public static Map<String, GpuNode> all() {
        Map<String, GpuNode> m = new HashMap<>();
        m.put("core.solid", new SolidGpu());
        return m;
    }
}
