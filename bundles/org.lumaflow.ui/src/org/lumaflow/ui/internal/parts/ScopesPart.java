package org.lumaflow.ui.internal.parts;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.engine.render.FrameStats;
import org.lumaflow.qc.QcReport;
import org.lumaflow.qc.SignalStats;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.ScopeFeed;
import org.lumaflow.ui.internal.model.ScopeFeed.ScopeFrame;
import org.lumaflow.ui.internal.model.Studio;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Video scopes of the picture the viewer shows: histogram (R, G, B and luma), luma waveform, vectorscope (Cb/Cr with
 * the 75% colour-bar targets and the skin-tone line) and RGB parade. Pictures arrive through the {@link ScopeFeed};
 * one worker thread turns the newest into the scope image (older ones are dropped, buffers are reused), at most 15
 * times a second, and the canvas draws it with its graticule. When the viewer is idle and a QC report is fresher than
 * its last picture, the histogram shows the report's luma figures for the playhead frame instead.
 */
public final class ScopesPart {

    /** The scopes. */
    enum Mode {
        HISTOGRAM("Histogram"), WAVEFORM("Waveform"), VECTORSCOPE("Vectorscope"), PARADE("RGB parade");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private static final long FRAME_NANOS = 1_000_000_000L / 15;
    private static final long IDLE_NANOS = 500_000_000L;
    /** Chroma (Cb/Cr in code values) at the vectorscope's edge: 100% magenta (152) just fits. */
    private static final double VECTOR_RANGE = 158;
    private static final PaletteData RGBX = new PaletteData(0xFF000000, 0x00FF0000, 0x0000FF00);

    private Studio studio;
    private ScopeFeed feed;
    private Display display;
    private DarkLook look;
    private Canvas canvas;
    private Label info;
    private Canvas tabs;
    private volatile Mode mode = Mode.WAVEFORM;
    private Worker worker;
    private final Consumer<Change> studioListener = this::changed;
    private final Runnable feedListener = () -> {
        Worker w = worker;
        if (w != null) {
            w.request();
        }
    };

    // UI-thread state: what the canvas shows
    private Image image;
    private Mode imageMode;
    private final long[] uiBins = new long[4 * 256];
    private boolean uiHaveBins;
    private boolean uiBinsFromStats;
    private long uiFrame = -1;
    private boolean uiPresent;
    private long qcArrived;
    private final int[] poly = new int[2 * 258];
    private final int[] line = new int[2 * 256];

    @PostConstruct
    public void create(Composite parent, Studio studio, ScopeFeed feed, MApplication app) {
        this.studio = studio;
        this.feed = feed;
        this.display = parent.getDisplay();
        if (app != null && app.getContext().get(ScopeFeed.class) == null) {
            app.getContext().set(ScopeFeed.class, feed); // so context.get(ScopeFeed.class) finds the same one
        }
        look = new DarkLook(parent);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        parent.setLayout(gl);

        Composite top = new Composite(parent, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout tl = new GridLayout(2, false);
        tl.marginHeight = 2;
        tl.marginWidth = 4;
        top.setLayout(tl);
        tabs = new Canvas(top, SWT.DOUBLE_BUFFERED);
        tabs.setData("id", "scopes.mode");
        tabs.setToolTipText("Histogram, luma waveform, vectorscope, RGB parade");
        tabs.addListener(SWT.Paint, e -> paintTabs(e.gc));
        tabs.addListener(SWT.MouseDown, e -> {
            int i = tabAt(e.x);
            if (i >= 0) {
                setMode(Mode.values()[i]);
            }
        });
        GridData td = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        td.heightHint = 22;
        td.widthHint = 4 * 96;
        tabs.setLayoutData(td);
        info = new Label(top, SWT.RIGHT);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setData("id", "scopes.canvas");
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> {
            resized();
            canvas.redraw();
        });

        look.apply(parent);
        info.setForeground(look.dim);
        info.setFont(look.small());

        worker = new Worker();
        resized();
        Thread t = new Thread(worker, "scopes");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        worker.thread = t;
        t.start();
        feed.addListener(feedListener);
        studio.addListener(studioListener);
        worker.request();
    }

