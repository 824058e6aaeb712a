package org.lumaflow.otio.internal;

import java.util.Map;

/**
 * Metadata keys under which what Lumaflow cannot represent is kept (JSON text or tick counts), written back on export.
 * Documented in {@code docs/otio.md}.
 */
public final class K {
    /** The OTIO object's own metadata dictionary (minus our "lumaflow" block), JSON. */
    public static final String METADATA = "otio.metadata";
    /** Members of the OTIO object this reader does not know (e.g. a newer "color"), JSON object. */
    public static final String FIELDS = "otio.fields";
    /** Timeline: the top Stack's own fields when not the defaults, JSON object (without children and markers). */
    public static final String STACK = "otio.stack";
    /** Timeline: rate of global_start_time ("num/den"), present when the file had one. */
    public static final String START_RATE = "otio.global_start_rate";
    /** Timeline: the folder relative media URLs of kept references resolve against (absolute path). */
    public static final String MEDIA_BASE = "otio.media_base";
    /** Clip: the rate its times were written at ("num/den") when not the timeline's. */
    public static final String RATE = "otio.rate";
    /** Clip: {"media_references": {...}, "active_media_reference_key": "..."} as read (Clip.1 upgraded), JSON. */
    public static final String MEDIA = "otio.media";
    /** Clip: which source node the kept media references produced (see {@link MediaMap#fingerprint}). */
    public static final String SOURCE = "otio.source";
    /** Clip: start of the media's available_range, ticks (source times are relative to it). */
    public static final String AVAILABLE_START = "otio.available_start";
    /** Clip: the reference that could not be found (the clip shows an offline slate). */
    public static final String OFFLINE = "otio.offline";
    /** The offline clip's looked-for file, its available duration (ticks) and size (bytes): for relinking later. */
    public static final String OFFLINE_FILE = "otio.offline.file";
    /** See {@link #OFFLINE_FILE}. */
    public static final String OFFLINE_DURATION = "otio.offline.duration";
    /** See {@link #OFFLINE_FILE}. */
    public static final String OFFLINE_SIZE = "otio.offline.size";
    /** Clip: the effects array as read, JSON. */
    public static final String EFFECTS = "otio.effects";
    /** Clip: the speed those effects gave (a double), to tell whether it was edited. */
    public static final String EFFECTS_SPEED = "otio.effects.speed";
    /** Clip: the Transition.1 that led into it, JSON. */
    public static final String TRANSITION = "otio.transition";
    /** Clip: where that transition's cut lies after the clip's start, ticks. */
    public static final String TRANSITION_CUT = "otio.transition.cut";
    /** Clip: a nested Stack/Track kept whole (shown as a slate), JSON. */
    public static final String ITEM = "otio.item";
    /** Clip: "in/duration" ticks when {@link #ITEM} was read, to tell whether it was edited. */
    public static final String ITEM_SPAN = "otio.item.span";
    /** Track: kind when neither Video nor Audio. */
    public static final String KIND = "otio.kind";
    /** Track: source_range, JSON (kept, not applied). */
    public static final String SOURCE_RANGE = "otio.source_range";
    /** Track: gaps with names, metadata, markers or effects: [{"at": ticks, "duration": ticks, "item": {...}}]. */
    public static final String GAPS = "otio.gaps";
    /** Track: zero-length items and transitions without two clips: [{"at": ticks, "item": {...}}]. */
    public static final String INSERTS = "otio.inserts";
    /** Marker: index of the track it belonged to (timeline markers came from the top Stack otherwise). */
    public static final String MARKER_TRACK = "otio.track";
    /** Marker: a colour outside OTIO's set. */
    public static final String MARKER_COLOR = "otio.color";

    /** Our own block in OTIO metadata dictionaries. */
    public static final String LUMAFLOW = "lumaflow";

    private K() {
    }

    /** Whether {@code key} is one of ours (kept OTIO data), i.e. not the user's metadata. */
    public static boolean kept(String key) {
        return key.startsWith("otio.");
    }

    /** The user's (non-otio) metadata of {@code all}. */
    public static Map<String, Object> user(Map<String, String> all) {
        Map<String, Object> out = Json.obj();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!kept(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
