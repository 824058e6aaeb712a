package org.lumaflow.engine.internal.render;

import org.lumaflow.engine.render.CompiledGraph;

/**
 * A GPU backend (service): takes over graphs the engine has compiled for the CPU, which stay its reference for
 * parameter values, for nodes it cannot run and for frames that fail on the device.
 */
public interface Backend {

    /** Describes the device new graphs would run on, or null when none is usable under {@code preference}. */
    String device(String preference);

    /**
     * A graph rendering {@code cpu} on the device, or null (no usable device under {@code preference}:
     * {@code auto} = hardware GPUs only, {@code gpu} = software devices too).
     */
    CompiledGraph adopt(CompiledGraphImpl cpu, String preference);
}
