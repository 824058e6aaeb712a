package org.lumaflow.engine.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named point or range. On the timeline ({@link Timeline#markers()}) times are timeline ticks; on a clip
 * ({@link Clip#markers()}) they are clip time, the coordinates of {@link Clip#in()}.
 *
 * @param name     label (may be empty)
 * @param start    first tick
 * @param duration length in ticks, 0 for a point
 * @param color    colour
 * @param note     free text (may be empty)
 * @param metadata extra data kept with the marker (namespaced keys, e.g. {@code "qc.kind"}); copied, unmodifiable
 */
public record Marker(String name, long start, long duration, MarkerColor color, String note,
        Map<String, String> metadata) {

    /** Validates and copies. */
    public Marker {
        name = name == null ? "" : name;
        note = note == null ? "" : note;
        Objects.requireNonNull(color, "color");
        if (duration < 0) {
            throw new IllegalArgumentException("marker '" + name + "' has a negative duration");
        }
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A point marker without note or metadata. */
    public static Marker at(String name, long time, MarkerColor color) {
        return new Marker(name, time, 0, color, "", Map.of());
    }

    /** {@code start + duration}. */
    public long end() {
        return start + duration;
    }
}
