package org.lumaflow.ui.internal.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Timecode;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.jobs.ExportJob;
import org.lumaflow.ui.internal.jobs.Snapshot;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.model.StudioPreferences;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Export: a preset plus editable settings (output, container, codec, encoder probed in the background, quality or bit
 * rate, speed preset, size, frame range, audio, QC), an Export button that runs an {@link ExportJob} on a snapshot of
 * the project (editing goes on), the part's own progress bar, status and Cancel, and at the end a summary: encoder
 * and why, output size, warnings and the QC events of the encoded file with its HTML report.
 *
 * <p>For UI tests the main widgets carry {@code setData("id", ...)}: {@code export.output}, {@code export.start},
 * {@code export.cancel}, {@code export.progress}, {@code export.status} (also {@code export.preset}, {@code
 * export.container}, {@code export.codec}, {@code export.encoder}, {@code export.summary}, {@code export.qc.events},
 * {@code export.qc.open}); {@link #currentJob()} is the running job.
 */
public final class ExportPart {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");
    private static final String[] CONTAINERS = {"mp4", "mov", "mkv", "webm", "gif"};
    private static final String[] SPEEDS = {"(encoder default)", "ultrafast", "superfast", "veryfast", "faster",
        "fast", "medium", "slow", "slower", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "4", "6", "8", "10", "12"};
    private static final String[] SIZES = {"3840x2160", "2560x1440", "1920x1080", "1280x720", "854x480", "640x360"};

    /**
     * A starting point for the settings.
     *
     * @param width  0: the timeline's size; -1 with a height: keep the timeline's aspect; else width x height,
     *               or a width with height -1 for the aspect
     */
    record Preset(String name, String container, String codec, int crf, long bitrate, String speed, int width,
            int height, boolean audio, boolean qc, String hint) {
    }

    static final List<Preset> PRESETS = List.of(
            new Preset("H.264 1080p (CRF 20)", "mp4", "h264", 20, 0, null, 1920, 1080, true, true,
                    "Delivery master for the web: H.264 High, constant quality 20, AAC audio"),
            new Preset("H.264 fast draft 720p", "mp4", "h264", 28, 0, null, 1280, 720, true, false,
                    "Quick review copy: 720p, lower quality, no QC"),
            new Preset("HEVC 4K (CRF 24)", "mp4", "hevc", 24, 0, null, 3840, 2160, true, true,
                    "UHD delivery in HEVC (hardware encoder when one works)"),
            new Preset("ProRes 422 .mov", "mov", "prores", -1, 0, null, 0, 0, true, true,
                    "Intermediate for finishing: ProRes 422 (the exporter's profile) at the timeline's size"),
            new Preset("WebM VP9", "webm", "vp9", 31, 0, null, 0, 0, true, true,
                    "Open web format: VP9 with Opus audio"),
            new Preset("AV1 .mkv (CRF 32)", "mkv", "av1", 32, 0, null, 0, 0, true, true,
                    "Small files, slow encoders unless the GPU has AV1"),
            new Preset("GIF 480 wide", "gif", "gif", -1, 0, null, 480, -1, false, false,
                    "Animated GIF, palette per frame with dithering; no audio, no QC"));

    private Studio studio;
    private Display display;
    private DarkLook look;
    private final Consumer<Change> listener = this::changed;
    private final Map<String, List<EncoderChoice>> probed = new ConcurrentHashMap<>();

    private Combo preset;
    private Label presetHint;
    private Text output;
    private Combo container;
    private Combo codec;
    private Combo encoder;
    private Label encoderInfo;
    private Button crfMode;
    private Spinner crf;
    private Button rateMode;
    private Text bitrate;
    private Combo speed;
    private Combo size;
    private Button rangeAll;
    private Button rangeInOut;
    private Text inPoint;
    private Text outPoint;
    private Button audio;
    private Button qc;
    private Button start;
    private Button cancel;
    private ProgressBar progress;
    private Label status;
    private Text summary;
    private Table qcEvents;
    private Button openQc;
    private Button openOutput;
    private ScrolledComposite scroll;
    private Composite body;

    private boolean applying;
    private String defaultOutput;
    private List<String> encoderNames = List.of("auto");
    private volatile ExportJob job;
    private volatile ExportProgress latest;
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private final List<String> liveNotes = new ArrayList<>();
    private Path lastQcReport;
    private Path lastOutput;
    private long lastFirstFrame;

    /** The running export job, or null. */
    public Job currentJob() {
        return job;
    }

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        this.display = parent.getDisplay();
        look = new DarkLook(parent);
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        scroll.setContent(body);
        scroll.addListener(SWT.Resize, e -> relayout());
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 8;
        gl.verticalSpacing = 5;
        body.setLayout(gl);

        preset = combo(row("Preset"), SWT.READ_ONLY, 2);
        preset.setData("id", "export.preset");
        for (Preset p : PRESETS) {
            preset.add(p.name());
        }
        preset.add("Custom");
        preset.addListener(SWT.Selection, e -> {
            int i = preset.getSelectionIndex();
            if (i >= 0 && i < PRESETS.size()) {
                apply(PRESETS.get(i));
            }
        });
        skip();
        presetHint = new Label(body, SWT.WRAP);
        presetHint.setLayoutData(span(2));

        output = new Text(row("Output"), SWT.BORDER);
        output.setData("id", "export.output");
        output.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        output.addListener(SWT.Modify, e -> outputEdited());
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("Browse…");
        browse.setData("id", "export.browse");
        browse.addListener(SWT.Selection, e -> browse());

        container = combo(row("Container"), SWT.READ_ONLY, 2);
        container.setData("id", "export.container");
        container.setItems(CONTAINERS);
        container.addListener(SWT.Selection, e -> containerChosen());

        codec = combo(row("Codec"), SWT.READ_ONLY, 2);
        codec.setData("id", "export.codec");
        codec.addListener(SWT.Selection, e -> {
            custom();
            probe();
        });

        encoder = combo(row("Encoder"), SWT.READ_ONLY, 2);
        encoder.setData("id", "export.encoder");
        encoder.addListener(SWT.Selection, e -> {
            custom();
            describeEncoder();
        });
        skip();
        encoderInfo = new Label(body, SWT.WRAP);
        encoderInfo.setLayoutData(span(2));

        Composite rc = new Composite(row("Quality"), SWT.NONE);
        rc.setLayoutData(span(2));
        GridLayout rl = new GridLayout(2, false);
        rl.marginWidth = rl.marginHeight = 0;
        rc.setLayout(rl);
        crfMode = new Button(rc, SWT.RADIO);
        crfMode.setText("Constant quality (CRF)");
        crf = new Spinner(rc, SWT.BORDER);
        crf.setValues(21, 0, 63, 0, 1, 5);
        crf.setToolTipText("Lower is better and bigger; 18-23 is visually transparent for H.264");
        rateMode = new Button(rc, SWT.RADIO);
        rateMode.setText("Bit rate");
        bitrate = new Text(rc, SWT.BORDER);
        bitrate.setText("8M");
        bitrate.setToolTipText("Bits per second, e.g. 8M or 2500k");
        GridData bd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bd.widthHint = 60;
        bitrate.setLayoutData(bd);
        crfMode.setSelection(true);
        Listener0 rateChanged = () -> {
            crf.setEnabled(crfMode.getSelection());
            bitrate.setEnabled(rateMode.getSelection());
            custom();
        };
        crfMode.addListener(SWT.Selection, e -> rateChanged.run());
        rateMode.addListener(SWT.Selection, e -> rateChanged.run());
        crf.addListener(SWT.Modify, e -> custom());
        bitrate.addListener(SWT.Modify, e -> custom());

        speed = combo(row("Speed preset"), SWT.DROP_DOWN, 2);
        speed.setItems(SPEEDS);
        speed.select(0);
        speed.setToolTipText("x264/x265: ultrafast..slower; NVENC: p1 (fast)..p7 (best); SVT-AV1 and VP9: 0..13 "
                + "(higher is faster). Encoders that do not know it ignore it (noted after the export).");
        speed.addListener(SWT.Modify, e -> custom());

        size = combo(row("Size"), SWT.DROP_DOWN, 2);
        size.setToolTipText("WIDTHxHEIGHT; odd sizes are rounded down to even");
        size.addListener(SWT.Modify, e -> custom());

        Composite range = new Composite(row("Range"), SWT.NONE);
        range.setLayoutData(span(2));
        GridLayout gr = new GridLayout(2, true);
        gr.marginWidth = gr.marginHeight = 0;
        range.setLayout(gr);
        rangeAll = new Button(range, SWT.RADIO);
        rangeAll.setText("All");
        rangeAll.setSelection(true);
        rangeInOut = new Button(range, SWT.RADIO);
        rangeInOut.setText("In–out");
        inPoint = new Text(range, SWT.BORDER);
        inPoint.setToolTipText("First frame: timecode or frame number");
        outPoint = new Text(range, SWT.BORDER);
        outPoint.setToolTipText("Last frame (included): timecode or frame number");
        for (Text t : new Text[] {inPoint, outPoint}) {
            GridData td = new GridData(SWT.FILL, SWT.CENTER, true, false);
            td.widthHint = 80;
            t.setLayoutData(td);
        }
        markButton(range, "Set in", "In point = the playhead", inPoint);
        markButton(range, "Set out", "Out point = the playhead (included)", outPoint);
        rangeAll.addListener(SWT.Selection, e -> rangeChanged());
        rangeInOut.addListener(SWT.Selection, e -> rangeChanged());

        Composite opts = new Composite(row("Include"), SWT.NONE);
        opts.setLayoutData(span(2));
        GridLayout ol = new GridLayout(2, false);
        ol.marginWidth = ol.marginHeight = 0;
        opts.setLayout(ol);
        audio = new Button(opts, SWT.CHECK);
        audio.setText("Audio");
        audio.setToolTipText("Mix the clips' audio (AAC; Opus in WebM)");
        audio.setSelection(true);
        audio.addListener(SWT.Selection, e -> custom());
        qc = new Button(opts, SWT.CHECK);
        qc.setText("QC report");
        qc.setToolTipText("Check the encoded frames and write OUTPUT.qc.html and .qc.json beside the output (thresholds: "
                + "QC part or preferences)");
        qc.setSelection(true);
        qc.addListener(SWT.Selection, e -> custom());

        Composite buttons = new Composite(body, SWT.NONE);
        buttons.setLayoutData(span(3));
        GridLayout bl = new GridLayout(3, false);
        bl.marginWidth = 0;
        buttons.setLayout(bl);
        start = new Button(buttons, SWT.PUSH);
        start.setText("Export");
        start.setData("id", "export.start");
        GridData sd = new GridData();
        sd.widthHint = 110;
        start.setLayoutData(sd);
        start.addListener(SWT.Selection, e -> startExport());
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData("id", "export.cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelExport());
        progress = new ProgressBar(buttons, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setData("id", "export.progress");
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        status = new Label(body, SWT.WRAP);
        status.setData("id", "export.status");
        status.setLayoutData(span(3));
        status.setText("Ready.");

        summary = new Text(body, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        summary.setData("id", "export.summary");
        GridData smd = span(3);
        smd.heightHint = 110;
        summary.setLayoutData(smd);

        qcEvents = new Table(body, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        qcEvents.setData("id", "export.qc.events");
        qcEvents.setHeaderVisible(true);
        GridData qd = span(3);
        qd.heightHint = 110;
        qcEvents.setLayoutData(qd);
        String[] cols = {"QC event", "Start", "End", "Detail"};
        int[] widths = {80, 95, 95, 240};
        for (int i = 0; i < cols.length; i++) {
            TableColumn c = new TableColumn(qcEvents, SWT.LEFT);
            c.setText(cols[i]);
            c.setWidth(widths[i]);
        }
        qcEvents.addListener(SWT.Selection, e -> {
            if (e.item instanceof TableItem it && it.getData() instanceof QcEvent ev) {
                FrameRate rate = studio.timeline().format().rate();
                studio.setPlayhead(lastFirstFrame + Math.round(ev.start() * rate.toDouble()));
            }
        });

        Composite after = new Composite(body, SWT.NONE);
        after.setLayoutData(span(3));
        GridLayout al = new GridLayout(2, false);
        al.marginWidth = 0;
        after.setLayout(al);
        openQc = new Button(after, SWT.PUSH);
        openQc.setText("Open QC report");
        openQc.setData("id", "export.qc.open");
        openQc.setEnabled(false);
        openQc.addListener(SWT.Selection, e -> launch(lastQcReport));
        openOutput = new Button(after, SWT.PUSH);
        openOutput.setText("Play output");
        openOutput.setData("id", "export.play");
        openOutput.setEnabled(false);
        openOutput.addListener(SWT.Selection, e -> launch(lastOutput));

        look.apply(parent);
        presetHint.setForeground(look.dim);
        encoderInfo.setForeground(look.dim);
        status.setFont(look.mono());
        summary.setFont(look.mono());
        qcEvents.setFont(look.mono());
        qcEvents.setHeaderBackground(look.raised);
        qcEvents.setHeaderForeground(look.foreground);
        start.setFont(look.bold());

        projectChanged();
        apply(PRESETS.get(0));
        preset.select(0);
        studio.addListener(listener);
        relayout();
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
    }

    // ---- layout helpers -------------------------------------------------------------------------------------

    /** A button that sets {@code field} to the playhead and switches the range to in-out. */
    private void markButton(Composite range, String text, String tip, Text field) {
        Button b = new Button(range, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        b.addListener(SWT.Selection, e -> {
            field.setText(tc(studio.playhead()));
            rangeInOut.setSelection(true);
            rangeAll.setSelection(false);
            rangeChanged();
        });
    }

    /** A label in the first column; returns the body for the row's widgets. */
    private Composite row(String label) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        return body;
    }

    private void skip() {
        new Label(body, SWT.NONE).setLayoutData(new GridData(0, 0));
    }

    private static GridData span(int n) {
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, n, 1);
        d.widthHint = 200;
        return d;
    }

    private Combo combo(Composite p, int style, int span) {
        Combo c = new Combo(p, style);
        c.setLayoutData(span(span));
        c.setVisibleItemCount(16);
        return c;
    }

    private void relayout() {
        body.layout(true, true);
        int w = scroll.getClientArea().width;
        scroll.setMinSize(body.computeSize(Math.max(280, w), SWT.DEFAULT));
    }

    @FunctionalInterface
    private interface Listener0 {
        void run();
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    private void changed(Change c) {
        if (c == Change.PROJECT) {
            projectChanged();
        }
    }

    private void projectChanged() {
        VideoFormat f = studio.timeline().format();
        String keep = size.getText();
        size.removeAll();
        size.add(timelineSize());
        for (String s : SIZES) {
            size.add(s);
        }
        size.setText(keep.isEmpty() || keep.startsWith("Timeline") ? timelineSize() : keep);
        long last = Math.max(0, studio.timeline().frameCount() - 1);
        inPoint.setText(tc(0));
        outPoint.setText(tc(last));
        rangeAll.setSelection(true);
        rangeInOut.setSelection(false);
        rangeChanged();
        String def = defaultOutputFor(container.getText().isEmpty() ? "mp4" : container.getText());
        if (output.getText().isEmpty() || output.getText().equals(defaultOutput)) {
            output.setText(def);
        }
        defaultOutput = def;
        LOG.log(System.Logger.Level.DEBUG, "export: project " + f.width() + "x" + f.height());
    }

    private String timelineSize() {
        VideoFormat f = studio.timeline().format();
        return "Timeline (" + f.width() + "x" + f.height() + ")";
    }

    private String defaultOutputFor(String ext) {
        Path dir = studio.project().file() != null ? studio.project().file().toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"));
        String name = studio.project().name() == null || studio.project().name().isBlank() ? "export"
                : studio.project().name().replaceAll("[/\\\\:]", "_");
        return dir.resolve(name + "." + ext).toString();
    }

    private void rangeChanged() {
        boolean io = rangeInOut.getSelection();
        inPoint.setEnabled(io);
        outPoint.setEnabled(io);
        custom();
    }

    private void apply(Preset p) {
        applying = true;
        try {
            presetHint.setText(p.hint());
            selectContainer(p.container());
            codec.setText(p.codec());
            if (p.bitrate() > 0) {
                rateMode.setSelection(true);
                crfMode.setSelection(false);
                bitrate.setText(Long.toString(p.bitrate()));
            } else {
                crfMode.setSelection(true);
                rateMode.setSelection(false);
                crf.setSelection(p.crf() >= 0 ? p.crf() : 21);
            }
            boolean quality = !p.codec().equals("prores") && !p.codec().equals("gif");
            crfMode.setEnabled(quality);
            rateMode.setEnabled(quality);
            crf.setEnabled(quality && crfMode.getSelection());
            bitrate.setEnabled(quality && rateMode.getSelection());
            if (p.speed() == null) {
                speed.select(0);
            } else {
                speed.setText(p.speed());
            }
            VideoFormat f = studio.timeline().format();
            if (p.width() == 0) {
                size.setText(timelineSize());
            } else if (p.height() < 0) {
                int h = (int) Math.round(p.width() * (double) f.height() / f.width()) & ~1;
                size.setText(p.width() + "x" + h);
            } else {
                size.setText(p.width() + "x" + p.height());
            }
            audio.setSelection(p.audio());
            qc.setSelection(p.qc());
            qc.setEnabled(!p.container().equals("gif"));
        } finally {
            applying = false;
        }
        probe();
        relayout();
    }

    /** Any edit turns the preset into "Custom". */
    private void custom() {
        if (!applying && preset != null && preset.getSelectionIndex() != PRESETS.size()) {
            preset.select(PRESETS.size());
            presetHint.setText("Your settings.");
        }
    }

    private void selectContainer(String c) {
        boolean was = applying;
        applying = true;
        try {
            container.setText(c);
            fillCodecs(c);
            String out = output.getText().trim();
            if (!out.isEmpty()) {
                String now = ext(out);
                if (!c.equals(now == null ? "" : containerOf(now))) {
                    output.setText(withExt(out, c));
                }
            }
        } finally {
            applying = was;
        }
    }

    private void containerChosen() {
        selectContainer(container.getText());
        qc.setEnabled(!container.getText().equals("gif"));
        custom();
        probe();
    }

    private void fillCodecs(String c) {
        String keep = codec.getText();
        String[] list = switch (c) {
            case "mp4" -> new String[] {"h264", "hevc", "av1"};
            case "mov" -> new String[] {"prores", "h264", "hevc"};
            case "webm" -> new String[] {"vp9", "av1"};
            case "gif" -> new String[] {"gif"};
            default -> new String[] {"h264", "hevc", "av1", "vp9", "prores"};
        };
        codec.setItems(list);
        codec.select(0);
        for (int i = 0; i < list.length; i++) {
            if (list[i].equals(keep)) {
                codec.select(i);
            }
        }
    }

    private void outputEdited() {
        if (applying) {
            return;
        }
        String e = ext(output.getText().trim());
        String c = e == null ? null : containerOf(e);
        if (c != null && !c.equals(container.getText())) {
            applying = true;
            try {
                container.setText(c);
                fillCodecs(c);
                qc.setEnabled(!c.equals("gif"));
            } finally {
                applying = false;
            }
            custom();
            probe();
        }
    }

    private static String ext(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        int dot = file.lastIndexOf('.');
        return dot > slash ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    private static String containerOf(String ext) {
        return switch (ext) {
            case "mp4", "m4v" -> "mp4";
            case "mov" -> "mov";
            case "mkv" -> "mkv";
            case "webm" -> "webm";
            case "gif" -> "gif";
            default -> null;
        };
    }

    private static String withExt(String file, String ext) {
        String e = ext(file);
        return (e == null ? file : file.substring(0, file.length() - e.length() - 1)) + "." + ext;
    }

    private void browse() {
        FileDialog d = new FileDialog(output.getShell(), SWT.SAVE);
        d.setText("Export to");
        d.setOverwrite(true);
        String cur = output.getText().trim();
        if (!cur.isEmpty()) {
            Path p = Path.of(cur).toAbsolutePath();
            if (p.getParent() != null) {
                d.setFilterPath(p.getParent().toString());
            }
            d.setFileName(p.getFileName().toString());
        }
        String c = container.getText();
        d.setFilterExtensions(new String[] {"*." + (c.equals("mkv") ? "mkv" : c), "*.mp4;*.mov;*.mkv;*.webm;*.gif"});
        String f = d.open();
        if (f != null) {
            output.setText(ext(f) == null ? f + "." + c : f);
        }
    }

    // ---- encoders ---------------------------------------------------------------------------------------------

    /** Probes the codec's encoder candidates in the background and fills the encoder combo. */
    private void probe() {
        String c = codec.getText();
        if (c.isEmpty()) {
            return;
        }
        List<EncoderChoice> known = probed.get(c);
        if (known != null) {
            fillEncoders(c, known, null);
            return;
        }
        encoder.setItems(new String[] {"auto"});
        encoder.select(0);
        encoderNames = List.of("auto");
        encoderInfo.setText("Probing the " + c + " encoders…");
        Thread t = new Thread(() -> {
            List<EncoderChoice> list = List.of();
            String error = null;
            try {
                Exporter ex = studio.services().exporter();
                list = ex.candidates(c);
                probed.put(c, list);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            List<EncoderChoice> l = list;
            String err = error;
            ui(() -> {
                if (c.equals(codec.getText())) {
                    fillEncoders(c, l, err);
                }
            });
        }, "export-encoder-probe");
        t.setDaemon(true);
        t.start();
    }

    private void fillEncoders(String c, List<EncoderChoice> list, String error) {
        String keep = encoder.getSelectionIndex() > 0 ? encoderNames.get(encoder.getSelectionIndex()) : null;
        String pref = studio.preferences().get(StudioPreferences.ENCODER);
        List<String> names = new ArrayList<>();
        List<String> items = new ArrayList<>();
        names.add("auto");
        EncoderChoice best = list.stream().filter(EncoderChoice::usable).findFirst().orElse(null);
        items.add(best == null ? "auto" : "auto (now: " + best.name() + ")");
        for (EncoderChoice ch : list) {
            names.add(ch.name());
            items.add(ch.name() + (ch.hardware() ? "  [hw]" : "  [sw]") + (ch.usable() ? "  ok" : "  unavailable: "
                    + ch.reason()));
        }
        encoderNames = names;
        encoder.setItems(items.toArray(String[]::new));
        int sel = 0;
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).equals(keep) || (keep == null && names.get(i).equals(pref))) {
                sel = i;
            }
        }
        encoder.select(sel);
        if (error != null) {
            encoderInfo.setText("Cannot probe the " + c + " encoders: " + error);
            encoderInfo.setForeground(look.error);
        } else {
            describeEncoder();
        }
        relayout();
    }

    private void describeEncoder() {
        List<EncoderChoice> list = probed.getOrDefault(codec.getText(), List.of());
        int i = encoder.getSelectionIndex();
        encoderInfo.setForeground(look.dim);
        if (i <= 0) {
            long ok = list.stream().filter(EncoderChoice::usable).count();
            encoderInfo.setText(ok == 0 && !list.isEmpty() ? "No usable " + codec.getText() + " encoder here."
                    : "Automatic: the first usable candidate, hardware first (" + ok + " of " + list.size()
                            + " usable); falls back to the next one if it fails.");
            if (ok == 0 && !list.isEmpty()) {
                encoderInfo.setForeground(look.error);
            }
        } else {
            EncoderChoice ch = list.get(i - 1);
            encoderInfo.setText(ch.usable() ? ch.name() + " (" + (ch.hardware() ? "hardware" : "software")
                    + ") chosen by you: no fallback." : ch.name() + " failed its probe: " + ch.reason());
            if (!ch.usable()) {
                encoderInfo.setForeground(look.warning);
            }
        }
        relayout();
    }

    // ---- building the settings --------------------------------------------------------------------------------

    /** The settings the fields describe; IllegalArgumentException names the bad field. */
    ExportSettings settings() {
        String out = output.getText().trim();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Choose an output file.");
        }
        Path file = Path.of(out).toAbsolutePath();
        ExportSettings s = ExportSettings.to(file);
        s.container(); // checks the extension
        s = s.withCodec(codec.getText());
        int ei = encoder.getSelectionIndex();
        s = s.withEncoder(ei <= 0 ? "auto" : encoderNames.get(ei));
        String c = codec.getText();
        if (!c.equals("prores") && !c.equals("gif")) {
            if (rateMode.getSelection()) {
                s = s.withBitrate(parseRate(bitrate.getText()));
            } else {
                s = s.withCrf(crf.getSelection());
            }
        }
        if (speed.getSelectionIndex() != 0 && !speed.getText().isBlank() && !speed.getText().startsWith("(")) {
            s = s.withPreset(speed.getText().trim());
        }
        String sz = size.getText().trim();
        if (!sz.isEmpty() && !sz.startsWith("Timeline")) {
            String[] wh = sz.toLowerCase(Locale.ROOT).split("x");
            try {
                int w = Integer.parseInt(wh[0].trim());
                int h = Integer.parseInt(wh[1].trim());
                if (wh.length != 2 || w < 16 || h < 16 || w > 16384 || h > 16384) {
                    throw new NumberFormatException();
                }
                s = s.withSize(w, h);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Size '" + sz + "': use WIDTHxHEIGHT, 16..16384 each.");
            }
        }
        if (rangeInOut.getSelection()) {
            long total = studio.timeline().frameCount();
            long a = parseFrame(inPoint.getText(), "In");
            long b = parseFrame(outPoint.getText(), "Out");
            if (a < 0 || b < a || b >= total) {
                throw new IllegalArgumentException("Range " + tc(a) + " to " + tc(b) + " is not inside the timeline "
                        + "(0 to " + tc(Math.max(0, total - 1)) + ", out not before in).");
            }
            s = s.withRange(a, b - a + 1);
        }
        return s.withAudio(audio.getSelection()).withQc(qc.getSelection() && !c.equals("gif"))
                .withQcOptions(org.lumaflow.ui.internal.model.QcSettings.options(studio.preferences()));
    }

    private long parseFrame(String text, String what) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                return Long.parseLong(t);
            }
            return Timecode.parse(t, studio.timeline().format().rate());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " point '" + t + "': " + e.getMessage());
        }
    }

    static long parseRate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Math.round(Double.parseDouble(t) * mult);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bit rate '" + text + "': use e.g. 8M or 2500k.");
        }
    }

    private String tc(long frame) {
        FrameRate rate = studio.timeline().format().rate();
        return Timecode.format(frame, rate, Timecode.defaultDropFrame(rate));
    }

    // ---- running ------------------------------------------------------------------------------------------------

    private void startExport() {
        if (job != null) {
            return;
        }
        ExportSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            status(e.getMessage(), look.error);
            return;
        }
        if (Files.exists(s.output()) && !Dialogs.confirm(start.getShell(), "Export", s.output() + " exists.\n\n"
                + "Replace it when the export has finished? (Until then, and if the export fails or is cancelled, it "
                + "stays as it is.)", true)) {
            return;
        }
        Snapshot snap;
        Exporter exporter;
        try {
            snap = Snapshot.of(studio);
            exporter = studio.services().exporter();
        } catch (IOException | RuntimeException e) {
            status("Cannot export: " + e.getMessage(), look.error);
            return;
        }
        lastFirstFrame = s.firstFrame();
        liveNotes.clear();
        latest = null;
        ExportJob[] self = new ExportJob[1];
        ExportJob j = new ExportJob(exporter, snap, s, new ExportJob.Observer() {
            @Override
            public void progress(ExportProgress p) {
                latest = p;
                if (progressPosted.compareAndSet(false, true)) {
                    ui(ExportPart.this::showProgress);
                }
            }

            @Override
            public void note(String message) {
                ui(() -> {
                    liveNotes.add(message);
                    summary.setText(String.join("\n", liveNotes));
                });
            }

            @Override
            public void finished(ExportResult result, Throwable failure, boolean cancelled) {
                List<QcEvent> events = List.of();
                String qcLine = null;
                if (result != null && result.qcReport() != null) {
                    try {
                        Path json = jsonBeside(result.qcReport());
                        QcSummary q = QcSummary.read(json);
                        events = q.events();
                        qcLine = q.line();
                    } catch (IOException | RuntimeException e) {
                        qcLine = "QC report written, but its JSON could not be read: " + e.getMessage();
                    }
                }
                List<QcEvent> ev = events;
                String ql = qcLine;
                ui(() -> done(self[0], result, failure, cancelled, ev, ql));
            }
        });
        self[0] = j;
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                // safety net: the observer normally cleared it already
                ui(() -> {
                    if (job == j) {
                        job = null;
                        ExportPart.this.running(false);
                    }
                });
            }
        });
        job = j;
        running(true);
        progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, j.expectedFrames())));
        progress.setSelection(0);
        status("Starting " + s.output().getFileName() + " (" + j.expectedFrames() + " frames)…", look.foreground);
        summary.setText("");
        qcEvents.removeAll();
        openQc.setEnabled(false);
        openOutput.setEnabled(false);
        j.schedule();
    }

    private void cancelExport() {
        ExportJob j = job;
        if (j != null) {
            j.cancel();
            cancel.setEnabled(false);
            status("Cancelling… (the existing file stays untouched)", look.warning);
        }
    }

    private void running(boolean on) {
        start.setEnabled(!on);
        cancel.setEnabled(on);
    }

    private void showProgress() {
        progressPosted.set(false);
        ExportProgress p = latest;
        if (p == null || job == null || progress.isDisposed()) {
            return;
        }
        progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, p.framesTotal())));
        progress.setSelection((int) Math.min(Integer.MAX_VALUE, p.framesDone()));
        if (cancel.getEnabled()) {
            status(ExportJob.describe(p), look.foreground);
        }
    }

    private void done(ExportJob j, ExportResult r, Throwable failure, boolean cancelled, List<QcEvent> events,
            String qcLine) {
        if (j == null || job == j) {
            job = null;
        }
        running(false);
        StringBuilder sb = new StringBuilder();
        if (cancelled) {
            progress.setSelection(0);
            status("Cancelled. " + (j != null && Files.exists(j.settings().output()) ? "The existing file was left "
                    + "as it was." : "Nothing was written."), look.warning);
        } else if (failure != null) {
            status("Export failed: " + (failure.getMessage() == null ? failure : failure.getMessage()), look.error);
        } else if (r != null) {
            progress.setSelection(progress.getMaximum());
            status(String.format(Locale.ROOT, "Done: %d frames in %.1f s (%.1f fps).", r.frames(), r.seconds(),
                    r.fps()), look.ok);
            sb.append(String.format(Locale.ROOT, "%s  %s%n%dx%d, %d frames, %s%n", r.output(), bytes(r.output()),
                    r.width(), r.height(), r.frames(), ExportJob.clock(r.seconds())));
            sb.append("Encoder: ").append(r.encoder()).append(why(r, j)).append('\n');
            for (String w : r.warnings()) {
                sb.append("Warning: ").append(w).append('\n');
            }
            lastOutput = r.output();
            openOutput.setEnabled(true);
            lastQcReport = r.qcReport();
            openQc.setEnabled(r.qcReport() != null);
            if (qcLine != null) {
                sb.append(qcLine).append('\n');
            } else if (j != null && j.settings().qc()) {
                sb.append("QC: no report (see the notes above)\n");
            }
        }
        for (String n : liveNotes) {
            if (r == null || !r.warnings().contains(n)) {
                sb.append("Note: ").append(n).append('\n');
            }
        }
        summary.setText(sb.toString().strip());
        qcEvents.removeAll();
        FrameRate rate = studio.timeline().format().rate();
        for (QcEvent e : events) {
            TableItem it = new TableItem(qcEvents, SWT.NONE);
            it.setText(new String[] {e.type(), QcPart.tc(e.start(), rate),
                e.type().equals("scene") ? "" : QcPart.tc(e.end(), rate), e.detail()});
            it.setData(e);
        }
        if (r != null && r.qcReport() != null && events.isEmpty()) {
            new TableItem(qcEvents, SWT.NONE).setText(new String[] {"", "", "", "no QC events"});
        }
        relayout();
    }

    /** Why the encoder was used: pinned, or the automatic choice with the skipped candidates. */
    private static String why(ExportResult r, ExportJob j) {
        if (j != null && j.settings().encoderPinned()) {
            return " (chosen by you)";
        }
        StringBuilder sb = new StringBuilder(" (automatic: ");
        List<String> skipped = new ArrayList<>();
        for (EncoderChoice c : r.candidates()) {
            if (c.name().equals(r.encoder())) {
                break;
            }
            skipped.add(c.name() + ": " + (c.usable() ? "failed during the export" : c.reason()));
        }
        EncoderChoice used = r.candidates().stream().filter(c -> c.name().equals(r.encoder())).findFirst()
                .orElse(null);
        sb.append(skipped.isEmpty() ? "first candidate" : "first usable candidate");
        if (used != null) {
            sb.append(used.hardware() ? ", hardware" : ", software");
        }
        sb.append(')');
        for (String s : skipped) {
            sb.append("\n  skipped ").append(s);
        }
        return sb.toString();
    }

    private static Path jsonBeside(Path html) {
        String n = html.getFileName().toString();
        String base = n.endsWith(".qc.html") ? n.substring(0, n.length() - ".qc.html".length()) : n;
        return html.resolveSibling(base + ".qc.json");
    }

    private static String bytes(Path file) {
        try {
            long b = Files.size(file);
            return b >= 1 << 30 ? String.format(Locale.ROOT, "%.2f GB", b / 1e9)
                    : b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1e6)
                            : String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        } catch (IOException e) {
            return "(size unknown)";
        }
    }

    private void launch(Path file) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            Dialogs.error(start.getShell(), "Export", file + " is gone.");
        } else if (!Dialogs.unattended() && !Program.launch(file.toString())) {
            Dialogs.error(start.getShell(), "Export", "No program is set up to open " + file);
        }
    }

    private void status(String text, org.eclipse.swt.graphics.Color color) {
        status.setText(text);
        status.setForeground(color);
        relayout();
    }

    private void ui(Runnable r) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!body.isDisposed()) {
                    r.run();
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // the display went away
        }
    }

    /** Lays out (for tests that poke fields directly). */
    Control body() {
        return body;
    }

    // ---- the QC JSON beside the output ------------------------------------------------------------------------

    /** The events and summary of an {@code OUT.qc.json} written by the exporter (stable field names). */
    record QcSummary(List<QcEvent> events, String line) {

        @SuppressWarnings("unchecked")
        static QcSummary read(Path json) throws IOException {
            Object root = new MiniJson(Files.readString(json)).value();
            if (!(root instanceof Map<?, ?> m)) {
                throw new IOException(json + ": not a QC report");
            }
            List<QcEvent> events = new ArrayList<>();
            if (m.get("events") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> e) {
                        events.add(new QcEvent(String.valueOf(e.get("type")), num(e.get("start")),
                                num(e.get("end")), e.get("detail") == null ? "" : String.valueOf(e.get("detail"))));
                    }
                }
            }
            StringBuilder sb = new StringBuilder("QC: ");
            if (m.get("summary") instanceof Map<?, ?> s) {
                sb.append(String.format(Locale.ROOT, "%d frames, mean luma %.1f", (long) num(s.get("frames")),
                        num(s.get("mean_luma"))));
            }
            sb.append(", ").append(events.size()).append(events.size() == 1 ? " event" : " events");
            if (m.get("audio") instanceof Map<?, ?> a && a.get("integrated_lufs") != null) {
                sb.append(String.format(Locale.ROOT, ", loudness %.1f LUFS", num(a.get("integrated_lufs"))));
            }
            return new QcSummary(events, sb.toString());
        }

        private static double num(Object o) {
            return o instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    /** Just enough JSON for the QC report: objects, arrays, strings, numbers, true, false, null. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object value() throws IOException {
            ws();
            if (i >= s.length()) {
                throw new IOException("unexpected end of JSON");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int st = i;
                    while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String w = s.substring(st, i);
                    return switch (w) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> {
                            try {
                                yield Double.parseDouble(w);
                            } catch (NumberFormatException e) {
                                throw new IOException("bad JSON value '" + w + "' at " + st);
                            }
                        }
                    };
                }
            }
        }

        private String string() throws IOException {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new IOException("unterminated JSON string");
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            ws();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws IOException {
            ws();
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IOException("JSON: expected '" + c + "' at " + i);
            }
            i++;
        }
    }
}
