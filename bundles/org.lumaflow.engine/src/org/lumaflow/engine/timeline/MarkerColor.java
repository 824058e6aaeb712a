package org.lumaflow.engine.timeline;

import java.util.Locale;

/** Marker colours: OpenTimelineIO's set, so markers travel between editors unchanged. */
public enum MarkerColor {
    PINK, RED, ORANGE, YELLOW, GREEN, CYAN, BLUE, PURPLE, MAGENTA, BLACK, WHITE;

    /** The colour named {@code name} (any case). */
    public static MarkerColor parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown marker colour '" + name + "' (one of pink, red, orange, yellow,"
                    + " green, cyan, blue, purple, magenta, black, white)");
        }
    }

    /** Lower-case name as written in project files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
