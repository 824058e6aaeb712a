package org.lumaflow.ui.internal.parts.export;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.ui.internal.model.Studio;

/**
 * Output file, container and codec: the file's extension and the container follow each other, the codec list follows
 * the container ({@code export.output}, {@code export.browse}, {@code export.container}, {@code export.codec}).
 */
final class OutputFields {

    private static final String[] CONTAINERS = {"mp4", "mov", "mkv", "webm", "gif"};

    private final ExportContext ctx;
    private final SettingsForm form;
    final Text output;
    final Combo container;
    final Combo codec;
    private String defaultOutput;

    OutputFields(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        this.form = form;
        output = new Text(ctx.row("Output"), SWT.BORDER);
        output.setData("id", "export.output");
        output.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        output.addListener(SWT.Modify, e -> outputEdited());
        Button browse = new Button(ctx.body, SWT.PUSH);
        browse.setText("Browse…");
        browse.setData("id", "export.browse");
        browse.addListener(SWT.Selection, e -> browse());

        container = ctx.combo(ctx.row("Container"), SWT.READ_ONLY, 2);
        container.setData("id", "export.container");
        container.setItems(CONTAINERS);
        container.addListener(SWT.Selection, e -> containerChosen());

        codec = ctx.combo(ctx.row("Codec"), SWT.READ_ONLY, 2);
        codec.setData("id", "export.codec");
        codec.addListener(SWT.Selection, e -> {
            form.custom();
            form.probe();
        });
    }

    String codec() {
        return codec.getText();
    }

    String container() {
        return container.getText();
    }

    /** The project changed: a default output beside the project, unless the user typed one. */
    void projectChanged() {
        String def = defaultOutputFor(container.getText().isEmpty() ? "mp4" : container.getText());
        if (output.getText().isEmpty() || output.getText().equals(defaultOutput)) {
            output.setText(def);
        }
        defaultOutput = def;
    }

    private String defaultOutputFor(String ext) {
        Studio studio = ctx.studio;
        Path dir = studio.project().file() != null ? studio.project().file().toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"));
        String name = studio.project().name() == null || studio.project().name().isBlank() ? "export"
                : studio.project().name().replaceAll("[/\\\\:]", "_");
        return dir.resolve(name + "." + ext).toString();
    }

    /** Selects container {@code c}, its codecs, and gives the output its extension. */
    void selectContainer(String c) {
        boolean was = form.applying;
        form.applying = true;
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
            form.applying = was;
        }
    }

    private void containerChosen() {
        selectContainer(container.getText());
        form.include.qcAllowed(!container.getText().equals("gif"));
        form.custom();
        form.probe();
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
        if (form.applying) {
            return;
        }
        String e = ext(output.getText().trim());
        String c = e == null ? null : containerOf(e);
        if (c != null && !c.equals(container.getText())) {
            form.applying = true;
            try {
                container.setText(c);
                fillCodecs(c);
                form.include.qcAllowed(!c.equals("gif"));
            } finally {
                form.applying = false;
            }
            form.custom();
            form.probe();
        }
    }

    static String ext(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        int dot = file.lastIndexOf('.');
        return dot > slash ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    static String containerOf(String ext) {
        return switch (ext) {
            case "mp4", "m4v" -> "mp4";
            case "mov" -> "mov";
            case "mkv" -> "mkv";
            case "webm" -> "webm";
            case "gif" -> "gif";
            default -> null;
        };
    }

    static String withExt(String file, String ext) {
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
}
