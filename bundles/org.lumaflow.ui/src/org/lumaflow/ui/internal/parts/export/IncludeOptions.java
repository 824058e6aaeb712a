package org.lumaflow.ui.internal.parts.export;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.ui.internal.model.QcSettings;

/** Audio and the QC report (thresholds from the preferences; no QC for GIF). */
final class IncludeOptions {

    private final ExportContext ctx;
    private final Button audio;
    private final Button qc;

    IncludeOptions(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        Composite opts = new Composite(ctx.row("Include"), SWT.NONE);
        opts.setLayoutData(ExportContext.span(2));
        GridLayout ol = new GridLayout(2, false);
        ol.marginWidth = ol.marginHeight = 0;
        opts.setLayout(ol);
        audio = new Button(opts, SWT.CHECK);
        audio.setText("Audio");
        audio.setToolTipText("Mix the clips' audio (AAC; Opus in WebM)");
        audio.setSelection(true);
        audio.addListener(SWT.Selection, e -> form.custom());
        qc = new Button(opts, SWT.CHECK);
        qc.setText("QC report");
        qc.setToolTipText("Check the encoded frames and write OUTPUT.qc.html and .qc.json beside the output (thresholds: "
                + "QC part or preferences)");
        qc.setSelection(true);
        qc.addListener(SWT.Selection, e -> form.custom());
    }

    void apply(Presets.Preset p) {
        audio.setSelection(p.audio());
        qc.setSelection(p.qc());
        qcAllowed(!p.container().equals("gif"));
    }

    void qcAllowed(boolean allowed) {
        qc.setEnabled(allowed);
    }

    ExportSettings applyTo(ExportSettings s, String codec) {
        return s.withAudio(audio.getSelection()).withQc(qc.getSelection() && !codec.equals("gif"))
                .withQcOptions(QcSettings.options(ctx.studio.preferences()));
    }
}
