package org.lumaflow.ui.internal.model;

import java.util.List;
import java.util.Map;

import org.lumaflow.engine.graph.Point2;

/**
 * A named set of telemetry overlay nodes with their placement, added to a clip in one step
 * ({@link ClipTelemetry#addOverlays}).
 *
 * @param name shown in the studio
 * @param items the nodes, bottom to top
 */
public record OverlayPreset(String name, List<Item> items) {

    /**
     * One overlay node of a preset.
     *
     * @param id node id (made unique in the chain)
     * @param type node type ({@code telemetry.speed_gauge}, ...)
     * @param params parameters besides {@code telemetry} and {@code offset}; {@code size} (the widget's width) is
     *        in pixels of a 1920-wide project and scaled to the project's width
     */
    public record Item(String id, String type, Map<String, Object> params) {
    }

    /** The built-in presets: a full action-camera set, each overlay alone, and a stats line. */
    public static List<OverlayPreset> builtins() {
        Item dial = new Item("speed", "telemetry.speed_gauge",
                Map.of("style", "dial", "position", new Point2(0.12, 0.78), "size", 300.0));
        Item map = new Item("minimap", "telemetry.minimap", Map.of("position", new Point2(0.88, 0.22), "size", 360.0));
        Item elevation = new Item("elevation", "telemetry.elevation",
                Map.of("position", new Point2(0.75, 0.88), "size", 560.0));
        Item gmeter = new Item("gmeter", "telemetry.g_meter", Map.of("position", new Point2(0.12, 0.22), "size", 240.0));
        Item digital = new Item("speed", "telemetry.speed_gauge",
                Map.of("style", "digital", "position", new Point2(0.12, 0.88), "size", 300.0));
        Item altitude = new Item("altitude", "telemetry.text",
                Map.of("field", "altitude", "position", new Point2(0.5, 0.92), "size", 320.0));
        return List.of(
                new OverlayPreset("Action camera (gauge, minimap, elevation)", List.of(dial, map, elevation)),
                new OverlayPreset("Speed gauge", List.of(dial)),
                new OverlayPreset("Digital speed", List.of(digital)),
                new OverlayPreset("Minimap", List.of(map)),
                new OverlayPreset("Elevation profile", List.of(elevation)),
                new OverlayPreset("G-meter", List.of(gmeter)),
                new OverlayPreset("Altitude text", List.of(altitude)));
    }
}
