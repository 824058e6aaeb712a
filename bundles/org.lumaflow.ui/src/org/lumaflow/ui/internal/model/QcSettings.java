package org.lumaflow.ui.internal.model;

import java.util.List;

import org.lumaflow.qc.QcOptions;

/**
 * The QC thresholds kept in the studio's preferences, used by Run QC and by exports: {@code qc.preset} and, for each
 * threshold changed from that preset, {@code qc.KEY} with FFmpeg's name and text ({@code qc.blackdetect.d=0.3}).
 * A stored value that no longer parses is ignored with a warning (the preset's value applies).
 */
public final class QcSettings {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private QcSettings() {
    }

    /** The thresholds the preferences describe. */
    public static QcOptions options(StudioPreferences p) {
        QcOptions o;
        try {
            o = QcOptions.preset(p.get(StudioPreferences.QC_PRESET));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "preferences: " + e.getMessage() + "; the default preset applies");
            o = QcOptions.defaults();
        }
        for (String k : QcOptions.KEYS) {
            String v = p.get("qc." + k).trim();
            if (!v.isEmpty()) {
                try {
                    o = o.with(k, v);
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.WARNING, "preferences: qc." + k + " ignored: " + e.getMessage());
                }
            }
        }
        return o;
    }

    /** Stores {@code o}: its preset and the thresholds that differ from it (the others are cleared). */
    public static void store(StudioPreferences p, QcOptions o) {
        p.set(StudioPreferences.QC_PRESET, o.preset());
        List<String> changed = o.changedFromPreset();
        for (String k : QcOptions.KEYS) {
            p.set("qc." + k, changed.contains(k) ? o.format(k) : "");
        }
    }

    /** {@code broadcast} or {@code broadcast, changed blackdetect.d=0.3}. */
    public static String describe(QcOptions o) {
        StringBuilder s = new StringBuilder(o.preset());
        String sep = ", changed ";
        for (String k : o.changedFromPreset()) {
            s.append(sep).append(k).append('=').append(o.format(k));
            sep = " ";
        }
        return s.toString();
    }
}
