package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Track;

/** Track settings OTIO has no field for, kept in the track's {@code metadata.lumaflow}. */
final class TrackSettings {

    private TrackSettings() {
    }

    /** Applies our block of a track's metadata. */
    static void apply(Map<String, Object> b, Track t, Obj where) throws ProjectException {
        try {
            if (b.get("blend") instanceof String s) {
                t.setBlendMode(s);
            }
            if (b.get("opacity") instanceof BigDecimal d) {
                t.setOpacity(d.doubleValue());
            }
            if (b.get("volume") instanceof BigDecimal d) {
                t.setVolumeDb(d.doubleValue());
            }
            if (b.get("pan") instanceof BigDecimal d) {
                t.setPan(d.doubleValue());
            }
            if (b.get("mute") instanceof Boolean v) {
                t.setMuted(v);
            }
            if (b.get("solo") instanceof Boolean v) {
                t.setSolo(v);
            }
            if (b.get("locked") instanceof Boolean v) {
                t.setLocked(v);
            }
        } catch (IllegalArgumentException e) {
            throw where.error("metadata", e.getMessage());
        }
    }

    /** Our block for a track: the settings that differ from the defaults. */
    static Map<String, Object> block(Track t) {
        Map<String, Object> b = Json.obj();
        if (!t.blendMode().equals("over")) {
            b.put("blend", t.blendMode());
        }
        if (t.opacity() != 1) {
            b.put("opacity", t.opacity());
        }
        if (t.volumeDb() != 0) {
            b.put("volume", t.volumeDb());
        }
        if (t.pan() != 0) {
            b.put("pan", t.pan());
        }
        if (t.muted()) {
            b.put("mute", true);
        }
        if (t.solo()) {
            b.put("solo", true);
        }
        if (t.locked()) {
            b.put("locked", true);
        }
        return b;
    }
}
