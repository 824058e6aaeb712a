package org.lumaflow.ui.internal.dialogs;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.qc.QcOptions;

/**
 * The QC thresholds as a group of fields (preferences and the QC part's Thresholds dialog): a preset, whose values
 * choosing it fills in, and one field per threshold in FFmpeg's units ({@code 0.5}, {@code 500ms}, {@code -60dB}),
 * each hinted with its FFmpeg option (the tooltip says what it accepts), two to a row. {@link #options()} names the
 * field and the accepted range of a bad value.
 */
public final class QcThresholdsGroup {

    private static final String[] LABELS = {"Black: shortest", "Black: pixel level", "Black: picture ratio",
        "Freeze: noise", "Freeze: shortest", "Scene threshold", "Clipping ratio", "Silence: level",
        "Silence: shortest"};
    private static final String[] HINTS = {"blackdetect d", "blackdetect pix_th", "blackdetect pic_th",
        "freezedetect n", "freezedetect d", "scdet threshold", "signalstats BRNG", "silencedetect n",
        "silencedetect d"};

    private final List<String> presets = List.copyOf(QcOptions.presets().keySet());
    private final Combo preset;
    private final Label presetInfo;
    private final Text[] fields = new Text[QcOptions.KEYS.size()];

    /** Adds the group to {@code parent} (a one-column layout). */
    public QcThresholdsGroup(Composite parent) {
        Group g = Form.group(parent, "Quality control thresholds");
        g.setLayout(new GridLayout(6, false));
        preset = Form.combo(g, "Preset", presets.toArray(String[]::new));
        preset.setData("id", "prefs.qc.preset");
        preset.setToolTipText("Choosing a preset fills in its thresholds; change single ones below");
        preset.addListener(SWT.Selection, e -> fill(QcOptions.preset(selected())));
        presetInfo = Form.note(g, "");
        ((GridData) presetInfo.getLayoutData()).horizontalSpan = 3;
        presetInfo.setData("hint", Boolean.TRUE);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = Form.text(g, LABELS[i], 90, HINTS[i]);
            fields[i].setData("id", "prefs.qc." + QcOptions.KEYS.get(i));
            fields[i].setToolTipText(QcOptions.accepted(QcOptions.KEYS.get(i)));
        }
    }

    /** Shows {@code o}: its preset and every threshold. */
    public void load(QcOptions o) {
        int i = presets.indexOf(o.preset());
        preset.select(Math.max(0, i));
        fill(o);
        presetInfo.setText(QcOptions.presets().getOrDefault(selected(), ""));
    }

    private void fill(QcOptions o) {
        for (int i = 0; i < fields.length; i++) {
            fields[i].setText(o.format(QcOptions.KEYS.get(i)));
        }
        presetInfo.setText(QcOptions.presets().getOrDefault(selected(), ""));
    }

    private String selected() {
        return presets.get(Math.max(0, preset.getSelectionIndex()));
    }

    /**
     * The thresholds the fields describe, on the chosen preset.
     *
     * @throws IllegalArgumentException naming the field, its value and what it accepts
     */
    public QcOptions options() {
        QcOptions o = QcOptions.preset(selected());
        for (int i = 0; i < fields.length; i++) {
            String key = QcOptions.KEYS.get(i);
            String v = fields[i].getText().trim();
            try {
                o = o.with(key, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(LABELS[i] + " '" + v + "' is not " + QcOptions.accepted(key)
                        + ".");
            }
        }
        return o;
    }
}
