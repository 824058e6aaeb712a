package org.lumaflow.engine.internal.nodes;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.concurrent.Parallel;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;

/** {@code core.lut3d}: applies a {@code .cube} 3D LUT with tetrahedral interpolation in fixed point. */
@Component(service = NodeType.class)
public final class Lut3dNode implements NodeType {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("core.lut3d", "3D LUT", "Color",
            "Applies an Adobe / Resolve .cube 3D LUT (tetrahedral interpolation) to the colour; alpha is "
                    + "untouched. Reloaded when the file changes.",
            List.of(PortSpec.image("source", "Image to transform")), PortType.IMAGE,
            List.of(ParamSpec.file("file", ".cube file (LUT_3D_SIZE up to " + CubeLut.MAX_SIZE + ")"),
                    ParamSpec.number("strength", 1, 0, 1, "", "Mix between the input (0) and the LUT result (1)")));

    /** The LUT loaded from one version of a file, or why it could not be loaded. Also used by the GPU twin. */
    public record State(Path path, File file, long modified, CubeLut lut, String error) {
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) throws IOException {
        double strength = ctx.number("strength");
        Path path = ctx.file("file");
        if (path == null) {
            ctx.warn("no .cube file set");
            ctx.passThrough(0);
            return;
        }
        State old = ctx.state() instanceof State s ? s : null;
        State st = refresh(path, old);
        if (st != old) {
            ctx.setState(st);
        }
        if (st.lut() == null) {
            throw new IOException(st.error());
        }
        int s = (int) Math.round(Pixels.clamp(strength, 0, 1) * 4096);
        if (s == 0) {
            ctx.passThrough(0);
            return;
        }
        CubeLut lut = st.lut();
        int w = ctx.width();
        ByteBuffer in = Pixels.image(ctx, 0, "source").buffer();
        ByteBuffer out = ctx.output().buffer();
        Parallel.rows(w, ctx.height(), (y0, y1) -> apply(lut, in, out, y0 * w * 4, y1 * w * 4, s));
    }

    /** {@code old} while {@code path} is unchanged, else the file (re)loaded. Also used by the GPU twin. */
    public static State refresh(Path path, State old) {
        File file = old != null && path.equals(old.path()) ? old.file() : path.toFile();
        long modified = file.lastModified();
        return old == null || !path.equals(old.path()) || modified != old.modified() ? load(path, file, modified) : old;
    }

    private static State load(Path path, File file, long modified) {
        if (!file.isFile()) {
            return new State(path, file, modified, null, "LUT file not found: " + path);
        }
        try {
            return new State(path, file, modified, CubeLut.parse(path), null);
        } catch (IOException e) {
            String m = e.getMessage() != null && e.getMessage().contains(path.toString()) ? e.getMessage()
                    : "cannot read LUT " + path + ": " + e;
            return new State(path, file, modified, null, m);
        }
    }

    /** Bytes [start, end) of {@code in} through the LUT into {@code out}; {@code s} = strength * 4096. */
    private static void apply(CubeLut lut, ByteBuffer in, ByteBuffer out, int start, int end, int s) {
        int[] lat = lut.lattice();
        int[] base = lut.base();
        int[] frac = lut.frac();
        int n = lut.size();
        int dr = 3;
        int dg = 3 * n;
        int db = 3 * n * n;
        int keep = 4096 - s;
        for (int i = start; i < end; i += 4) {
            int p = in.getInt(i);
            int r = p & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = (p >> 16) & 0xFF;
            int fr = frac[r];
            int fg = frac[256 + g];
            int fb = frac[512 + b];
            int c0 = base[r] + base[256 + g] + base[512 + b];
            int c3 = c0 + dr + dg + db;
            // the tetrahedron containing (fr, fg, fb): corners c0 -> c1 -> c2 -> c3 along the sorted fractions
            int c1;
            int c2;
            int w0;
            int w1;
            int w2;
            int w3;
            if (fr > fg) {
                if (fg > fb) { // r > g > b
                    c1 = c0 + dr; c2 = c1 + dg; w0 = 65536 - fr; w1 = fr - fg; w2 = fg - fb; w3 = fb;
                } else if (fr > fb) { // r > b >= g
                    c1 = c0 + dr; c2 = c1 + db; w0 = 65536 - fr; w1 = fr - fb; w2 = fb - fg; w3 = fg;
                } else { // b >= r > g
                    c1 = c0 + db; c2 = c1 + dr; w0 = 65536 - fb; w1 = fb - fr; w2 = fr - fg; w3 = fg;
                }
            } else {
                if (fb > fg) { // b > g >= r
                    c1 = c0 + db; c2 = c1 + dg; w0 = 65536 - fb; w1 = fb - fg; w2 = fg - fr; w3 = fr;
                } else if (fb > fr) { // g >= b > r
                    c1 = c0 + dg; c2 = c1 + db; w0 = 65536 - fg; w1 = fg - fb; w2 = fb - fr; w3 = fr;
                } else { // g >= r >= b
                    c1 = c0 + dg; c2 = c1 + dr; w0 = 65536 - fg; w1 = fg - fr; w2 = fr - fb; w3 = fb;
                }
            }
            int or = channel(lat, c0, c1, c2, c3, w0, w1, w2, w3, r, s, keep);
            int og = channel(lat, c0 + 1, c1 + 1, c2 + 1, c3 + 1, w0, w1, w2, w3, g, s, keep);
            int ob = channel(lat, c0 + 2, c1 + 2, c2 + 2, c3 + 2, w0, w1, w2, w3, b, s, keep);
            out.putInt(i, (p & 0xFF000000) | (ob << 16) | (og << 8) | or);
        }
    }

    /** One output channel: interpolated LUT value (1/16 code), mixed with the input code by strength, rounded. */
    private static int channel(int[] lat, int c0, int c1, int c2, int c3, int w0, int w1, int w2, int w3, int in,
            int s, int keep) {
        int v16 = (lat[c0] * w0 + lat[c1] * w1 + lat[c2] * w2 + lat[c3] * w3 + 32768) >> 16;
        v16 = v16 < 0 ? 0 : v16 > 4080 ? 4080 : v16;
        return (in * 16 * keep + v16 * s + 32768) >> 16;
    }
}
