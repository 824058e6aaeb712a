package org.lumaflow.ui.internal.parts;

import static org.lumaflow.ui.internal.parts.PartWidgets.button;
import static org.lumaflow.ui.internal.parts.PartWidgets.row;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.ClipTelemetry;
import org.lumaflow.ui.internal.model.OverlayPreset;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.telemetry.HighlightsView;
import org.lumaflow.ui.internal.parts.telemetry.TelemetryLoader;
import org.lumaflow.ui.internal.parts.telemetry.TelemetryLoader.Loaded;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Telemetry of the selected clip: attach a file (GoPro MP4 / raw GPMF, DJI SRT, GPX, CSV) or the clip's own GoPro
 * track, see its streams and how it was aligned (set the offset by hand, or match the telemetry's motion to the
 * video's), add overlay presets that read it, and
 * find highlights ({@link HighlightsView}). Reading and aligning run off the UI thread; attaching and adding overlays
 * are undoable edits. Widgets carry {@code setData("id", "telemetry.*")}.
 */
public final class TelemetryPart {

    private Studio studio;
    private Display display;
    private DarkLook look;
    private TelemetryService service;
    private Label clipLabel;
    private Label summary;
    private Text offset;
    private Combo presets;
    private Button attachFile;
    private Button attachClip;
    private Button applyOffset;
    private Button matchMotion;
    private Button addOverlays;
    private HighlightsView highlights;
    private Clip shown;
    private Loaded loaded;
    private final Consumer<Change> listener = this::changed;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        this.display = parent.getDisplay();
        look = new DarkLook(parent);
        parent.setLayout(new GridLayout(1, false));
        service = studio.services().get(TelemetryService.class);
        if (service == null) {
            new Label(parent, SWT.WRAP).setText("Telemetry is not available (the org.lumaflow.telemetry bundle is "
                    + "not running).");
            return;
        }
        clipLabel = new Label(parent, SWT.WRAP);
        clipLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite bar = row(parent, 4);
        attachFile = button(bar, "Attach file...", "telemetry.attach",
                "Read a telemetry file (GoPro MP4/GPMF, DJI SRT, GPX, CSV) and attach it to the selected clip");
        attachFile.addListener(SWT.Selection, e -> chooseFile());
        attachClip = button(bar, "From clip", "telemetry.fromclip",
                "Read the telemetry recorded inside the clip's own file (GoPro MP4)");
        attachClip.addListener(SWT.Selection, e -> fromClip());
        Button detach = button(bar, "Detach", "telemetry.detach", "Remove the attachment (overlays stay)");
        detach.addListener(SWT.Selection, e -> {
            if (shown != null && ClipTelemetry.of(shown) != null) {
                studio.execute(ClipTelemetry.detach(shown));
            }
        });
        new Label(bar, SWT.NONE);

        summary = new Label(parent, SWT.WRAP);
        summary.setData("id", "telemetry.summary");
        GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
        sd.widthHint = 300;
        summary.setLayoutData(sd);

        Composite off = row(parent, 4);
        new Label(off, SWT.NONE).setText("Offset (s)");
        offset = new Text(off, SWT.BORDER | SWT.RIGHT);
        offset.setData("id", "telemetry.offset");
        offset.setToolTipText("Media time = telemetry time + offset. Enter applies it as a manual alignment.");
        GridData od = new GridData(SWT.FILL, SWT.CENTER, true, false);
        od.widthHint = 80;
        offset.setLayoutData(od);
        offset.addListener(SWT.DefaultSelection, e -> applyManualOffset());
        applyOffset = button(off, "Apply", "telemetry.offset.apply", "Use this offset (manual alignment)");
        applyOffset.addListener(SWT.Selection, e -> applyManualOffset());
        matchMotion = button(off, "Match motion", "telemetry.correlate",
                "Find the offset by matching the telemetry's motion (gyro, acceleration or speed) to the video's");
        matchMotion.addListener(SWT.Selection, e -> correlate());

        Composite pre = row(parent, 2);
        presets = new Combo(pre, SWT.READ_ONLY | SWT.DROP_DOWN);
        presets.setData("id", "telemetry.preset");
        presets.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (OverlayPreset p : OverlayPreset.builtins()) {
            presets.add(p.name());
        }
        presets.select(0);
        addOverlays = button(pre, "Add overlays", "telemetry.addoverlays",
                "Add the preset's overlay nodes to the clip's chain, reading its telemetry");
        addOverlays.addListener(SWT.Selection, e -> addPreset());

        highlights = new HighlightsView(parent, studio, look, () -> loaded);

        look.apply(parent);
        clipLabel.setFont(look.bold());
        summary.setFont(look.mono());
        studio.addListener(listener);
        refresh();
    }

    @PreDestroy
    public void dispose() {
        if (studio != null) {
            studio.removeListener(listener);
        }
        display = null;
    }

    private void changed(Change c) {
        switch (c) {
            case SELECTION, PROJECT, TIMELINE -> refresh();
            default -> {
            }
        }
    }

    /** Shows the selected clip's attachment; reads the file again when it changed (UI thread). */
    private void refresh() {
        if (clipLabel == null || clipLabel.isDisposed()) {
            return;
        }
        Clip clip = studio.selectedClip();
        boolean has = clip != null;
        attachFile.setEnabled(has);
        attachClip.setEnabled(has && TelemetryLoader.mediaFile(studio, clip) != null);
        clipLabel.setText(has ? "Clip '" + clip.id() + "'" : "Select a clip on the timeline");
        ClipTelemetry.Attached a = has ? ClipTelemetry.of(clip) : null;
        applyOffset.setEnabled(a != null);
        matchMotion.setEnabled(a != null && TelemetryLoader.mediaFile(studio, clip) != null);
        addOverlays.setEnabled(a != null);
        offset.setEnabled(a != null);
        if (a == null) {
            summary.setText(has ? "No telemetry attached." : "");
            offset.setText("");
            loaded = null;
        } else {
            offset.setText(String.format(Locale.ROOT, "%.3f", a.offset()));
            if (loaded == null || clip != shown || !loaded.stored().equals(a.file())) {
                loaded = null;
                summary.setText("reading " + a.file() + "...");
                Clip c = clip;
                TelemetryLoader.read(service, studio, a.file(), l -> ui(() -> {
                    if (c == studio.selectedClip()) {
                        loaded = l;
                        showSummary(c);
                    }
                }), err -> ui(() -> summary.setText(err)));
            } else {
                showSummary(clip);
            }
        }
        shown = clip;
        highlights.clipChanged(clip);
        clipLabel.getParent().layout(true, true);
    }

    private void showSummary(Clip clip) {
        ClipTelemetry.Attached a = ClipTelemetry.of(clip);
        if (a == null || loaded == null || summary.isDisposed()) {
            return;
        }
        summary.setText(TelemetryLoader.describe(loaded.telemetry()) + "\naligned: "
                + String.format(Locale.ROOT, "%+.3f s", a.offset()) + " (" + a.method().toLowerCase(Locale.ROOT)
                + (a.reason().isEmpty() ? "" : ": " + a.reason()) + ")");
        summary.getParent().layout(true, true);
    }

    private void chooseFile() {
        Clip clip = studio.selectedClip();
        if (clip == null) {
            return;
        }
        FileDialog fd = new FileDialog(summary.getShell(), SWT.OPEN);
        fd.setText("Attach telemetry");
        fd.setFilterExtensions(new String[] {"*.mp4;*.MP4;*.mov;*.MOV;*.raw;*.bin;*.srt;*.SRT;*.gpx;*.GPX;*.csv;*.CSV",
            "*"});
        fd.setFilterNames(new String[] {"Telemetry (GoPro MP4/GPMF, DJI SRT, GPX, CSV)", "All files"});
        String f = fd.open();
        if (f != null) {
            attach(clip, Path.of(f));
        }
    }

    private void fromClip() {
        Clip clip = studio.selectedClip();
        Path media = clip == null ? null : TelemetryLoader.mediaFile(studio, clip);
        if (media != null) {
            attach(clip, media);
        }
    }

    /** Aligns the attached file again, matching its motion to the video's. */
    private void correlate() {
        Clip clip = studio.selectedClip();
        ClipTelemetry.Attached a = clip == null ? null : ClipTelemetry.of(clip);
        if (a != null) {
            attach(clip, TelemetryLoader.resolve(studio, a.file()), true);
        }
    }

    /** Reads and aligns {@code file} off the UI thread, then attaches it to {@code clip} as one edit. */
    public void attach(Clip clip, Path file) {
        attach(clip, file, false);
    }

    private void attach(Clip clip, Path file, boolean correlate) {
        summary.setText((correlate ? "matching the motion of " : "reading ") + file.getFileName() + "...");
        TelemetryLoader.readAndAlign(service, studio, clip, file, correlate, (l, alignment) -> ui(() -> {
            loaded = l;
            shown = clip;
            studio.execute(ClipTelemetry.attach(clip, l.stored(), alignment));
        }), err -> ui(() -> summary.setText(err)));
    }

    private void applyManualOffset() {
        Clip clip = studio.selectedClip();
        ClipTelemetry.Attached a = clip == null ? null : ClipTelemetry.of(clip);
        if (a == null) {
            return;
        }
        double v;
        try {
            v = Double.parseDouble(offset.getText().trim().replace("s", ""));
        } catch (NumberFormatException e) {
            offset.setBackground(look.error);
            return;
        }
        offset.setBackground(null);
        if (v != a.offset()) {
            studio.execute(ClipTelemetry.attach(clip, a.file(),
                    new Alignment(v, Alignment.Method.MANUAL, "offset set by hand in the studio")));
        }
    }

    private void addPreset() {
        Clip clip = studio.selectedClip();
        int i = presets.getSelectionIndex();
        if (clip == null || i < 0 || ClipTelemetry.of(clip) == null) {
            return;
        }
        List<OverlayPreset> all = OverlayPreset.builtins();
        studio.execute(ClipTelemetry.addOverlays(clip, all.get(i), studio.timeline().format().width()));
    }

    private void ui(Runnable r) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (summary != null && !summary.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
