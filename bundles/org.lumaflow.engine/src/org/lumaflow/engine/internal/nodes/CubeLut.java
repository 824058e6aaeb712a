package org.lumaflow.engine.internal.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parsed Adobe / Resolve {@code .cube} 3D LUT in fixed point, with per-code lattice positions precomputed. Also
 * used by the GPU twin.
 *
 * @param size    lattice points per axis
 * @param lattice output values, RGB interleaved, red fastest, in 1/16 code units (value * 4080), clamped to -1..2
 * @param base    per channel (3 x 256): offset into {@code lattice} of the lower lattice point for an input code
 * @param frac    per channel (3 x 256): position between that point and the next, 0..65536
 */
public record CubeLut(int size, int[] lattice, int[] base, int[] frac) {

    static final int MAX_SIZE = 129;

    /** Parses {@code path}; errors name the file and line. Also used by the GPU twin. */
    public static CubeLut parse(Path path) throws IOException {
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
                            double n = numbers(path, lineNo, tok, 1)[0];
                            if (n != Math.rint(n) || n < 2 || n > MAX_SIZE) {
                                throw error(path, lineNo, "LUT_3D_SIZE must be an integer from 2 to " + MAX_SIZE);
                            }
                            size = (int) n;
                            lattice = new int[size * size * size * 3];
                        }
                        case "DOMAIN_MIN" -> min = numbers(path, lineNo, tok, 3);
                        case "DOMAIN_MAX" -> max = numbers(path, lineNo, tok, 3);
                        case "LUT_3D_INPUT_RANGE" -> {
                            double[] r = numbers(path, lineNo, tok, 2);
                            min = new double[] {r[0], r[0], r[0]};
                            max = new double[] {r[1], r[1], r[1]};
                        }
                        case "LUT_1D_SIZE", "LUT_1D_INPUT_RANGE" ->
                            throw error(path, lineNo, "1D LUTs are not supported (" + tok[0] + ")");
                        default -> {
                            // other keywords (LUT_IN_VIDEO_RANGE, vendor extensions...) do not change the table
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
                for (int c = 0; c < 3; c++) {
                    lattice[count * 3 + c] = (int) Math.round(Math.max(-1, Math.min(2, v[c])) * 4080);
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
        int[] base = new int[768];
        int[] frac = new int[768];
        for (int c = 0; c < 3; c++) {
            if (!(max[c] > min[c])) {
                throw new IOException(path + ": DOMAIN_MAX must be greater than DOMAIN_MIN");
            }
            int stride = 3 * (c == 0 ? 1 : c == 1 ? size : size * size);
            for (int v = 0; v < 256; v++) {
                double pos = Math.max(0, Math.min(size - 1, (v / 255.0 - min[c]) / (max[c] - min[c]) * (size - 1)));
                int i0 = Math.min((int) pos, size - 2);
                base[c * 256 + v] = i0 * stride;
                frac[c * 256 + v] = (int) Math.round((pos - i0) * 65536);
            }
        }
        return new CubeLut(size, lattice, base, frac);
    }

    private static double[] numbers(Path path, int lineNo, String[] tok, int n) throws IOException {
        return numbers(path, lineNo, tok, n, 1);
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
