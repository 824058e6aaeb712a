package org.lumaflow.ui.internal.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.Alignment;

/**
 * Telemetry attached to a clip: the file and its alignment, kept in the clip's metadata ({@code telemetry.file},
 * {@code telemetry.offset}, {@code telemetry.method}, {@code telemetry.reason}) so they are saved with the project, and
 * the edits that attach it and add overlay nodes reading it. Overlay nodes take the file and offset as parameters
 * ({@code telemetry}, {@code offset}); attaching again updates the overlays already on the clip.
 */
public final class ClipTelemetry {

    /** Metadata keys. */
    public static final String FILE = "telemetry.file";
    /** Seconds: media time = telemetry time + offset. */
    public static final String OFFSET = "telemetry.offset";
    /** {@link Alignment.Method} name. */
    public static final String METHOD = "telemetry.method";
    /** One line: why this offset. */
    public static final String REASON = "telemetry.reason";

    /** Node types of the overlays (prefix). */
    public static final String OVERLAY_PREFIX = "telemetry.";

    /**
     * What is attached to a clip.
     *
     * @param file the telemetry file as stored (relative to the project folder when it was inside it)
     * @param offset seconds (media = telemetry + offset)
     * @param method how the offset was found
     * @param reason why
     */
    public record Attached(String file, double offset, String method, String reason) {
    }

    private ClipTelemetry() {
    }

    /** The telemetry attached to {@code clip}, or null. */
    public static Attached of(Clip clip) {
        Map<String, String> m = clip.metadata();
        String file = m.get(FILE);
        if (file == null || file.isBlank()) {
            return null;
        }
        double offset;
        try {
            offset = Double.parseDouble(m.getOrDefault(OFFSET, "0"));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        return new Attached(file, offset, m.getOrDefault(METHOD, Alignment.Method.MANUAL.name()),
                m.getOrDefault(REASON, ""));
    }

    /** How a file is stored: relative to {@code baseDir} when inside it, else absolute. */
    public static String stored(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        if (baseDir != null) {
            Path base = baseDir.toAbsolutePath().normalize();
            if (abs.startsWith(base)) {
                return base.relativize(abs).toString();
            }
        }
        return abs.toString();
    }

    /**
     * Attaches {@code file} with {@code alignment} to {@code clip} (one undo step) and points the clip's overlay
     * nodes at it.
     */
    public static Edit attach(Clip clip, String file, Alignment alignment) {
        Map<String, String> before = new HashMap<>(clip.metadata());
        Map<String, String> after = new HashMap<>(before);
        after.put(FILE, file);
        after.put(OFFSET, number(alignment.offset()));
        after.put(METHOD, alignment.method().name());
        after.put(REASON, alignment.reason());
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edits.Simple("Attach telemetry to '" + clip.id() + "'", Change.TIMELINE,
                () -> replace(clip, after), () -> replace(clip, before)));
        for (GraphNode n : clip.effects()) {
            if (n.type().startsWith(OVERLAY_PREFIX)) {
                edits.add(Edits.setParam(n, "telemetry", file));
                edits.add(Edits.setParam(n, "offset", alignment.offset()));
            }
        }
        return Edits.compound("Attach telemetry to '" + clip.id() + "'", edits);
    }

    /** Removes the attachment (one undo step); overlay nodes stay and keep their parameters. */
    public static Edit detach(Clip clip) {
        Map<String, String> before = new HashMap<>(clip.metadata());
        Map<String, String> after = new HashMap<>(before);
        after.keySet().removeIf(k -> k.startsWith("telemetry."));
        return new Edits.Simple("Detach telemetry from '" + clip.id() + "'", Change.TIMELINE,
                () -> replace(clip, after), () -> replace(clip, before));
    }

    private static void replace(Clip clip, Map<String, String> values) {
        // keep the other owners' keys in their order, then ours
        clip.metadata().keySet().removeIf(k -> !values.containsKey(k));
        values.forEach((k, v) -> clip.metadata().put(k, v));
    }

    /**
     * Adds the overlay nodes of {@code preset} to the end of {@code clip}'s chain, reading the attached telemetry
     * (one undo step), sized for a project {@code projectWidth} pixels wide. Node ids are made unique within the
     * chain.
     *
     * @throws IllegalStateException when no telemetry is attached
     */
    public static Edit addOverlays(Clip clip, OverlayPreset preset, int projectWidth) {
        Attached a = of(clip);
        if (a == null) {
            throw new IllegalStateException("attach telemetry to clip '" + clip.id() + "' first");
        }
        List<Edit> edits = new ArrayList<>();
        List<String> taken = new ArrayList<>(clip.effects().stream().map(GraphNode::id).toList());
        int index = clip.effects().size();
        for (OverlayPreset.Item item : preset.items()) {
            String id = unique(item.id(), taken);
            taken.add(id);
            GraphNode n = new GraphNode(id, item.type());
            n.params().putAll(item.params());
            if (item.params().get("size") instanceof Number size) {
                n.params().put("size", (double) Math.round(size.doubleValue() * projectWidth / 1920.0));
            }
            n.params().put("telemetry", a.file());
            n.params().put("offset", a.offset());
            edits.add(Edits.addEffect(clip, index++, n));
        }
        return Edits.compound("Add " + preset.name() + " overlays to '" + clip.id() + "'", edits);
    }

    private static String unique(String base, List<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2;; i++) {
            if (!taken.contains(base + i)) {
                return base + i;
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v)
                .replaceAll("0+$", "");
    }
}