    @PreDestroy
    public void dispose() {
        feed.removeListener(feedListener);
        studio.removeListener(studioListener);
        Worker w = worker;
        worker = null;
        if (w != null) {
            w.stop();
        }
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** The scope shown (for tests). */
    Mode mode() {
        return mode;
    }

    void setMode(Mode m) {
        mode = m;
        tabs.redraw();
        resized();
        Worker w = worker;
        if (w != null) {
            w.request();
        }
        canvas.redraw();
    }

    private void changed(Change c) {
        switch (c) {
            case QC -> {
                qcArrived = System.nanoTime();
                recheckQc();
            }
            case PLAYHEAD, PROJECT -> recheckQc();
            default -> {
            }
        }
    }

    /** Redraws now and once the viewer counts as idle (the QC histogram may take over then). */
    private void recheckQc() {
        if (mode != Mode.HISTOGRAM || canvas.isDisposed()) {
            return;
        }
        canvas.redraw();
        display.timerExec((int) (IDLE_NANOS / 1_000_000) + 100, () -> {
            if (!canvas.isDisposed()) {
                canvas.redraw();
            }
        });
    }

    /** Whether the histogram shows the QC report's figures for the playhead frame rather than the viewer's picture. */
    private boolean useQc() {
        QcReport r = studio.lastQc();
        if (mode != Mode.HISTOGRAM || r == null || studio.playhead() >= r.frames().size()) {
            return false;
        }
        if (!uiPresent || !feed.hasFrame()) {
            return true;
        }
        long last = feed.lastPublishNanos();
        boolean idle = System.nanoTime() - last > IDLE_NANOS;
        return idle && (qcArrived > last || uiFrame != studio.playhead());
    }

    private int tabAt(int x) {
        int w = tabs.getClientArea().width / Mode.values().length;
        int i = w <= 0 ? -1 : x / w;
        return i >= 0 && i < Mode.values().length ? i : -1;
    }

    private void paintTabs(GC gc) {
        Rectangle ca = tabs.getClientArea();
        gc.setBackground(look.background);
        gc.fillRectangle(ca);
        gc.setAntialias(SWT.ON);
        int n = Mode.values().length;
        int w = ca.width / n;
        gc.setBackground(look.panel);
        gc.fillRoundRectangle(0, 0, w * n, ca.height, 8, 8);
        for (Mode m : Mode.values()) {
            int x = m.ordinal() * w;
            boolean on = m == mode;
            if (on) {
                gc.setBackground(look.accent);
                gc.fillRoundRectangle(x + 1, 1, w - 2, ca.height - 2, 8, 8);
            }
            gc.setForeground(on ? look.color(0xff, 0xff, 0xff) : look.foreground);
            Point e = gc.textExtent(m.label);
            gc.drawText(m.label, x + (w - e.x) / 2, (ca.height - e.y) / 2, true);
        }
        gc.setForeground(look.grid);
        gc.drawRoundRectangle(0, 0, w * n - 1, ca.height - 1, 8, 8);
    }

    // ---- geometry ---------------------------------------------------------------------------------------------

    private static final int LEFT = 30;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 18;

    private Rectangle plot(Mode m) {
        Rectangle ca = canvas.getClientArea();
        int w = Math.max(16, ca.width - LEFT - RIGHT);
        int h = Math.max(16, ca.height - TOP - BOTTOM);
        if (m == Mode.VECTORSCOPE) {
            int s = Math.max(16, Math.min(ca.width, ca.height) - 16);
            return new Rectangle((ca.width - s) / 2, (ca.height - s) / 2, s, s);
        }
        return new Rectangle(LEFT, TOP, w, h);
    }

    private void resized() {
        if (canvas.isDisposed() || worker == null) {
            return;
        }
        Rectangle p = plot(mode);
        worker.plotW = p.width;
        worker.plotH = p.height;
        worker.request();
    }

    // ---- painting (UI thread) ---------------------------------------------------------------------------------

    private void paint(GC gc) {
        Rectangle ca = canvas.getClientArea();
        gc.setBackground(look.background);
        gc.fillRectangle(ca);
        gc.setFont(look.small());
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Mode m = mode;
        Rectangle p = plot(m);
        boolean qc = useQc();
        String text;
        if (qc) {
            text = paintQcHistogram(gc, p);
        } else if (!uiPresent) {
            frame(gc, p, m);
            graticule(gc, p, m);
            gc.setForeground(look.dim);
            String s = "No picture from the viewer yet";
            Point e = gc.textExtent(s);
            gc.drawText(s, p.x + (p.width - e.x) / 2, p.y + (p.height - e.y) / 2, true);
            text = "";
        } else {
            frame(gc, p, m);
            if (m == Mode.HISTOGRAM) {
                if (uiHaveBins) {
                    paintHistogram(gc, p);
                }
            } else if (image != null && imageMode == m) {
                Rectangle b = image.getBounds();
                gc.setInterpolation(SWT.LOW);
                gc.drawImage(image, 0, 0, b.width, b.height, p.x, p.y, p.width, p.height);
            }
            graticule(gc, p, m);
            text = "frame " + uiFrame + (m == Mode.HISTOGRAM && uiBinsFromStats ? " · luma from full frame" : "");
        }
        if (!info.isDisposed() && !text.equals(info.getText())) {
            info.setText(text);
        }
    }

    private void frame(GC gc, Rectangle p, Mode m) {
        gc.setBackground(look.color(0x10, 0x11, 0x13));
        if (m == Mode.VECTORSCOPE) {
            gc.fillOval(p.x, p.y, p.width, p.height);
        } else {
            gc.fillRectangle(p);
        }
    }

    private int levelY(Rectangle p, double v) {
        return p.y + (int) Math.round((255 - v) / 255.0 * (p.height - 1));
    }

    private int levelX(Rectangle p, double v) {
        return p.x + (int) Math.round(v / 255.0 * (p.width - 1));
    }

    private void graticule(GC gc, Rectangle p, Mode m) {
        gc.setLineWidth(1);
        switch (m) {
            case WAVEFORM, PARADE -> {
                for (int i = 0; i <= 4; i++) {
                    double v = i * 255 / 4.0;
                    int y = levelY(p, v);
                    gc.setForeground(look.grid);
                    gc.setLineStyle(SWT.LINE_SOLID);
                    gc.drawLine(p.x, y, p.x + p.width - 1, y);
                    gc.setForeground(look.dim);
                    String s = Integer.toString(i * 25);
                    Point e = gc.textExtent(s);
                    gc.drawText(s, p.x - e.x - 4, y - e.y / 2, true);
                }
                gc.setForeground(look.color(0x6a, 0x55, 0x30));
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawLine(p.x, levelY(p, 16), p.x + p.width - 1, levelY(p, 16));
                gc.drawLine(p.x, levelY(p, 235), p.x + p.width - 1, levelY(p, 235));
                gc.setLineStyle(SWT.LINE_SOLID);
                if (m == Mode.PARADE) {
                    String[] names = {"R", "G", "B"};
                    Color[] colors = {look.color(0xff, 0x70, 0x70), look.color(0x70, 0xff, 0x70),
                            look.color(0x80, 0x9c, 0xff)};
                    for (int i = 0; i < 3; i++) {
                        int x = p.x + i * p.width / 3;
                        if (i > 0) {
                            gc.setForeground(look.grid);
                            gc.drawLine(x, p.y, x, p.y + p.height - 1);
                        }
                        gc.setForeground(colors[i]);
                        gc.drawText(names[i], x + 4, p.y + p.height + 2, true);
                    }
                } else {
                    gc.setForeground(look.dim);
                    gc.drawText("luma (% of full range; dotted: 16 and 235)", p.x, p.y + p.height + 2, true);
                }
            }
            case HISTOGRAM -> {
                for (int i = 0; i <= 4; i++) {
                    double v = i * 255 / 4.0;
                    int x = levelX(p, v);
                    gc.setForeground(look.grid);
                    gc.drawLine(x, p.y, x, p.y + p.height - 1);
                    gc.setForeground(look.dim);
                    String s = Integer.toString((int) Math.round(v));
                    Point e = gc.textExtent(s);
                    gc.drawText(s, Math.min(p.x + p.width - e.x, Math.max(p.x, x - e.x / 2)), p.y + p.height + 2,
                            true);
                }
                gc.setForeground(look.color(0x6a, 0x55, 0x30));
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawLine(levelX(p, 16), p.y, levelX(p, 16), p.y + p.height - 1);
                gc.drawLine(levelX(p, 235), p.y, levelX(p, 235), p.y + p.height - 1);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
            case VECTORSCOPE -> {
                int cx = p.x + p.width / 2;
                int cy = p.y + p.height / 2;
                double radius = p.width / 2.0;
                gc.setForeground(look.grid);
                gc.drawOval(p.x, p.y, p.width - 1, p.height - 1);
                gc.drawLine(p.x, cy, p.x + p.width - 1, cy);
                gc.drawLine(cx, p.y, cx, p.y + p.height - 1);
                int inner = (int) Math.round(radius * 0.5);
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawOval(cx - inner, cy - inner, 2 * inner, 2 * inner);
                // skin-tone (I) line at 123 degrees
                double a = Math.toRadians(123);
                gc.setForeground(look.color(0x9a, 0x7a, 0x5a));
                gc.drawLine(cx, cy, cx + (int) (Math.cos(a) * radius), cy - (int) (Math.sin(a) * radius));
                gc.setLineStyle(SWT.LINE_SOLID);
                String[] names = {"R", "Yl", "G", "Cy", "B", "Mg"};
                int[][] bars = {{191, 0, 0}, {191, 191, 0}, {0, 191, 0}, {0, 191, 191}, {0, 0, 191}, {191, 0, 191}};
                double scale = radius / VECTOR_RANGE;
                for (int i = 0; i < bars.length; i++) {
                    double[] cbcr = cbcr(bars[i][0], bars[i][1], bars[i][2]);
                    int x = cx + (int) Math.round(cbcr[0] * scale);
                    int y = cy - (int) Math.round(cbcr[1] * scale);
                    int r = Math.max(4, p.width / 40);
                    gc.setForeground(look.color(Math.min(255, bars[i][0] + 50), Math.min(255, bars[i][1] + 50),
                            Math.min(255, bars[i][2] + 50)));
                    gc.drawRectangle(x - r, y - r, 2 * r, 2 * r);
                    double len = Math.hypot(x - cx, y - cy);
                    int lx = cx + (int) ((x - cx) * (len + 2.2 * r + 6) / Math.max(1, len));
                    int ly = cy + (int) ((y - cy) * (len + 2.2 * r + 6) / Math.max(1, len));
                    Point e = gc.textExtent(names[i]);
                    gc.drawText(names[i], lx - e.x / 2, ly - e.y / 2, true);
                }
                gc.setForeground(look.dim);
                gc.drawText("75% bars", p.x, p.y, true);
            }
        }
    }

    /** BT.709 Cb and Cr of an 8-bit full-range RGB colour, in code values (-128..128). */
    static double[] cbcr(double r, double g, double b) {
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return new double[] {(b - y) / 1.8556, (r - y) / 1.5748};
    }

    private void paintHistogram(GC gc, Rectangle p) {
        long max = 1;
        for (int ch = 0; ch < 4; ch++) {
            for (int i = 1; i < 255; i++) {
                max = Math.max(max, uiBins[ch * 256 + i]);
            }
        }
        gc.setAlpha(110);
        for (int ch = 0; ch < 3; ch++) {
            polygon(p, uiBins, ch * 256, max, poly);
            gc.setBackground(ch == 0 ? look.color(0xe0, 0x40, 0x40) : ch == 1 ? look.color(0x40, 0xd0, 0x40)
                    : look.color(0x50, 0x70, 0xff));
            gc.fillPolygon(poly);
        }
        gc.setAlpha(255);
        polygon(p, uiBins, 3 * 256, max, poly);
        System.arraycopy(poly, 0, line, 0, line.length);
        gc.setForeground(look.color(0xf0, 0xf0, 0xf0));
        gc.drawPolyline(line);
    }

    /** The outline of 256 bins as x, y pairs, closed along the baseline (the first 512 values are the curve). */
    private void polygon(Rectangle p, long[] bins, int off, long max, int[] poly) {
        for (int i = 0; i < 256; i++) {
            double v = Math.min(1, bins[off + i] / (double) max);
            poly[2 * i] = levelX(p, i);
            poly[2 * i + 1] = p.y + p.height - 1 - (int) Math.round(v * (p.height - 1));
        }
        poly[512] = levelX(p, 255);
        poly[513] = p.y + p.height - 1;
        poly[514] = p.x;
        poly[515] = p.y + p.height - 1;
    }

    /** The QC report's luma histogram (whole run) with the playhead frame's figures; returns the info text. */
    private String paintQcHistogram(GC gc, Rectangle p) {
        QcReport r = studio.lastQc();
        long ph = studio.playhead();
        SignalStats s = r.frames().get((int) ph);
        frame(gc, p, Mode.HISTOGRAM);
        long[] luma = r.luma();
        long max = 1;
        for (int i = 1; i < 255; i++) {
            max = Math.max(max, luma[i]);
        }
        polygon(p, luma, 0, max, poly);
        gc.setAlpha(70);
        gc.setBackground(look.color(0xc0, 0xc0, 0xc0));
        gc.fillPolygon(poly);
        gc.setAlpha(255);
        // the frame's spread: 10th..90th percentile band, min/max ticks, average line
        gc.setAlpha(60);
        gc.setBackground(look.accent);
        int xl = levelX(p, s.yLow());
        gc.fillRectangle(xl, p.y, Math.max(1, levelX(p, s.yHigh()) - xl), p.height);
        gc.setAlpha(255);
        gc.setForeground(look.accent);
        gc.setLineWidth(2);
        gc.drawLine(levelX(p, s.yAvg()), p.y, levelX(p, s.yAvg()), p.y + p.height - 1);
        gc.setLineWidth(1);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(levelX(p, s.yMin()), p.y, levelX(p, s.yMin()), p.y + p.height - 1);
        gc.drawLine(levelX(p, s.yMax()), p.y, levelX(p, s.yMax()), p.y + p.height - 1);
        gc.setLineStyle(SWT.LINE_SOLID);
        graticule(gc, p, Mode.HISTOGRAM);
        gc.setForeground(look.foreground);
        String fig = String.format(Locale.ROOT, "Y min %d  10%% %d  avg %.1f  90%% %d  max %d", s.yMin(), s.yLow(),
                s.yAvg(), s.yHigh(), s.yMax());
        gc.drawText(fig, p.x + 4, p.y + 2, true);
        gc.setForeground(look.dim);
        gc.drawText("grey: luma of the whole QC run; band: this frame's 10-90%", p.x + 4,
                p.y + 2 + gc.getFontMetrics().getHeight(), true);
        return "QC · frame " + ph;
    }

    // ---- hand-over from the worker --------------------------------------------------------------------------

    private void consume(Worker w) {
        try {
            if (canvas.isDisposed()) {
                return;
            }
            uiPresent = w.outPresent;
            uiFrame = w.outFrame;
            if (w.outMode == Mode.HISTOGRAM) {
                System.arraycopy(w.bins, 0, uiBins, 0, uiBins.length);
                uiHaveBins = w.outPresent;
                uiBinsFromStats = w.outFromStats;
            } else if (w.outPresent && w.out != null) {
                Image old = image;
                image = new Image(display, w.out);
                imageMode = w.outMode;
                if (old != null) {
                    old.dispose();
                }
            }
            canvas.redraw();
        } finally {
            w.consumed();
        }
    }

    // ---- the worker -----------------------------------------------------------------------------------------

    /** Turns the newest fed picture into the current scope's data; one thread, buffers reused. */
    private final class Worker implements Runnable {

        volatile int plotW = 256;
        volatile int plotH = 256;
        Thread thread;
        private final Object lock = new Object();
        private boolean dirty;
        private boolean pending;
        private boolean stopped;
        private final ScopeFrame src = new ScopeFrame();
        private long lastRender;

        // output, read by the UI thread between post and consumed()
        ImageData out;
        final long[] bins = new long[4 * 256];
        Mode outMode;
        long outFrame = -1;
        boolean outPresent;
        boolean outFromStats;

        // scratch
        private int[] counts = new int[0];
        private int[] colOf = new int[0];
        private int[] vectorTint = new int[0];
        private int vectorTintSize;

        void request() {
            synchronized (lock) {
                dirty = true;
                lock.notifyAll();
            }
        }

        void consumed() {
            synchronized (lock) {
                pending = false;
                lock.notifyAll();
            }
        }

        void stop() {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    synchronized (lock) {
                        while (!stopped && (!dirty || pending)) {
                            lock.wait();
                        }
                        if (stopped) {
                            return;
                        }
                        dirty = false;
                    }
                    long wait = lastRender + FRAME_NANOS - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // frames arriving now are merged
                    }
                    feed.copyLatest(src);
                    try {
                        render();
                    } catch (RuntimeException e) {
                        System.getLogger("org.lumaflow.ui").log(System.Logger.Level.WARNING, "scope failed", e);
                        continue;
                    }
                    lastRender = System.nanoTime();
                    synchronized (lock) {
                        if (stopped) {
                            return;
                        }
                        pending = true;
                    }
                    try {
                        if (display.isDisposed()) {
                            return;
                        }
                        display.asyncExec(() -> consume(this));
                    } catch (org.eclipse.swt.SWTException e) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        private void render() {
            Mode m = mode;
            outMode = m;
            outPresent = src.present();
            outFrame = src.frame();
            outFromStats = false;
            if (!outPresent) {
                return;
            }
            switch (m) {
                case HISTOGRAM -> histogram();
                case WAVEFORM -> waveform();
                case PARADE -> parade();
                case VECTORSCOPE -> vectorscope();
            }
        }

        private void histogram() {
            Arrays.fill(bins, 0);
            byte[] px = src.rgba();
            int n = src.width() * src.height();
            FrameStats st = src.stats();
            boolean lumaFromStats = st != null && st.luma() != null && st.luma().length == 256;
            for (int i = 0; i < n; i++) {
                int o = i * 4;
                int r = px[o] & 0xFF;
                int g = px[o + 1] & 0xFF;
                int b = px[o + 2] & 0xFF;
                bins[r]++;
                bins[256 + g]++;
                bins[512 + b]++;
                if (!lumaFromStats) {
                    bins[768 + luma(r, g, b)]++;
                }
            }
            if (lumaFromStats) {
                // scale the full-frame counts to the picture's pixel count so the four curves share one axis
                double k = n / (double) Math.max(1, st.pixels());
                for (int i = 0; i < 256; i++) {
                    bins[768 + i] = Math.round(st.luma()[i] * k);
                }
                outFromStats = true;
            }
        }

        private ImageData image(int w, int h) {
            if (out == null || out.width != w || out.height != h) {
                out = new ImageData(w, h, 32, RGBX);
            }
            return out;
        }

        private int[] counts(int n) {
            if (counts.length < n) {
                counts = new int[n];
            }
            Arrays.fill(counts, 0, n, 0);
            return counts;
        }

        private int[] columns(int srcW, int outW) {
            if (colOf.length < srcW) {
                colOf = new int[srcW];
            }
            for (int x = 0; x < srcW; x++) {
                colOf[x] = (int) ((long) x * outW / srcW);
            }
            return colOf;
        }

        /** Accumulates channel {@code ch} (0..2, 3 = luma) into an {@code outW x 256} count grid. */
        private void accumulate(int ch, int outW, int[] grid) {
            byte[] px = src.rgba();
            int sw = src.width();
            int sh = src.height();
            int[] cols = columns(sw, outW);
            for (int y = 0; y < sh; y++) {
                int row = y * sw * 4;
                for (int x = 0; x < sw; x++) {
                    int o = row + x * 4;
                    int v = ch == 3 ? luma(px[o] & 0xFF, px[o + 1] & 0xFF, px[o + 2] & 0xFF) : px[o + ch] & 0xFF;
                    grid[(255 - v) * outW + cols[x]]++;
                }
            }
        }

        /** Writes a {@code w x 256} count grid into the image at column {@code x0}, tinted. */
        private void paintGrid(int[] grid, int w, ImageData img, int x0, double tr, double tg, double tb) {
            double perColumn = src.height() * (double) src.width() / w;
            double k = 16.0 / perColumn;
            byte[] d = img.data;
            int bpl = img.bytesPerLine;
            for (int y = 0; y < 256; y++) {
                int row = y * bpl + x0 * 4;
                for (int x = 0; x < w; x++) {
                    int c = grid[y * w + x];
                    int o = row + x * 4;
                    if (c == 0) {
                        d[o] = 0;
                        d[o + 1] = 0;
                        d[o + 2] = 0;
                    } else {
                        double b = Math.min(1, Math.sqrt(c * k)) * 255;
                        double floor = 40; // a single sample stays visible
                        double v = floor + (255 - floor) * b / 255;
                        d[o] = (byte) (v * tr);
                        d[o + 1] = (byte) (v * tg);
                        d[o + 2] = (byte) (v * tb);
                    }
                    d[o + 3] = (byte) 0xFF;
                }
            }
        }

        private void waveform() {
            int w = Math.max(1, Math.min(plotW, src.width()));
            int[] grid = counts(w * 256);
            accumulate(3, w, grid);
            paintGrid(grid, w, image(w, 256), 0, 0.62, 1.0, 0.70);
        }

        private void parade() {
            int w = Math.max(1, Math.min(plotW / 3, src.width()));
            ImageData img = image(3 * w, 256);
            double[][] tints = {{1.0, 0.28, 0.28}, {0.30, 1.0, 0.30}, {0.35, 0.48, 1.0}};
            for (int ch = 0; ch < 3; ch++) {
                int[] grid = counts(w * 256);
                accumulate(ch, w, grid);
                paintGrid(grid, w, img, ch * w, tints[ch][0], tints[ch][1], tints[ch][2]);
            }
        }

        private void vectorscope() {
            int s = Math.max(16, Math.min(512, Math.min(plotW, plotH)));
            ImageData img = image(s, s);
            int[] grid = counts(s * s);
            tint(s);
            byte[] px = src.rgba();
            int n = src.width() * src.height();
            double c = s / 2.0;
            double scale = c / VECTOR_RANGE;
            // Cb = (B - Y) / 1.8556, Cr = (R - Y) / 1.5748 with Y = .2126 R + .7152 G + .0722 B, pre-multiplied
            double cbR = -0.2126 / 1.8556 * scale;
            double cbG = -0.7152 / 1.8556 * scale;
            double cbB = (1 - 0.0722) / 1.8556 * scale;
            double crR = (1 - 0.2126) / 1.5748 * scale;
            double crG = -0.7152 / 1.5748 * scale;
            double crB = -0.0722 / 1.5748 * scale;
            for (int i = 0; i < n; i++) {
                int o = i * 4;
                int r = px[o] & 0xFF;
                int g = px[o + 1] & 0xFF;
                int b = px[o + 2] & 0xFF;
                int x = (int) (c + cbR * r + cbG * g + cbB * b);
                int y = (int) (c - (crR * r + crG * g + crB * b));
                if (x >= 0 && x < s && y >= 0 && y < s) {
                    grid[y * s + x]++;
                }
            }
            double k = 4000.0 / Math.max(1, n);
            byte[] d = img.data;
            int bpl = img.bytesPerLine;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    int cnt = grid[y * s + x];
                    int o = y * bpl + x * 4;
                    if (cnt == 0) {
                        d[o] = 0;
                        d[o + 1] = 0;
                        d[o + 2] = 0;
                    } else {
                        double v = 0.25 + 0.75 * Math.min(1, Math.sqrt(cnt * k));
                        int t = vectorTint[y * s + x];
                        d[o] = (byte) (((t >> 16) & 0xFF) * v);
                        d[o + 1] = (byte) (((t >> 8) & 0xFF) * v);
                        d[o + 2] = (byte) ((t & 0xFF) * v);
                    }
                    d[o + 3] = (byte) 0xFF;
                }
            }
        }

        /** The colour each vectorscope position stands for (its hue, pale near the centre); made once per size. */
        private void tint(int s) {
            if (vectorTintSize == s) {
                return;
            }
            if (vectorTint.length < s * s) {
                vectorTint = new int[s * s];
            }
            double c = s / 2.0;
            double scale = VECTOR_RANGE / c;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double cb = (x + 0.5 - c) * scale;
                    double cr = (c - y - 0.5) * scale;
                    double yy = 150;
                    double r = yy + 1.5748 * cr;
                    double g = yy - 0.1873 * cb - 0.4681 * cr;
                    double b = yy + 1.8556 * cb;
                    double m = Math.max(r, Math.max(g, b));
                    double f = m > 255 ? 255 / m : 1;
                    int ri = clamp(r * f * 0.7 + 255 * 0.3);
                    int gi = clamp(g * f * 0.7 + 255 * 0.3);
                    int bi = clamp(b * f * 0.7 + 255 * 0.3);
                    vectorTint[y * s + x] = (ri << 16) | (gi << 8) | bi;
                }
            }
            vectorTintSize = s;
        }
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }

    /** BT.709 luma of 8-bit RGB, rounded (the same weights as {@link FrameStats}). */
    static int luma(int r, int g, int b) {
        return (13933 * r + 46871 * g + 4732 * b + 32768) >> 16;
    }
}
