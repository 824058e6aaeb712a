package org.lumaflow.ui.internal.parts;

import static org.lumaflow.ui.internal.parts.PartWidgets.button;
import static org.lumaflow.ui.internal.parts.PartWidgets.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveService;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.live.LiveController;
import org.lumaflow.ui.internal.parts.live.PreviewCanvas;
import org.lumaflow.ui.internal.parts.live.SourcesView;
import org.lumaflow.ui.internal.parts.live.StatsView;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The Live part: sources with previews, layout and output size, Preview / Record / Go Live buttons, statistics and
 * events of the running session ({@link LiveController}). The stream key is typed into a password field and joined
 * to the URL only when going live; it is never saved. Widgets carry {@code setData("id", "live.*")}.
 */
public final class LivePart {

    private static final String[] SIZES = {"1280x720", "1920x1080", "640x360"};
    private static final String[] RATES = {"30", "25", "60", "24"};

    private Display display;
    private LiveController controller;
    private SourcesView sources;
    private StatsView stats;
    private Combo layout;
    private Combo size;
    private Combo rate;
    private Combo drop;
    private Text recordPath;
    private Text streamUrl;
    private Text streamKey;
    private Button preview;
    private Button record;
    private Button live;
    private String recording;
    private String streaming;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        display = parent.getDisplay();
        DarkLook look = new DarkLook(parent);
        parent.setLayout(new GridLayout(1, false));
        LiveService service = studio.services().get(LiveService.class);
        if (service == null) {
            new Label(parent, SWT.WRAP).setText("Live is not available (the org.lumaflow.live bundle is not running).");
            return;
        }
        stats = new StatsView(parent, look);
        controller = new LiveController(service, s -> ui(() -> stats.show(s)),
                (level, msg) -> ui(() -> stats.event(level, msg)));
        // statistics first in the code, shown last: move the view's widgets below the controls
        Composite controls = new Composite(parent, SWT.NONE);
        controls.setLayout(new GridLayout(1, false));
        controls.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        controls.moveAbove(null);
        sources = new SourcesView(controls, service);
        Composite settings = row(controls, 4); // two rows: layout, size / rate, drop
        layout = combo(settings, "Layout", "live.layout", new String[] {"full", "pip", "side"});
        size = combo(settings, "Size", "live.size", SIZES);
        rate = combo(settings, "Rate", "live.rate", RATES);
        drop = combo(settings, "Drop", "live.drop", new String[] {"adaptive", "never", "aggressive"});

        Composite rec = row(controls, 3);
        new Label(rec, SWT.NONE).setText("Record to");
        recordPath = text(rec, "live.record.path", System.getProperty("user.home") + "/lumaflow-live.mp4", 0);
        record = button(rec, "Record", "live.record", "Record the program to this file (fragmented MP4 or "
                + "Matroska: playable even after a crash); again to stop and finalise");
        record.addListener(SWT.Selection, e -> toggleRecord());

        Composite str = row(controls, 5);
        new Label(str, SWT.NONE).setText("Stream to");
        streamUrl = text(str, "live.stream.url", "srt://127.0.0.1:9000?mode=caller&latency=120", 0);
        new Label(str, SWT.NONE).setText("Key");
        streamKey = text(str, "live.stream.key", "", SWT.PASSWORD);
        ((GridData) streamKey.getLayoutData()).widthHint = 90;
        live = button(str, "Go Live", "live.golive", "Stream the program (SRT, RTMP/RTMPS, WHIP); the key is added to "
                + "an RTMP URL's path or as an SRT passphrase, and never saved");
        live.addListener(SWT.Selection, e -> toggleLive());

        Composite bar = row(controls, 3);
        preview = button(bar, "Preview", "live.preview", "Start the sources and the composition without outputs");
        preview.addListener(SWT.Selection, e -> start(null));
        Button stop = button(bar, "Stop", "live.stop", "Stop everything (recordings are finalised)");
        stop.addListener(SWT.Selection, e -> run(() -> {
            controller.stop();
            recording = null;
            streaming = null;
            ui(this::buttons);
        }));

