package org.lumaflow.ui.internal.parts.export;

/** Read access to the export presets' texts for tests (the presets themselves are package-private). */
public final class ExportPresetsAccess {

    private ExportPresetsAccess() {
    }

    /** The hint of the first (H.264) preset. */
    public static String firstHint() {
        return Presets.ALL.get(0).hint();
    }
}
