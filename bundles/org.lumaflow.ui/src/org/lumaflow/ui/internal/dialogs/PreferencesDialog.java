package org.lumaflow.ui.internal.dialogs;

import static org.lumaflow.ui.internal.dialogs.Form.combo;
import static org.lumaflow.ui.internal.dialogs.Form.dimHints;
import static org.lumaflow.ui.internal.dialogs.Form.group;
import static org.lumaflow.ui.internal.dialogs.Form.label;
import static org.lumaflow.ui.internal.dialogs.Form.note;
import static org.lumaflow.ui.internal.dialogs.Form.skip;
import static org.lumaflow.ui.internal.dialogs.Form.spinner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.model.StudioPreferences;
import org.lumaflow.ui.internal.parts.DarkLook;

/**
 * The studio's preferences ({@link StudioPreferences}): rendering backend (applied at once), export encoder, cache,
 * worker threads and memory (after a restart), face model, viewer frame dropping and preview resolution, autosave,
 * QC thresholds ({@link QcThresholdsGroup}).
 * OK saves the file and announces {@link Change#PREFERENCES}; Restore Defaults fills in the defaults (saved on OK).
 */
public final class PreferencesDialog extends TitleAreaDialog {

    private static final int RESTORE_ID = IDialogConstants.CLIENT_ID + 1;
    private static final String[] BACKENDS = {"auto", "gpu", "cpu"};
    private static final String[] DROPS = {"never", "adaptive", "aggressive"};
    private static final String[] DIVISORS = {"full", "half", "quarter"};
    private static final String[] PROBE_CODECS = {"h264", "hevc", "av1", "vp9", "prores"};

    private final Studio studio;
    private final StudioPreferences prefs;
    private DarkLook look;
    private Combo backend;
    private Label backendNow;
    private Combo encoder;
    private Label encoderInfo;
    private Text cacheDir;
    private Spinner cacheMb;
    private Spinner pixelWorkers;
    private Spinner decodeWorkers;
    private Spinner memoryMb;
    private Text faceModel;
    private Combo drop;
    private Combo divisor;
    private Spinner autosave;
    private QcThresholdsGroup qcThresholds;
    private volatile boolean closed;

