package org.lumaflow.engine.vulkan.internal.nodes;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuSlice;
import org.lumaflow.engine.vulkan.internal.GpuNode;
import org.lumaflow.engine.vulkan.internal.GpuNodeContext;

/**
 * {@code core.lut3d} on the GPU ({@code shaders/lut3d.comp}). The {@code .cube} file is parsed here exactly as the
 * CPU node's {@code CubeLut} does (same fixed-point lattice and per-code positions; the engine's parser is not
 * visible to this bundle), kept in the node's state until the file changes, and uploaded with each frame as one
 * constants table (lattice as signed 16-bit pairs). A LUT whose table exceeds the frame's constants falls back to the
 * CPU.
 */
final class Lut3dGpu implements GpuNode {

    private static final int MAX_SIZE = 129;

    /** A parsed LUT: lattice points per axis and the table the kernel reads (base, frac, packed lattice). */
    private record Lut(int size, int[] table) {
    }

    /** The LUT loaded from one version of a file, or why it could not be loaded. */
    private record State(Path path, File file, long modified, Lut lut, String error) {
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
        State st = c.state() instanceof State s ? s : null;
        File file = st != null && path.equals(st.path()) ? st.file() : path.toFile();
        long modified = file.lastModified();
        if (st == null || !path.equals(st.path()) || modified != st.modified()) {
            st = load(path, file, modified);
            c.setState(st);
        }
        if (st.lut() == null) {
            throw new IOException(st.error());
        }
        int s = (int) Math.round((strength < 0 ? 0 : strength > 1 ? 1 : strength) * 4096);
        if (s == 0) {
            c.passThrough(0);
            return;
        }
        GpuFrame in = c.input(0);
        if (in == null) {
            throw new IllegalStateException("input 'source' is not connected");
        }
        DissolveGpu.checkImage(c, in, "source");
        int[] t = st.lut().table();
        if ((long) t.length * 4 > FrameRecorder.ARENA_BYTES / 2) {
            throw new IllegalArgumentException("LUT_3D_SIZE " + st.lut().size()
                    + " is too large for the GPU's per-frame constants");
        }
        GpuSlice table = c.constants(t.length * 4);
        table.bytes().asIntBuffer().put(0, t);
        int pixels = c.width() * c.height();
        c.push().putInt(0, pixels).putInt(4, st.lut().size()).putInt(8, s);
        c.bind(in).bind(c.output()).bind(table).dispatch(c.kernel("lut3d", 3), GpuNodeContext.groups(pixels, 64), 1);
    }

    private static State load(Path path, File file, long modified) {
        if (!file.isFile()) {
            return new State(path, file, modified, null, "LUT file not found: " + path);
        }
        try {
            return new State(path, file, modified, parse(path), null);
        } catch (IOException e) {
            String m = e.getMessage() != null && e.getMessage().contains(path.toString()) ? e.getMessage()
                    : "cannot read LUT " + path + ": " + e;
            return new State(path, file, modified, null, m);
        }
    }

    /** Parses {@code path} like the engine's {@code CubeLut.parse}; errors name the file and line. */
    static Lut parse(Path path) throws IOException {
        int size = -1;
        double[] min = {0, 0, 0};
        double[] max = {1, 1, 1};
        int[] lattice = null;
        int count = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] tok = s.split("\\s+");
                char first = tok[0].charAt(0);
                if (Character.isLetter(first) && !tok[0].equalsIgnoreCase("nan")
                        && !tok[0].equalsIgnoreCase("infinity")) {
                    if (lattice != null && count > 0) {
                        throw error(path, lineNo, "keyword " + tok[0] + " after the data");
                    }
                    switch (tok[0]) {
                        case "TITLE" -> {
                        }
                        case "LUT_3D_SIZE" -> {
                            double n = numbers(path, lineNo, tok, 1, 1)[0];
                            if (n != Math.rint(n) || n < 2 || n > MAX_SIZE) {
                                throw error(path, lineNo, "LUT_3D_SIZE must be an integer from 2 to " + MAX_SIZE);
                            }
                            size = (int) n;
                            lattice = new int[size * size * size * 3];
                        }
                        case "DOMAIN_MIN" -> min = numbers(path, lineNo, tok, 3, 1);
                        case "DOMAIN_MAX" -> max = numbers(path, lineNo, tok, 3, 1);
                        case "LUT_3D_INPUT_RANGE" -> {
                            double[] r = numbers(path, lineNo, tok, 2, 1);
                            min = new double[] {r[0], r[0], r[0]};
                            max = new double[] {r[1], r[1], r[1]};
                        }
                        case "LUT_1D_SIZE", "LUT_1D_INPUT_RANGE" ->
                            throw error(path, lineNo, "1D LUTs are not supported (" + tok[0] + ")");
                        default -> {
                            // other keywords do not change the table
                        }
                    }
                    continue;
                }
                if (lattice == null) {
                    throw error(path, lineNo, "data line before LUT_3D_SIZE");
                }
                if (count == size * size * size) {
                    throw error(path, lineNo, "more than " + count + " data lines (LUT_3D_SIZE " + size + ")");
                }
                double[] v = numbers(path, lineNo, tok, 3, 0);
                for (int ch = 0; ch < 3; ch++) {
                    lattice[count * 3 + ch] = (int) Math.round(Math.max(-1, Math.min(2, v[ch])) * 4080);
                }
                count++;
            }
        }
        if (lattice == null) {
            throw new IOException(path + ": not a 3D .cube LUT (no LUT_3D_SIZE)");
        }
        if (count != size * size * size) {
            throw new IOException(path + ": expected " + size * size * size + " data lines for LUT_3D_SIZE " + size
                    + ", found " + count);
        }
        // the kernel's table: base (3 x 256), frac (3 x 256), then the lattice as signed 16-bit pairs
        int[] table = new int[1536 + (lattice.length + 1) / 2];
        for (int ch = 0; ch < 3; ch++) {
            if (!(max[ch] > min[ch])) {
                throw new IOException(path + ": DOMAIN_MAX must be greater than DOMAIN_MIN");
            }
            int stride = 3 * (ch == 0 ? 1 : ch == 1 ? size : size * size);
            for (int v = 0; v < 256; v++) {
                double pos = Math.max(0, Math.min(size - 1,
                        (v / 255.0 - min[ch]) / (max[ch] - min[ch]) * (size - 1)));
                int i0 = Math.min((int) pos, size - 2);
                table[ch * 256 + v] = i0 * stride;
                table[768 + ch * 256 + v] = (int) Math.round((pos - i0) * 65536);
            }
        }
        for (int i = 0; i < lattice.length; i++) {
            table[1536 + (i >> 1)] |= (lattice[i] & 0xFFFF) << ((i & 1) * 16);
        }
        return new Lut(size, table);
    }

    private static double[] numbers(Path path, int lineNo, String[] tok, int n, int from) throws IOException {
        if (tok.length - from != n) {
            throw error(path, lineNo, "expected " + n + " number(s)" + (from > 0 ? " after " + tok[0] : "")
                    + ", found " + (tok.length - from) + " value(s)");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                v[i] = Double.parseDouble(tok[from + i]);
            } catch (NumberFormatException e) {
                throw error(path, lineNo, "'" + tok[from + i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw error(path, lineNo, "'" + tok[from + i] + "' is not a finite number");
            }
        }
        return v;
    }

    private static IOException error(Path path, int lineNo, String message) {
        return new IOException(path + ":" + lineNo + ": " + message);
    }
}
