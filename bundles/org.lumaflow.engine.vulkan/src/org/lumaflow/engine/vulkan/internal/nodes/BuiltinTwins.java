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
        m.put("core.checker", new CheckerGpu());
        m.put("core.gradient", new GradientGpu());
        m.put("core.smpte_bars", new SmpteBarsGpu());
        m.put("core.zone_plate", new ZonePlateGpu());
        m.put("core.image", new ImageGpu());
        m.put("core.text", new TextGpu());
        m.put("core.dissolve", new DissolveGpu());
        m.put("core.wipe", new WipeGpu());
        m.put("core.push", new MoveGpu(true));
        m.put("core.slide", new MoveGpu(false));
        m.put("core.pattern_wipe", new PatternWipeGpu());
        m.put("core.luma_mask", new LumaMaskGpu());
        m.put("core.grade", new GradeGpu());
        m.put("core.blend", new BlendGpu());
        m.put("core.lut3d", new Lut3dGpu());
        m.put("core.transform", new TransformGpu());
        m.put("core.gaussian_blur", new GaussianBlurGpu());
        m.put("core.bokeh_blur", new BokehBlurGpu());
        // issue 18: editing effects and title clips
        m.put("core.crop", new CropGpu());
        m.put("core.sharpen", new SharpenGpu());
        m.put("core.chroma_key", new ChromaKeyGpu());
        m.put("core.curves", new CurvesGpu());
        m.put("core.color_wheels", new ColorWheelsGpu());
        m.put("core.vignette", new VignetteGpu());
        m.put("core.title", new TitleGpu());
        return m;
    }
}