    public PreferencesDialog(Shell shell, Studio studio) {
        super(shell);
        this.studio = studio;
        this.prefs = studio.preferences();
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Lumaflow Studio Preferences");
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(620, p.x), p.y);
    }

    @Override
    public boolean close() {
        closed = true;
        return super.close();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        look = new DarkLook(area);
        setTitle("Preferences");
        setMessage("Rendering and viewer settings apply at once; worker threads and memory after a restart.");
        setTitleAreaColor(look.raised.getRGB());

        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        c.setLayout(gl);

        Group render = group(c, "Rendering");
        backend = combo(render, "Backend", BACKENDS);
        backend.setToolTipText("auto: a hardware GPU when one works, else the CPU; gpu: any GPU device (software "
                + "ones too); cpu: always the CPU");
        backend.setData("id", "prefs.backend");
        skip(render);
        backendNow = note(render, "Renders on: " + safeBackend());
        memoryMb = spinner(render, "Frame memory (MiB)", 0, 1 << 20, 256, "0 = sized from the RAM; after restart");
        pixelWorkers = spinner(render, "Pixel workers", 0, 256, 1, "0 = one per core; after restart");
        decodeWorkers = spinner(render, "Decode workers", 0, 64, 1, "0 = default; after restart");

        Group export = group(c, "Export");
        encoder = new Combo(label(export, "Encoder"), SWT.DROP_DOWN);
        encoder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        encoder.setToolTipText("auto picks the first usable candidate (hardware first); a name pins that encoder "
                + "wherever its codec is exported");
        encoder.setData("id", "prefs.encoder");
        encoder.add("auto");
        encoder.addListener(SWT.Modify, e -> describeEncoder());
        skip(export);
        encoderInfo = note(export, "Probing encoders…");

        Group cache = group(c, "Cache");
        cacheDir = new Text(label(cache, "Folder"), SWT.BORDER);
        cacheDir.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cacheDir.setMessage("default (in the user's cache folder)");
        Button browseCache = new Button(cache, SWT.PUSH);
        browseCache.setText("Browse…");
        browseCache.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setText("Cache folder");
            if (!cacheDir.getText().isBlank()) {
                d.setFilterPath(cacheDir.getText());
            }
            String f = d.open();
            if (f != null) {
                cacheDir.setText(f);
            }
        });
        cacheMb = spinner(cache, "Size limit (MiB)", 0, 1 << 20, 256, "decoded media, shaders, face analyses");

        Group analysis = group(c, "Analysis");
        faceModel = new Text(label(analysis, "Face model"), SWT.BORDER);
        faceModel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        faceModel.setMessage("built-in cascade");
        Button browseFace = new Button(analysis, SWT.PUSH);
        browseFace.setText("Browse…");
        browseFace.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setText("Face detection model");
            d.setFilterExtensions(new String[] {"*.onnx;*.xml", "*.onnx", "*.xml", "*"});
            d.setFilterNames(new String[] {"Models (*.onnx, *.xml)", "ONNX", "Cascade XML", "All files"});
            String f = d.open();
            if (f != null) {
                faceModel.setText(f);
            }
        });

        Group viewer = group(c, "Viewer");
        drop = combo(viewer, "Frame dropping", DROPS);
        drop.setToolTipText("never: show every frame (playback slows down); adaptive: keep time, skip late frames; "
                + "aggressive: also lower the preview resolution while dropping");
        drop.setData("id", "prefs.drop");
        divisor = combo(viewer, "Preview resolution", DIVISORS);
        divisor.setData("id", "prefs.divisor");

        Group session = group(c, "Session");
        autosave = spinner(session, "Autosave every (s)", 0, 3600, 10, "0 = off");

        qcThresholds = new QcThresholdsGroup(c);

        load(prefs);
        look.apply(c);
        for (Label l : new Label[] {backendNow, encoderInfo}) {
            l.setForeground(look.dim);
        }
        dimHints(c, look);
        area.setBackground(look.background);
        startProbe();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, RESTORE_ID, "Restore Defaults", false);
        super.createButtonsForButtonBar(parent);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == RESTORE_ID) {
            load(defaults());
            setMessage("Defaults filled in; OK saves them.", IMessageProvider.INFORMATION);
            return;
        }
        super.buttonPressed(id);
    }

    @Override
    protected void okPressed() {
        String face = faceModel.getText().trim();
        if (!face.isEmpty() && !Files.isRegularFile(Path.of(face))) {
            setErrorMessage("The face model " + face + " does not exist.");
            return;
        }
        String dir = cacheDir.getText().trim();
        if (!dir.isEmpty() && !Path.of(dir).isAbsolute()) {
            setErrorMessage("The cache folder must be an absolute path.");
            return;
        }
        QcOptions qc;
        try {
            qc = qcThresholds.options();
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        QcSettings.store(prefs, qc);
        String oldBackend = prefs.get(StudioPreferences.BACKEND);
        String b = BACKENDS[Math.max(0, backend.getSelectionIndex())];
        prefs.set(StudioPreferences.BACKEND, b);
        String enc = encoder.getText().trim();
        int sp = enc.indexOf(' ');
        prefs.set(StudioPreferences.ENCODER, enc.isEmpty() ? "auto" : sp > 0 ? enc.substring(0, sp) : enc);
        prefs.set(StudioPreferences.CACHE_DIR, dir);
        prefs.set(StudioPreferences.CACHE_MB, Integer.toString(cacheMb.getSelection()));
        prefs.set(StudioPreferences.WORKERS_PIXEL, Integer.toString(pixelWorkers.getSelection()));
        prefs.set(StudioPreferences.WORKERS_DECODE, Integer.toString(decodeWorkers.getSelection()));
        prefs.set(StudioPreferences.MEMORY_MB, Integer.toString(memoryMb.getSelection()));
        prefs.set(StudioPreferences.FACE_MODEL, face);
        prefs.set(StudioPreferences.DROP, DROPS[Math.max(0, drop.getSelectionIndex())]);
        prefs.set(StudioPreferences.PREVIEW_DIVISOR, Integer.toString(1 << Math.max(0, divisor.getSelectionIndex())));
        prefs.set(StudioPreferences.AUTOSAVE_S, Integer.toString(autosave.getSelection()));
        try {
            prefs.save();
        } catch (IOException e) {
            setErrorMessage("Cannot save " + prefs.file() + ": " + e.getMessage());
            return;
        }
        String backendProblem = null;
        if (!b.equals(oldBackend)) {
            try {
                studio.engine().preferBackend(b);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                backendProblem = e.getMessage();
            } catch (RuntimeException e) {
                backendProblem = e.toString();
            }
        }
        super.okPressed();
        studio.fire(Change.PREFERENCES);
        if (backendProblem != null) {
            Dialogs.error(getParentShell(), "Preferences", "The backend preference '" + b
                    + "' was saved but cannot apply now: " + backendProblem);
        }
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private void load(StudioPreferences p) {
        select(backend, BACKENDS, p.get(StudioPreferences.BACKEND), 0);
        encoder.setText(p.get(StudioPreferences.ENCODER).isBlank() ? "auto" : p.get(StudioPreferences.ENCODER));
        cacheDir.setText(p.get(StudioPreferences.CACHE_DIR));
        cacheMb.setSelection(p.getInt(StudioPreferences.CACHE_MB));
        pixelWorkers.setSelection(p.getInt(StudioPreferences.WORKERS_PIXEL));
        decodeWorkers.setSelection(p.getInt(StudioPreferences.WORKERS_DECODE));
        memoryMb.setSelection(p.getInt(StudioPreferences.MEMORY_MB));
        faceModel.setText(p.get(StudioPreferences.FACE_MODEL));
        select(drop, DROPS, p.get(StudioPreferences.DROP), 1);
        int div = p.getInt(StudioPreferences.PREVIEW_DIVISOR);
        divisor.select(div >= 4 ? 2 : div == 2 ? 1 : 0);
        autosave.setSelection(p.getInt(StudioPreferences.AUTOSAVE_S));
        qcThresholds.load(QcSettings.options(p));
        setErrorMessage(null);
    }

    /** The built-in defaults: preferences read from a file that does not exist. */
    private static StudioPreferences defaults() {
        return new StudioPreferences(StudioPreferences.home().resolve("defaults-" + System.nanoTime()
                + ".missing"));
    }

    private static void select(Combo c, String[] values, String v, int fallback) {
        int sel = fallback;
        for (int i = 0; i < values.length; i++) {
            if (values[i].equalsIgnoreCase(v.trim())) {
                sel = i;
            }
        }
        c.select(sel);
    }

    private String safeBackend() {
        try {
            return studio.engine().backend();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ---- encoder probe ----------------------------------------------------------------------------------------

    private final List<EncoderChoice> choices = new ArrayList<>();

    /** Probes the encoder candidates of every codec in the background (each once per process) and lists them. */
    private void startProbe() {
        Shell shell = getShell();
        Thread t = new Thread(() -> {
            for (String codec : PROBE_CODECS) {
                if (closed) {
                    return;
                }
                List<EncoderChoice> list;
                try {
                    list = studio.services().exporter().candidates(codec);
                } catch (RuntimeException e) {
                    String msg = e.getMessage();
                    async(shell, () -> encoderInfo.setText("Cannot probe encoders: " + msg));
                    return;
                }
                async(shell, () -> addChoices(list));
            }
            async(shell, this::describeEncoder);
        }, "prefs-encoder-probe");
        t.setDaemon(true);
        t.start();
    }

    private static void async(Shell shell, Runnable r) {
        if (shell == null || shell.isDisposed()) {
            return;
        }
        try {
            shell.getDisplay().asyncExec(() -> {
                if (!shell.isDisposed()) {
                    r.run();
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // display gone
        }
    }

    private void addChoices(List<EncoderChoice> list) {
        String text = encoder.getText();
        Set<String> have = new LinkedHashSet<>(List.of(encoder.getItems()));
        for (EncoderChoice ch : list) {
            choices.add(ch);
            if (have.add(ch.name())) {
                encoder.add(ch.name());
            }
        }
        encoder.setText(text);
        describeEncoder();
    }

    private void describeEncoder() {
        if (encoderInfo == null || encoderInfo.isDisposed()) {
            return;
        }
        String name = encoder.getText().trim();
        if (name.isEmpty() || name.equals("auto")) {
            long ok = choices.stream().filter(EncoderChoice::usable).count();
            encoderInfo.setText(choices.isEmpty() ? "Probing encoders…" : "auto: the first usable candidate per "
                    + "codec, hardware first (" + ok + " of " + choices.size() + " candidates usable here)");
            encoderInfo.setForeground(look.dim);
        } else {
            EncoderChoice ch = choices.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (ch == null) {
                encoderInfo.setText(choices.isEmpty() ? "Probing encoders…" : name + " is not a known candidate; "
                        + "FFmpeg will be asked for it by name");
                encoderInfo.setForeground(look.warning);
            } else {
                encoderInfo.setText(ch.name() + " (" + (ch.hardware() ? "hardware" : "software") + "): "
                        + (ch.usable() ? "works here" : "not usable: " + ch.reason()));
                encoderInfo.setForeground(ch.usable() ? look.ok : look.warning);
            }
        }
        encoderInfo.getParent().layout();
    }
}
