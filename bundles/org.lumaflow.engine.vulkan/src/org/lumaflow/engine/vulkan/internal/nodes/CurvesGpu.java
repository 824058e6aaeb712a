package org.lumaflow.engine.vulkan.internal.nodes;

import org.lumaflow.engine.internal.nodes.CurvesNode;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.curves} on the GPU: the CPU node's three 256-entry tables ({@link CurvesNode#state}, kept while the
 * curves stay) run through {@code core.grade}'s kernel ({@code shaders/grade.comp}) with saturation 1; identity curves
 * pass the input through. Bad points fail here as on the CPU (the node then renders there and reports it).
 */
final class CurvesGpu implements GpuNode {

    @Override
    public void record(GpuNodeContext c) {
        CurvesNode.State st = CurvesNode.state(c.params(), c.state());
        c.setState(st);
        if (st.identity()) {
            c.passThrough(0);
            return;
        }
        Tabled.grade(c, c.image(0, "source"), st.tables(), 4096);
    }
}
