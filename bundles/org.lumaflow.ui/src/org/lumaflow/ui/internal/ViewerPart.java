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
        canvas.addPaintListener(e -> paint(e.gc));
    }

    /** Renders SMPTE bars through the engine service at the canvas size and draws them (groundwork check). */
    private void paint(org.eclipse.swt.graphics.GC gc) {
        var area = canvas.getClientArea();
        if (area.width < 2 || area.height < 2) {
            return;
        }
        org.lumaflow.engine.render.Engine engine = engine();
        if (engine == null) {
            gc.drawString("no engine service", 10, 10);
            return;
        }
        int w = area.width & ~1;
        int h = area.height & ~1;
        try {
            org.lumaflow.engine.graph.Graph g = new org.lumaflow.engine.graph.Graph();
            g.add("bars", "core.smpte_bars");
            try (RenderResult r = engine.compile(g.output("bars"), null).render(0, w, h, w / 1920.0)) {
                org.eclipse.swt.graphics.Image img = new org.eclipse.swt.graphics.Image(canvas.getDisplay(),
                        toImage(r));
                gc.drawImage(img, 0, 0);
                img.dispose();
                gc.drawString(engine.backend(), 10, 10, true);
            }
        } catch (Exception ex) {
            gc.drawString("render failed: " + ex.getMessage(), 10, 10);
        }
    }

    private static org.lumaflow.engine.render.Engine engine() {
        var bundle = org.osgi.framework.FrameworkUtil.getBundle(ViewerPart.class);
        var ctx = bundle == null ? null : bundle.getBundleContext();
        if (ctx == null) {
            return null;
        }
        var ref = ctx.getServiceReference(org.lumaflow.engine.render.Engine.class);
        return ref == null ? null : ctx.getService(ref);
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
