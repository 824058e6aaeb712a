package org.lumaflow.ui.internal.dialogs;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.ui.internal.model.ProjectSettings;

/**
 * The fields of a project's settings (name, size preset or custom even size, frame rate, audio sample rate), shared
 * by {@link NewProjectDialog} and {@link ProjectSettingsDialog}. Widgets carry {@code setData("id", "project.*")}
 * for UI tests: {@code project.name}, {@code project.size}, {@code project.width}, {@code project.height},
 * {@code project.rate}, {@code project.sampleRate}.
 */
final class ProjectForm {

    static final String CUSTOM = "Custom size";

    private final Text name;
    private final Combo size;
    private final Spinner width;
    private final Spinner height;
    private final Combo rate;
    private final Combo sampleRate;
    private final Consumer<String> problems;

    /** Builds the fields in {@code parent} filled from {@code initial}; {@code problems} gets null or a sentence. */
    ProjectForm(Composite parent, ProjectSettings initial, Consumer<String> problems) {
        this.problems = problems;
        Group g = Form.group(parent, "Project");
        name = Form.text(g, "Name", 260, "");
        name.setData("id", "project.name");
        name.setText(initial.name());

        Group f = Form.group(parent, "Picture");
        String[] sizes = new String[ProjectSettings.PRESETS.size() + 1];
        for (int i = 0; i < ProjectSettings.PRESETS.size(); i++) {
            sizes[i] = ProjectSettings.PRESETS.get(i).label();
        }
        sizes[sizes.length - 1] = CUSTOM;
        size = Form.combo(f, "Format", sizes);
        size.setData("id", "project.size");
        width = Form.spinner(f, "Width", 16, 16384, 2, "pixels, even");
        width.setData("id", "project.width");
        height = Form.spinner(f, "Height", 16, 16384, 2, "pixels, even");
        height.setData("id", "project.height");
        width.setSelection(initial.width());
        height.setSelection(initial.height());
        String[] rates = ProjectSettings.RATES.stream().map(r -> r.label() + " fps").toArray(String[]::new);
        rate = Form.combo(f, "Frame rate", rates);
        rate.setData("id", "project.rate");
        int ri = indexOfRate(initial);
        if (ri < 0) {
            rate.add(initial.rate() + " fps");
            ri = rate.getItemCount() - 1;
        }
        rate.select(ri);

        Group a = Form.group(parent, "Audio");
        String[] srs = new String[ProjectSettings.SAMPLE_RATES.length];
        for (int i = 0; i < srs.length; i++) {
            srs[i] = ProjectSettings.SAMPLE_RATES[i] + " Hz";
        }
        sampleRate = Form.combo(a, "Sample rate", srs);
        sampleRate.setData("id", "project.sampleRate");
        int si = java.util.Arrays.stream(ProjectSettings.SAMPLE_RATES).boxed().toList().indexOf(initial.sampleRate());
        if (si < 0) {
            sampleRate.add(initial.sampleRate() + " Hz");
            si = sampleRate.getItemCount() - 1;
        }
        sampleRate.select(si);
        Form.skip(a);
        Label note = Form.note(a, "Saved with the project. The studio and the exporter mix audio at 48000 Hz.");
        note.setData("hint", Boolean.TRUE);

        size.select(presetIndex(initial.width(), initial.height()));
        size.addListener(SWT.Selection, e -> {
            int i = size.getSelectionIndex();
            if (i >= 0 && i < ProjectSettings.PRESETS.size()) {
                width.setSelection(ProjectSettings.PRESETS.get(i).width());
                height.setSelection(ProjectSettings.PRESETS.get(i).height());
            }
            updateEnabled();
            validate();
        });
        name.addListener(SWT.Modify, e -> validate());
        width.addListener(SWT.Modify, e -> sizeTyped());
        height.addListener(SWT.Modify, e -> sizeTyped());
        updateEnabled();
    }

    private static int indexOfRate(ProjectSettings s) {
        for (int i = 0; i < ProjectSettings.RATES.size(); i++) {
            if (ProjectSettings.RATES.get(i).rate().equals(s.rate())) {
                return i;
            }
        }
        return -1;
    }

    private static int presetIndex(int w, int h) {
        for (int i = 0; i < ProjectSettings.PRESETS.size(); i++) {
            var p = ProjectSettings.PRESETS.get(i);
            if (p.width() == w && p.height() == h) {
                return i;
            }
        }
        return ProjectSettings.PRESETS.size();
    }

    /** A typed size selects the matching preset, or Custom. */
    private void sizeTyped() {
        int i = presetIndex(width.getSelection(), height.getSelection());
        if (i != size.getSelectionIndex() && size.getSelectionIndex() != ProjectSettings.PRESETS.size()) {
            size.select(i);
            updateEnabled();
        }
        validate();
    }

    private void updateEnabled() {
        boolean custom = size.getSelectionIndex() == ProjectSettings.PRESETS.size();
        width.setEnabled(custom);
        height.setEnabled(custom);
    }

    /** Reports the first problem (null when none); returns whether the values make a project. */
    boolean validate() {
        String p = ProjectSettings.problem(name.getText(), width.getSelection(), height.getSelection());
        problems.accept(p);
        return p == null;
    }

    /** The settings shown (call when {@link #validate} is true). */
    ProjectSettings settings(ProjectSettings initial) {
        int ri = rate.getSelectionIndex();
        var r = ri >= 0 && ri < ProjectSettings.RATES.size() ? ProjectSettings.RATES.get(ri).rate() : initial.rate();
        int si = sampleRate.getSelectionIndex();
        int sr = si >= 0 && si < ProjectSettings.SAMPLE_RATES.length ? ProjectSettings.SAMPLE_RATES[si]
                : initial.sampleRate();
        return new ProjectSettings(name.getText(), width.getSelection(), height.getSelection(), r, sr);
    }

    /** A one-column area for the groups. */
    static Composite area(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        c.setLayout(gl);
        return c;
    }
}
