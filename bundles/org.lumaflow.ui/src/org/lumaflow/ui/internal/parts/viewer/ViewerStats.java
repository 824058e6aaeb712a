package org.lumaflow.ui.internal.parts.viewer;

/**
 * What the viewer reports (overlay, UI tests): frames shown and dropped since playback started, the measured display
 * rate, the last render time, the preview size and the backend; while sound plays, how far the sound being heard is
 * ahead of the frame shown (ms, NaN without sound) and the largest such offset of this playback.
 */
public record ViewerStats(long shown, long dropped, double fps, double renderMs, int width, int height,
        String backend, long frame, double avOffsetMs, double avMaxMs) {

    /** Stats without sound figures. */
    public ViewerStats(long shown, long dropped, double fps, double renderMs, int width, int height, String backend,
            long frame) {
        this(shown, dropped, fps, renderMs, width, height, backend, frame, Double.NaN, Double.NaN);
    }
}
