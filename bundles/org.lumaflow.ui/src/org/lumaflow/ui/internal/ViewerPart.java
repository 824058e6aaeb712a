package org.lumaflow.ui.internal;

import java.nio.ByteBuffer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.engine.render.RenderResult;

import jakarta.annotation.PostConstruct;

/**
 * Groundwork (branch studio-groundwork): the viewer part, a canvas showing a preview frame rendered by the engine.
 * Playback, frame dropping, A/B wipe and the rest of the workbench come with issue 6.
 */
public final class ViewerPart {

    private Canvas canvas;

    @PostConstruct
    public void create(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_BLACK));
    }

    /** Converts a rendered RGBA8 frame to SWT image data (for painting). */
    static ImageData toImage(RenderResult r) {
        int w = r.frame().width();
        int h = r.frame().height();
        ImageData d = new ImageData(w, h, 32, new PaletteData(0xFF000000, 0xFF0000, 0xFF00));
        ByteBuffer b = r.frame().buffer();
        byte[] row = new byte[w * 4];
        for (int y = 0; y < h; y++) {
            b.get(y * w * 4, row, 0, row.length);
            for (int x = 0; x < w; x++) {
                // RGBA bytes -> SWT's 32-bit direct palette (R G B X, high bytes first)
                int r0 = row[x * 4] & 0xFF;
                int g0 = row[x * 4 + 1] & 0xFF;
                int b0 = row[x * 4 + 2] & 0xFF;
                d.setPixel(x, y, (r0 << 24) | (g0 << 16) | (b0 << 8));
            }
        }
        return d;
    }
}
