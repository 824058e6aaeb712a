package org.lumaflow.ui.internal.parts.source;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoSource;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.handlers.Actions;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.viewer.FrameImage;

/**
 * The source monitor: the bin's selected file, its own scrub bar (frames at the file's rate), Mark In / Mark Out (I
 * and O while the monitor has focus) and Insert / Overwrite of the marked range at the timeline's playhead (the same
 * edits as , and .). Frames are decoded off the UI thread, the latest request winning.
 */
public final class SourceMonitor {

    private static final int W = 480;
    private static final int H = 270;

    private final Studio studio;
    private final Display display;
    private final Canvas picture;
    private final Scale scrub;
    private final Label info;
    private final FrameImage frameImage = new FrameImage();
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lumaflow-source-monitor");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Change> listener = c -> {
        if (c == Change.SELECTION) {
            load();
        }
    };
    private Image image;
    private Path file;
    private MediaInfo media;
    private FrameRate rate = FrameRate.FPS_25;
    private long frames;
    private volatile long wanted = -1;
    /** The decoder thread's open reader and its file. */
    private VideoSource open;
    private Path openFile;

    public SourceMonitor(Composite parent, Studio studio) {
        this.studio = studio;
        this.display = parent.getDisplay();
        parent.setLayout(new GridLayout(5, false));
        picture = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        picture.setData("id", "source.picture");
        picture.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        picture.addPaintListener(e -> paint(e.gc));
        picture.addListener(SWT.KeyDown, e -> {
            if (Character.toLowerCase(e.character) == 'i') {
                markIn();
            } else if (Character.toLowerCase(e.character) == 'o') {
                markOut();
            }
        });
        scrub = new Scale(parent, SWT.HORIZONTAL);
        scrub.setData("id", "source.scrub");
        scrub.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        scrub.addListener(SWT.Selection, e -> show(scrub.getSelection()));
        button(parent, "Mark In (I)", "source.in", this::markIn);
        button(parent, "Mark Out (O)", "source.out", this::markOut);
        button(parent, "Insert (,)", "source.insert", () -> Actions.run("insert", studio, parent.getShell(), null, null));
        button(parent, "Overwrite (.)", "source.overwrite",
                () -> Actions.run("overwrite", studio, parent.getShell(), null, null));
        info = new Label(parent, SWT.NONE);
        info.setData("id", "source.info");
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        studio.addListener(listener);
        load();
    }

    private static void button(Composite parent, String text, String id, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData("id", id);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** The frame shown, in the file's frames. */
    public long frame() {
        return scrub.getSelection();
    }

    /** Shows frame {@code f} of the file (clamped). */
    public void show(long f) {
        if (media == null) {
            return;
        }
        long clamped = Math.max(0, Math.min(frames - 1, f));
        scrub.setSelection((int) clamped);
        wanted = clamped;
        Path p = file;
        decoder.execute(() -> decode(p, clamped));
        updateInfo();
    }

    /** Marks the shown frame as the source's in point. */
    public void markIn() {
        studio.setSourceMarks(rate.frameToTicks(frame()), studio.sourceOut());
    }

    /** Marks the end of the shown frame as the source's out point (exclusive). */
    public void markOut() {
        studio.setSourceMarks(studio.sourceIn(), rate.frameToTicks(frame() + 1));
    }

    private void load() {
        Path sel = studio.binSelection();
        if (sel == null || sel.equals(file)) {
            updateInfo();
            return;
        }
        file = sel;
        media = null;
        decoder.execute(() -> {
            try {
                MediaInfo mi = studio.services().media().probe(sel);
                display.asyncExec(() -> loaded(sel, mi));
            } catch (Exception e) {
                display.asyncExec(() -> {
                    if (!info.isDisposed()) {
                        info.setText(sel.getFileName() + ": " + e.getMessage());
                    }
                });
            }
        });
    }

    private void loaded(Path p, MediaInfo mi) {
        if (picture.isDisposed() || !p.equals(file) || mi.firstVideo() == null) {
            return;
        }
        media = mi;
        var r = mi.firstVideo().frameRate();
        rate = r.num() > 0 && r.den() > 0 && r.num() < Integer.MAX_VALUE && r.den() < Integer.MAX_VALUE
                ? new FrameRate((int) r.num(), (int) r.den()) : FrameRate.FPS_25;
        long ticks = mi.firstVideo().durationTicks() > 0 ? mi.firstVideo().durationTicks() : mi.durationTicks();
        frames = Math.max(1, rate.ticksToFrame(ticks, java.math.RoundingMode.FLOOR));
        scrub.setMaximum((int) Math.max(1, frames - 1));
        show(0);
    }

    private void decode(Path p, long f) {
        if (f != wanted) {
            return; // a later request replaced this one
        }
        try {
            if (!p.equals(openFile)) { // one reader per file, kept while scrubbing it (decoder thread only)
                closeSource();
                MediaService media = studio.services().media();
                open = media.openVideo(p, W, H, MediaService.Fit.FIT, studio.engine().pool(), 1);
                openFile = p;
            }
            Frame frame = open.frame(rate.frameToTicks(f));
            try {
                ImageData d = frameImage.fill(frame);
                ImageData copy = (ImageData) d.clone();
                display.asyncExec(() -> {
                    if (picture.isDisposed()) {
                        return;
                    }
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(display, copy);
                    picture.redraw();
                });
            } finally {
                frame.release();
            }
        } catch (Exception e) {
            closeSource();
            Dialogs.error(null, "Source monitor", p + ": " + e.getMessage());
        }
    }

    private void closeSource() {
        if (open != null) {
            open.close();
        }
        open = null;
        openFile = null;
    }

    private void paint(org.eclipse.swt.graphics.GC gc) {
        Rectangle r = picture.getClientArea();
        gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(r);
        if (image != null) {
            Rectangle b = image.getBounds();
            double k = Math.min(r.width / (double) b.width, r.height / (double) b.height);
            int w = (int) (b.width * k);
            int h = (int) (b.height * k);
            gc.drawImage(image, 0, 0, b.width, b.height, (r.width - w) / 2, (r.height - h) / 2, w, h);
        } else {
            gc.setForeground(display.getSystemColor(SWT.COLOR_GRAY));
            gc.drawString("Select a file in the media bin", 10, 10, true);
        }
    }

    private void updateInfo() {
        if (info.isDisposed()) {
            return;
        }
        if (media == null) {
            info.setText(file == null ? "no file selected" : file.getFileName() + ": probing...");
            return;
        }
        boolean df = Timecode.defaultDropFrame(rate);
        String in = studio.sourceIn() < 0 ? "start" : Timecode.format(rate.ticksToFrame(studio.sourceIn(),
                java.math.RoundingMode.FLOOR), rate, df);
        String out = studio.sourceOut() < 0 ? "end" : Timecode.format(rate.ticksToFrame(studio.sourceOut(),
                java.math.RoundingMode.CEILING), rate, df);
        info.setText(file.getFileName() + "  " + Timecode.format(frame(), rate, df) + "   in " + in + "   out " + out);
        info.getParent().layout(new org.eclipse.swt.widgets.Control[] {info});
    }

    public void dispose() {
        studio.removeListener(listener);
        decoder.execute(this::closeSource);
        decoder.shutdown();
        if (image != null) {
            image.dispose();
        }
    }
}
