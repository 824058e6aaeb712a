package org.lumaflow.ui.internal.parts.viewer;

/**
 * What the viewer reports (overlay, UI tests): frames shown and dropped since playback started, the measured display
 * rate, the last render time, the preview size and the backend.
 */
public record ViewerStats(long shown, long dropped, double fps, double renderMs, int width, int height,
        String backend, long frame) {
}
