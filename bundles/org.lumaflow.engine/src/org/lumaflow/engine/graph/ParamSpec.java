package org.lumaflow.engine.graph;

import java.util.List;

/**
 * Metadata of one node parameter: type, default, range and description. Published by every node type so that
 * editors, the CLI and the project loader can present and validate values.
 *
 * @param name         parameter name, unique within the node type
 * @param type         value type
 * @param defaultValue default: {@link Double}, {@link Integer}, {@link Boolean}, {@link String}, {@link Color} or
 *                     {@link Point2} according to {@code type}
 * @param min          lowest allowed numeric value (FLOAT/INT)
 * @param max          highest allowed numeric value (FLOAT/INT)
 * @param choices      allowed names for CHOICE, empty otherwise
 * @param unit         unit shown to users; {@code "px"} means project pixels (scaled when rendering at another size)
 * @param description  one line for users
 * @param animatable   whether editors offer keyframes for it: false for settings read once (a decoder's lookahead)
 *                     and always false when the type cannot animate
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, double min, double max, List<String> choices,
        String unit, String description, boolean animatable) {

    /** Metadata of a parameter that animates when its type can. */
    public ParamSpec(String name, ParamType type, Object defaultValue, double min, double max, List<String> choices,
            String unit, String description) {
        this(name, type, defaultValue, min, max, choices, unit, description, true);
    }

    /** This parameter without keyframes: editors offer none (for settings that cannot change over time). */
    public ParamSpec notAnimatable() {
        return new ParamSpec(name, type, defaultValue, min, max, choices, unit, description, false);
    }

    /** Validates the metadata. */
    public ParamSpec {
        animatable = animatable && type != null && type.animatable();
        choices = List.copyOf(choices);
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad parameter name '" + name + "' (lower_snake_case)");
        }
        if (type == ParamType.CHOICE && (choices.isEmpty() || !choices.contains(defaultValue))) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices containing its default");
        }
    }

    /** A FLOAT parameter. */
    public static ParamSpec number(String name, double def, double min, double max, String unit, String description) {
        return new ParamSpec(name, ParamType.FLOAT, def, min, max, List.of(), unit, description);
    }

    /** An INT parameter. */
    public static ParamSpec integer(String name, int def, int min, int max, String unit, String description) {
        return new ParamSpec(name, ParamType.INT, def, min, max, List.of(), unit, description);
    }

    /** A BOOL parameter. */
    public static ParamSpec bool(String name, boolean def, String description) {
        return new ParamSpec(name, ParamType.BOOL, def, 0, 1, List.of(), "", description);
    }

    /** A CHOICE parameter; the first choice is the default. */
    public static ParamSpec choice(String name, String description, String... choices) {
        return new ParamSpec(name, ParamType.CHOICE, choices[0], 0, choices.length - 1, List.of(choices), "",
                description);
    }

    /** A COLOR parameter. */
    public static ParamSpec color(String name, Color def, String description) {
        return new ParamSpec(name, ParamType.COLOR, def, 0, 1, List.of(), "", description);
    }

    /** A POINT parameter (normalized coordinates). */
    public static ParamSpec point(String name, Point2 def, String description) {
        return new ParamSpec(name, ParamType.POINT, def, -10, 10, List.of(), "", description);
    }

    /** A STRING parameter. */
    public static ParamSpec string(String name, String def, String description) {
        return new ParamSpec(name, ParamType.STRING, def, 0, 0, List.of(), "", description);
    }

    /** A FILE parameter (empty default = none). */
    public static ParamSpec file(String name, String description) {
        return new ParamSpec(name, ParamType.FILE, "", 0, 0, List.of(), "", description);
    }
}
