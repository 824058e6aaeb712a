package org.lumaflow.engine.vulkan.internal.nodes;

import java.util.HashMap;
import java.util.Map;

import org.lumaflow.engine.vulkan.internal.GpuNode;

/** The GPU twins of the engine's built-in nodes, by node type id. */
public final class BuiltinTwins {

    /** node type id -> twin class simple name (in this package). */
    private static final String[][] TWINS = {
        {"core.solid", "SolidGpu"},
        {"core.checker", "CheckerGpu"},
        {"core.gradient", "GradientGpu"},
        {"core.smpte_bars", "SmpteBarsGpu"},
        {"core.zone_plate", "ZonePlateGpu"},
        {"core.dissolve", "DissolveGpu"},
        {"core.wipe", "WipeGpu"},
        {"core.luma_mask", "LumaMaskGpu"},
        {"core.grade", "GradeGpu"},
        {"core.blend", "BlendGpu"},
        {"core.lut3d", "Lut3dGpu"},
        {"core.transform", "TransformGpu"},
        {"core.gaussian_blur", "GaussianBlurGpu"},
        {"core.bokeh_blur", "BokehBlurGpu"},
        {"core.text", "TextGpu"},
        {"core.image", "ImageGpu"},
    };

    private BuiltinTwins() {
    }

    /** A fresh map of every built-in twin present. */
    public static Map<String, GpuNode> all() {
        Map<String, GpuNode> m = new HashMap<>();
        for (String[] t : TWINS) {
            try {
                Class<?> c = Class.forName(BuiltinTwins.class.getPackageName() + "." + t[1]);
                var ctor = c.getDeclaredConstructor();
                ctor.setAccessible(true);
                m.put(t[0], (GpuNode) ctor.newInstance());
            } catch (ClassNotFoundException e) {
                // not written yet: the node renders on the CPU
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("GPU twin " + t[1] + " cannot be created", e);
            }
        }
        return m;
    }
}
