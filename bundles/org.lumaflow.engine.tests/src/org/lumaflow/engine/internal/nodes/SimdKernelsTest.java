package org.lumaflow.engine.internal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Color;

/** The Vector API grade and over kernels give the scalar kernels' bytes, over random pixels and extreme settings. */
class SimdKernelsTest {

    // (also covers BlendRowsSimd: the plain 'over' of core.blend)

    @Test
    void vectorKernelEqualsScalar() throws Exception {
        assertTrue(SimdKernels.AVAILABLE, "tests run with jdk.incubator.vector: the Vector API kernel must be in use");
        Random rnd = new Random(7);
        double[][] settings = {{0, 1.1, 0.8}, {1.5, 0.3, 4}, {-2, 4, 0}, {0, 1, 1.37}, {0.2, 2.2, 2.5}};
        for (double[] s : settings) {
            GradeNode.State st = stateFor(s[0], s[1], s[2]);
            for (int w : new int[] {1, 7, 8, 9, 31, 1920, 1921}) {
                int[] src = rnd.ints(w).toArray();
                int[] scalar = new int[w];
                int[] simd = new int[w];
                GradeNode.gradeScalar(src, scalar, 0, w, st.tables(), st.sat());
                GradeNode.grade(src, simd, w, st.tables(), st.sat());
                assertArrayEquals(scalar, simd, "width " + w + " settings " + java.util.Arrays.toString(s));
            }
        }
    }

    /** Grades without a gamma are clamped lines: computed, not looked up, with the tables' bytes. */
    @Test
    void straightLineTablesAreComputedWithTheTablesBytes() throws Exception {
        Random rnd = new Random(13);
        Color none = new Color(0, 0, 0, 1);
        Color one = new Color(1, 1, 1, 1);
        // exposure, contrast, saturation, lift, gain (contrast 4 is not among them: 4v - 382 lands on whole numbers,
        // where the double arithmetic of the tables rounds either way, so that table is rightly not taken for a line)
        Object[][] lines = {
            {0.0, 1.1, 0.8, none, one}, {0.0, 0.5, 1.0, none, one}, {0.7, 2.5, 1.3, none, one},
            {-1.5, 1.0, 0.0, none, one}, {0.0, 3.7, 4.0, none, one}, {0.0, 0.0, 1.0, none, one},
            {0.3, 1.2, 0.9, new Color(0.05, -0.1, 0.2, 1), new Color(1.1, 0.8, 1.3, 1)}};
        for (Object[] l : lines) {
            GradeNode.State st = state((double) l[0], (double) l[1], (double) l[2], (Color) l[3], one, (Color) l[4]);
            String name = java.util.Arrays.toString(l);
            int[] f = st.affine();
            assertNotNull(f, "a line: " + name);
            for (int ch = 0; ch < 3; ch++) {
                for (int v = 0; v < 256; v++) {
                    int line = Math.max(0, Math.min(255, (f[2 * ch] * v + f[2 * ch + 1]) >> 16));
                    assertEquals(st.tables()[ch * 256 + v], line, name + " channel " + ch + " value " + v);
                }
            }
            for (int w : new int[] {1, 8, 9, 1920, 1921}) {
                int[] src = rnd.ints(w).toArray();
                int[] scalar = new int[w];
                int[] simd = new int[w];
                GradeNode.gradeScalar(src, scalar, 0, w, st.tables(), st.sat());
                GradeNode.grade(src, simd, w, st.tables(), f, st.sat());
                assertArrayEquals(scalar, simd, "width " + w + " settings " + name);
            }
        }
        assertNull(state(0, 1.1, 0.8, none, new Color(1.2, 1, 1, 1), one).affine(), "a gamma is no line");
        assertNull(stateFor(0, 1.1, 0.8).affine(), "a gamma is no line");
    }

    @Test
    void vectorOverEqualsScalar() {
        Random rnd = new Random(11);
        int[] alphas = {0, 255, 0x80};
        for (int w : new int[] {1, 15, 16, 17, 64, 1920, 1923}) {
            int[] fg = new int[w];
            int[] bg = rnd.ints(w).toArray();
            // runs of opaque, clear and mixed pixels, so whole vectors take each path
            for (int x = 0; x < w; x++) {
                int a = (x / 16) % 4 == 3 ? rnd.nextInt(256) : alphas[(x / 16) % 3];
                fg[x] = (a << 24) | (rnd.nextInt() & 0xFFFFFF);
            }
            for (int[] back : new int[][] {bg, null}) {
                int[] expected = new int[w];
                for (int x = 0; x < w; x++) {
                    expected[x] = Pixels.over(fg[x], back == null ? 0 : back[x]);
                }
                int[] out = new int[w];
                BlendNode.blend(fg, back, null, out, w, 0, 4096);
                assertArrayEquals(expected, out, "width " + w + (back == null ? ", no background" : ""));
            }
        }
    }

    private static GradeNode.State stateFor(double exposure, double contrast, double saturation) throws Exception {
        return state(exposure, contrast, saturation, new Color(0.05, 0, -0.02, 1), new Color(1.2, 0.9, 1, 1),
                new Color(1, 1.1, 0.95, 1));
    }

    private static GradeNode.State state(double exposure, double contrast, double saturation, Color lift,
            Color gamma, Color gain) throws Exception {
        var build = GradeNode.class.getDeclaredMethod("build", double.class, double.class, double.class, Color.class,
                Color.class, Color.class, int[].class);
        build.setAccessible(true);
        return (GradeNode.State) build.invoke(null, exposure, contrast, saturation, lift, gamma, gain, null);
    }
}
