package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.ui.internal.StartupTimes;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.model.StudioPreferences;
import org.lumaflow.export.audio.TimelineAudio;
import org.lumaflow.ui.internal.audio.AudioPlayer;
import org.lumaflow.ui.internal.parts.viewer.DropStrategy;
import org.lumaflow.ui.internal.parts.viewer.MeterView;
import org.lumaflow.ui.internal.parts.viewer.PlaybackLoop;
import org.lumaflow.ui.internal.parts.viewer.ViewerStats;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The viewer: plays the timeline at preview resolution through the engine (GPU when the backend renders there) on its
 * own render thread, with a frame-drop strategy (never / adaptive / aggressive), an fps + dropped-frames overlay, and an
 * A/B wipe of the selected clip's bare source against the finished picture.
 */
public final class ViewerPart {

    private Studio studio;
    private Display display;
    private Canvas canvas;
    private Label timecode;
    private Button play;
    /** The wipe's labels: A, the clip's bare source, on the left; B, the finished picture, on the right. */
    public static final String WIPE_LEFT = "A: source";
    public static final String WIPE_RIGHT = "B: result";
    private Button wipe;
    private Combo drop;
    private Combo resolution;
    private PlaybackLoop loop;
    private AudioPlayer sound;
    private MeterView meters;
    private Image image;
    private volatile ViewerStats stats = new ViewerStats(0, 0, 0, 0, 0, 0, "", 0);
    private double wipePos = 0.5;
    private Font overlayFont;
    private Color overlayBg;
    private final Consumer<Change> listener = this::changed;
    private final Runnable transportListener = this::transportChanged;

