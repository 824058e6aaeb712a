package org.lumaflow.engine.internal.nodes;

import java.util.List;

import org.lumaflow.engine.graph.NodeType;

/** The built-in node types, for use outside OSGi (benchmarks, tests, tools). */
public final class BuiltinNodes {

    private BuiltinNodes() {
    }

    /** A new instance of every built-in node type. */
    public static List<NodeType> all() {
        return List.of(new SolidNode(), new SmpteBarsNode(), new GradientNode(), new CheckerNode(),
                new ZonePlateNode(), new ImageNode(), new GradeNode(), new Lut3dNode(), new BlendNode(),
                new TransformNode(), new GaussianBlurNode(), new BokehBlurNode(), new TextNode(), new DissolveNode(),
                new WipeNode(), new LumaMaskNode(), new PushNode(), new SlideNode(), new PatternWipeNode(),
                // issue 18: editing effects and title clips
                new CropNode(), new SharpenNode(), new ChromaKeyNode(), new CurvesNode(), new ColorWheelsNode(),
                new VignetteNode(), new TitleNode());
    }
}
