package org.lumaflow.engine.vulkan.internal.nodes;

import java.io.IOException;
import java.nio.file.Path;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.internal.nodes.CubeLut;
import org.lumaflow.engine.internal.nodes.Lut3dNode;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.lut3d} on the GPU ({@code shaders/lut3d.comp}). The {@code .cube} file is loaded by the CPU node's own
 * code ({@link Lut3dNode#refresh}, {@link CubeLut#parse}), kept in the node's state until the file changes, and
 * uploaded with each frame as one constants table (lattice as signed 16-bit pairs). A LUT whose table exceeds the
 * frame's constants falls back to the CPU.
 */
final class Lut3dGpu implements GpuNode {

    /** The loaded file (as the CPU node keeps it) and the table the kernel reads (null when it failed to load). */
    private record State(Lut3dNode.State file, int[] table) {
    }

    @Override
    public void record(GpuNodeContext c) throws IOException {
        NodeContext p = c.params();
        double strength = p.number("strength");
        Path path = p.file("file");
        if (path == null) {
            c.warn("no .cube file set");
            c.passThrough(0);
            return;
        }
        State old = c.state() instanceof State s ? s : null;
        Lut3dNode.State file = Lut3dNode.refresh(path, old != null ? old.file() : null);
        State st = old;
        if (old == null || old.file() != file) {
            st = new State(file, file.lut() != null ? table(file.lut()) : null);
            c.setState(st);
        }
        if (file.lut() == null) {
            throw new IOException(file.error());
        }
        int s = (int) Math.round((strength < 0 ? 0 : strength > 1 ? 1 : strength) * 4096);
        if (s == 0) {
            c.passThrough(0);
            return;
        }
        GpuFrame in = c.image(0, "source");
        int[] t = st.table();
        if ((long) t.length * 4 > FrameRecorder.ARENA_BYTES / 2) {
            throw new IllegalArgumentException("LUT_3D_SIZE " + file.lut().size()
                    + " is too large for the GPU's per-frame constants");
        }
        GpuSlice table = c.constants(t.length * 4);
        table.bytes().asIntBuffer().put(0, t);
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, file.lut().size()).putInt(8, s);
        c.bind(in).bind(c.output()).bind(table).dispatch(c.kernel("lut3d", 3), GpuNodeContext.groups(pixels, 64), 1);
    }

    /** The kernel's table: base (3 x 256), frac (3 x 256), then the lattice as signed 16-bit pairs. */
    static int[] table(CubeLut lut) {
        int[] lattice = lut.lattice();
        int[] table = new int[1536 + (lattice.length + 1) / 2];
        System.arraycopy(lut.base(), 0, table, 0, 768);
        System.arraycopy(lut.frac(), 0, table, 768, 768);
        for (int i = 0; i < lattice.length; i++) {
            table[1536 + (i >> 1)] |= (lattice[i] & 0xFFFF) << ((i & 1) * 16);
        }
        return table;
    }
}