    @PostConstruct
    public void create(Composite parent, Studio s, org.lumaflow.ui.internal.model.ScopeFeed scopeFeed) {
        studio = s;
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(2, false)); // the picture, its level meters; the bar below both
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        overlayFont = new Font(display, "Monospace", 9, SWT.NORMAL);
        overlayBg = new Color(0, 0, 0);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> configure());
        canvas.addListener(SWT.MouseDown, e -> dragWipe(e.x));
        canvas.addListener(SWT.MouseMove, e -> {
            if ((e.stateMask & SWT.BUTTON1) != 0) {
                dragWipe(e.x);
            }
        });
        sound = new AudioPlayer(studio);
        studio.attach(AudioPlayer.class, sound);
        sound.warmUp(5000);
        meters = new MeterView(parent, sound);
        createControls(parent);
        loop = new PlaybackLoop(studio, scopeFeed, this::present);
        loop.setAudio(sound);
        sound.onStatus(() -> display.asyncExec(() -> {
            meters.updateTip();
            canvas.redraw();
        }));
        configure();
        studio.addListener(listener);
        studio.transport().addListener(transportListener);
        loop.seek(studio.playhead());
        loop.start();
    }

    private void createControls(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        bar.setLayout(new GridLayout(9, false));
        button(bar, "|\u25C0", "Go to start (Home)", () -> studio.setPlayhead(0));
        button(bar, "\u25C0", "Previous frame (Left)", () -> step(-1));
        play = button(bar, "\u25B6", "Play / pause (Space); J/K/L shuttle", () -> studio.transport().toggle());
        play.setData("id", "viewer.play");
        button(bar, "\u25B6|", "Next frame (Right)", () -> step(1));
        timecode = new Label(bar, SWT.NONE);
        timecode.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        timecode.setData("id", "viewer.timecode");
        drop = new Combo(bar, SWT.READ_ONLY);
        drop.setItems("Drop: never", "Drop: adaptive", "Drop: aggressive");
        drop.setToolTipText("What to do when rendering cannot keep up: show every frame (slower), skip frames to keep "
                + "time, or also lower the preview resolution");
        drop.select(DropStrategy.of(studio.preferences().get(StudioPreferences.DROP)).ordinal());
        drop.addListener(SWT.Selection, e -> {
            studio.preferences().set(StudioPreferences.DROP, DropStrategy.values()[drop.getSelectionIndex()].name()
                    .toLowerCase());
            configure();
        });
        resolution = new Combo(bar, SWT.READ_ONLY);
        resolution.setItems("Full", "1/2", "1/4");
        int div = studio.preferences().getInt(StudioPreferences.PREVIEW_DIVISOR);
        resolution.select(div >= 4 ? 2 : div == 2 ? 1 : div == 1 ? 0 : 1);
        resolution.setToolTipText("Preview resolution (relative to the project format)");
        resolution.addListener(SWT.Selection, e -> {
            studio.preferences().set(StudioPreferences.PREVIEW_DIVISOR,
                    String.valueOf(1 << resolution.getSelectionIndex()));
            configure();
        });
        wipe = new Button(bar, SWT.TOGGLE);
        wipe.setText("A/B");
        wipe.setToolTipText("Wipe: the selected clip's source (left) against the result (right); drag to move");
        wipe.addListener(SWT.Selection, e -> updateWipe());
        org.lumaflow.ui.internal.parts.proxy.ProxyControls.create(bar, studio);
        updateTimecode();
    }

    private Button button(Composite bar, String text, String tip, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void step(int frames) {
        studio.transport().stop();
        studio.setPlayhead(studio.playhead() + frames);
    }

    private void configure() {
        if (canvas == null || canvas.isDisposed() || drop == null) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        var f = studio.timeline().format();
        double scale = Math.min(area.width / (double) f.width(), area.height / (double) f.height());
        int w = (int) Math.max(2, f.width() * scale);
        int h = (int) Math.max(2, f.height() * scale);
        loop.configure(w, h, 1 << Math.max(0, resolution.getSelectionIndex()),
                DropStrategy.values()[Math.max(0, drop.getSelectionIndex())]);
    }

    private void updateWipe() {
        var c = studio.selectedClip();
        loop.wipe(wipe.getSelection() && c != null ? c.id() : null, wipePos);
    }

    private void dragWipe(int x) {
        if (!wipe.getSelection() || image == null) {
            return;
        }
        Rectangle r = imageBounds();
        wipePos = Math.max(0, Math.min(1, (x - r.x) / (double) Math.max(1, r.width)));
        updateWipe();
    }

    private void changed(Change c) {
        switch (c) {
            case PROJECT -> {
                configure();
                loop.seek(studio.playhead());
                loop.invalidate();
                updateTimecode();
            }
            case TIMELINE -> {
                loop.invalidate();
                updateTimecode(); // the total follows edits at once
            }
            case PARAMS, PREFERENCES -> loop.invalidate();
            case SELECTION -> updateWipe();
            case PLAYHEAD -> {
                if (!studio.transport().playing()) {
                    loop.seek(studio.playhead());
                    scrubSound();
                }
                updateTimecode();
            }
            default -> {
            }
        }
    }

    /** Stopped, a playhead move (ruler drag, arrow keys) plays a short snippet there. */
    private void scrubSound() {
        var rate = studio.timeline().format().rate();
        sound.scrub(TimelineAudio.sampleAt(rate.frameToTicks(studio.playhead())));
        meters.wake();
    }

    /** Called on any thread (the render thread stops the transport at the end of the timeline). */
    private void transportChanged() {
        double speed = studio.transport().speed();
        loop.setSpeed(speed);
        display.asyncExec(() -> {
            if (!play.isDisposed()) {
                play.setText(speed == 0 ? "\u25B6" : "||");
                meters.wake();
                if (speed == 0) {
                    loop.seek(studio.playhead());
                }
            }
        });
    }

    /** Render thread: a frame is ready in reused image data; draw it on the UI thread. */
    private void present(PlaybackLoop.Presented p) {
        display.asyncExec(() -> {
            try {
                if (canvas.isDisposed()) {
                    return;
                }
                if (image != null) {
                    image.dispose();
                }
                image = new Image(display, p.image().current());
                stats = p.stats();
                if (studio.transport().playing()) {
                    studio.setPlayhead(p.frame());
                }
                canvas.redraw();
                canvas.update();
            } finally {
                loop.presented();
            }
        });
    }

    private Rectangle imageBounds() {
        Rectangle area = canvas.getClientArea();
        Rectangle b = image.getBounds();
        var f = studio.timeline().format();
        double scale = Math.min(area.width / (double) f.width(), area.height / (double) f.height());
        int w = (int) (f.width() * scale);
        int h = (int) (f.height() * scale);
        if (w <= 0 || h <= 0) {
            w = b.width;
            h = b.height;
        }
        return new Rectangle((area.width - w) / 2, (area.height - h) / 2, w, h);
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        if (image == null) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_GRAY));
            gc.drawString("rendering...", 10, 10, true);
            return;
        }
        StartupTimes.firstFrame(); // painted, so on screen
        Rectangle b = image.getBounds();
        Rectangle r = imageBounds();
        if (r.width == b.width && r.height == b.height) {
            gc.drawImage(image, r.x, r.y);
        } else {
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(image, 0, 0, b.width, b.height, r.x, r.y, r.width, r.height);
        }
        if (wipe.getSelection() && studio.selectedClip() != null) {
            int x = r.x + (int) Math.round(wipePos * r.width);
            gc.setForeground(display.getSystemColor(SWT.COLOR_YELLOW));
            gc.drawLine(x, r.y, x, r.y + r.height);
            gc.drawString(WIPE_LEFT, r.x + 6, r.y + 6, true);
            gc.drawString(WIPE_RIGHT, r.x + r.width - gc.textExtent(WIPE_RIGHT).x - 6, r.y + 6, true);
        }
        ViewerStats s = stats;
        boolean playing = studio.transport().playing();
        String text = String.format("%s  %dx%d  %.1f ms%s%s", s.backend(), s.width(), s.height(), s.renderMs(),
                playing ? String.format("  %.1f fps  dropped %d", s.fps(), s.dropped()) : "",
                playing && !Double.isNaN(s.avOffsetMs()) ? String.format("  A/V %+.0f ms", s.avOffsetMs()) : "");
        String noSound = sound.status();
        if (noSound != null && playing) {
            gc.setFont(overlayFont);
            gc.setForeground(display.getSystemColor(SWT.COLOR_YELLOW));
            gc.setBackground(overlayBg);
            gc.drawString(noSound, 8, 6, false);
        }
        gc.setFont(overlayFont);
        var ext = gc.textExtent(text);
        gc.setAlpha(160);
        gc.setBackground(overlayBg);
        gc.fillRectangle(area.width - ext.x - 12, area.height - ext.y - 8, ext.x + 10, ext.y + 6);
        gc.setAlpha(255);
        gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.drawString(text, area.width - ext.x - 7, area.height - ext.y - 5, true);
    }

    private void updateTimecode() {
        if (timecode == null || timecode.isDisposed()) {
            return;
        }
        var rate = studio.timeline().format().rate();
        long total = studio.timeline().frameCount();
        timecode.setText(Timecode.format(studio.playhead(), rate, Timecode.defaultDropFrame(rate)) + " / " + Timecode.format(total, rate, Timecode.defaultDropFrame(rate))
                + "   frame " + studio.playhead());
    }

    /** Playback statistics (overlay, UI tests). */
    public ViewerStats stats() {
        return stats;
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        studio.transport().removeListener(transportListener);
        loop.stop();
        sound.dispose();
        if (image != null) {
            image.dispose();
        }
        overlayFont.dispose();
        overlayBg.dispose();
    }
}
