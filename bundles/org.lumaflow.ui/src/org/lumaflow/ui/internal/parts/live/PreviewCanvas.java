package org.lumaflow.ui.internal.parts.live;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.live.LiveSession;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * A small preview of one source ({@code index} >= 0) or of the composed program (-1), refreshed five times a second
 * from {@link LiveSession#preview} into a reused buffer and image data.
 */
public final class PreviewCanvas {

    static final int REFRESH_MS = 200;

    private final Canvas canvas;
    private final int index;
    private final int width;
    private final int height;
    private final Supplier<LiveSession> session;
    private final ByteBuffer rgba;
    private final ImageData data;
    private final String title;
    private boolean shown;

    public PreviewCanvas(Composite parent, DarkLook look, int index, int width, int height, String title,
            Supplier<LiveSession> session) {
        this.index = index;
        this.width = width;
        this.height = height;
        this.title = title;
        this.session = session;
        this.rgba = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
        this.data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData("id", index < 0 ? "live.preview.program" : "live.preview." + index);
        canvas.setBackground(look.background);
        GridData gd = new GridData(SWT.LEFT, SWT.TOP, false, false);
        gd.widthHint = width;
        gd.heightHint = height;
        canvas.setLayoutData(gd);
        canvas.addPaintListener(e -> paint(e.gc));
        tick();
    }

    /** Whether a picture has been shown (for tests). */
    public boolean shown() {
        return shown;
    }

    private void tick() {
        if (canvas.isDisposed()) {
            return;
        }
        canvas.redraw();
        canvas.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        LiveSession s = session.get();
        boolean ok = false;
        if (s != null) {
            rgba.clear();
            ok = s.preview(index, width, height, rgba);
        }
        if (ok) {
            byte[] line = data.data;
            int bpl = data.bytesPerLine;
            for (int y = 0; y < height; y++) {
                int src = y * width * 4;
                int dst = y * bpl;
                for (int x = 0; x < width; x++) {
                    line[dst++] = rgba.get(src);
                    line[dst++] = rgba.get(src + 1);
                    line[dst++] = rgba.get(src + 2);
                    src += 4;
                }
            }
            Image img = new Image(canvas.getDisplay(), data);
            gc.drawImage(img, 0, 0);
            img.dispose();
            shown = true;
        } else {
            gc.fillRectangle(r);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawText(title, 4, 2, true);
    }
}