        Composite previews = row(controls, 3);
        new PreviewCanvas(previews, look, -1, 192, 108, "Program", controller::session);
        new PreviewCanvas(previews, look, 0, 96, 54, "Source 1", controller::session);
        new PreviewCanvas(previews, look, 1, 96, 54, "Source 2", controller::session);
        buttons();
    }

    /** The session settings from the widgets (UI thread). */
    LiveConfig config() throws LiveException {
        List<String> src = sources.sources();
        if (src.isEmpty()) {
            throw new LiveException("add at least one source (for example: test)");
        }
        String[] wh = size.getText().split("x");
        Layout l = switch (layout.getText()) {
            case "pip" -> Layout.pip();
            case "side" -> Layout.side();
            default -> Layout.full();
        };
        LiveConfig base = LiveConfig.of(src);
        return new LiveConfig(src, l, null, null, List.of(), Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                new FrameRate(Integer.parseInt(rate.getText()), 1), null,
                DropStrategy.valueOf(drop.getText().toUpperCase(java.util.Locale.ROOT)), base.encoder(),
                base.bitrate(), base.keyframeSeconds(), base.backend(), Map.of());
    }

    private void toggleRecord() {
        if (recording != null) {
            String r = recording;
            recording = null;
            run(() -> controller.stopOutput(r, streaming != null));
            return;
        }
        String target = Path.of(recordPath.getText().trim()).toAbsolutePath().toString();
        if (start(target)) {
            recording = target;
        }
    }

    private void toggleLive() {
        if (streaming != null) {
            String s = streaming;
            streaming = null;
            run(() -> controller.stopOutput(s, recording != null));
            return;
        }
        String target = withKey(streamUrl.getText().trim(), streamKey.getText().trim());
        if (start(target)) {
            streaming = target;
        }
    }

    /** Starts the session (if needed) with {@code target} (null: preview only); false when the settings are bad. */
    private boolean start(String target) {
        LiveConfig c;
        try {
            c = config();
        } catch (LiveException | IllegalArgumentException e) {
            stats.event(LiveListener.Level.ERROR, e.getMessage());
            return false;
        }
        run(() -> controller.start(c, target));
        return true;
    }

    /** {@code url} with the key joined: an RTMP URL's last path element, an SRT passphrase, a WHIP token. */
    static String withKey(String url, String key) {
        if (key.isEmpty()) {
            return url;
        }
        if (url.startsWith("rtmp")) {
            return url.endsWith("/") ? url + key : url + "/" + key;
        }
        String name = url.startsWith("srt") ? "passphrase" : "token";
        return url + (url.contains("?") ? "&" : "?") + name + "=" + key;
    }

    private interface Action {
        void run() throws LiveException;
    }

    /** Runs {@code a} off the UI thread; failures go to the event log. */
    private void run(Action a) {
        Thread t = new Thread(() -> {
            try {
                a.run();
            } catch (LiveException | RuntimeException e) {
                ui(() -> {
                    stats.event(LiveListener.Level.ERROR, e.getMessage() == null ? "live: " + e : e.getMessage());
                    recording = controller.active(String.valueOf(recording)) ? recording : null;
                    streaming = controller.active(String.valueOf(streaming)) ? streaming : null;
                });
            }
            ui(this::buttons);
        }, "live-control");
        t.setDaemon(true);
        t.start();
    }

    private void buttons() {
        if (record.isDisposed()) {
            return;
        }
        record.setText(recording != null ? "Stop recording" : "Record");
        live.setText(streaming != null ? "End stream" : "Go Live");
        preview.setEnabled(controller.session() == null);
    }

    private static Combo combo(Composite parent, String label, String id, String[] items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        c.setData("id", id);
        c.setItems(items);
        c.select(0);
        return c;
    }

    private static Text text(Composite parent, String id, String value, int style) {
        Text t = new Text(parent, SWT.BORDER | style);
        t.setData("id", id);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    private void ui(Runnable r) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (record != null && !record.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    @PreDestroy
    public void dispose() {
        if (controller != null) {
            Thread t = new Thread(controller::close, "live-stop");
            t.start();
        }
    }
}
