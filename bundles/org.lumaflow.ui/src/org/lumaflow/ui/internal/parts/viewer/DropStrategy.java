package org.lumaflow.ui.internal.parts.viewer;

/** What the viewer does when rendering cannot keep up with the playback clock. */
public enum DropStrategy {
    /** Show every frame; playback slows down instead (for checking every frame). */
    NEVER,
    /** Keep the clock: render the frame that is due now, skipping the ones missed (counted as dropped). */
    ADAPTIVE,
    /** Like adaptive, and also lower the preview resolution while frames are being dropped, raising it again later. */
    AGGRESSIVE;

    /** Parses a preference value (unknown values mean adaptive). */
    public static DropStrategy of(String s) {
        for (DropStrategy d : values()) {
            if (d.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return d;
            }
        }
        return ADAPTIVE;
    }
}
