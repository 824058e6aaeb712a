package org.lumaflow.engine.graph;

/** Parameter value types. Numeric, colour and point parameters can be animated with keyframes. */
public enum ParamType {
    /** A double. */
    FLOAT(1, true),
    /** An integer (animated values are rounded half up). */
    INT(1, true),
    /** A boolean. */
    BOOL(1, false),
    /** One of a fixed list of names. */
    CHOICE(1, false),
    /** An RGBA {@link Color}, components 0..1. */
    COLOR(4, true),
    /** A {@link Point2}, normalized frame coordinates (0,0 top left, 1,1 bottom right). */
    POINT(2, true),
    /** Free text. */
    STRING(1, false),
    /** A file path, resolved against the project's folder. */
    FILE(1, false);

    private final int components;
    private final boolean animatable;

    ParamType(int components, boolean animatable) {
        this.components = components;
        this.animatable = animatable;
    }

    /** Number of numeric components (slots) a value occupies. */
    public int components() {
        return components;
    }

    /** Whether keyframes are allowed. */
    public boolean animatable() {
        return animatable;
    }
}
