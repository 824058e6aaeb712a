package org.lumaflow.ui.internal.parts.export;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.export.ExportSettings;

/**
 * The settings form: a preset and the fields it fills (output, codec, encoder, quality, range, audio and QC, segments).
 * Any edit turns the preset into "Custom" ({@code export.preset}).
 */
final class SettingsForm {

    private final ExportContext ctx;
    private final Combo preset;
    private final Label presetHint;
    final OutputFields output;
    final EncoderList encoders;
    final QualityFields quality;
    final RangeFields range;
    final IncludeOptions include;
    final SegmentFields segments;
    /** True while a preset or a linked field is being applied (no "Custom" for that). */
    boolean applying;

    SettingsForm(ExportContext ctx) {
        this.ctx = ctx;
        preset = ctx.combo(ctx.row("Preset"), SWT.READ_ONLY, 2);
        preset.setData("id", "export.preset");
        for (Presets.Preset p : Presets.ALL) {
            preset.add(p.name());
        }
        preset.add("Custom");
        preset.addListener(SWT.Selection, e -> {
            int i = preset.getSelectionIndex();
            if (i >= 0 && i < Presets.ALL.size()) {
                apply(Presets.ALL.get(i));
            }
        });
        ctx.skip();
        presetHint = new Label(ctx.body, SWT.WRAP);
        presetHint.setLayoutData(ExportContext.span(2));

        output = new OutputFields(ctx, this);
        encoders = new EncoderList(ctx, this);
        quality = new QualityFields(ctx, this);
        range = new RangeFields(ctx, this);
        include = new IncludeOptions(ctx, this);
        segments = new SegmentFields(ctx);
    }

    /** Colours after the look is applied; the first preset. */
    void start() {
        presetHint.setForeground(ctx.look.dim);
        encoders.info.setForeground(ctx.look.dim);
        projectChanged();
        apply(Presets.ALL.get(0));
        preset.select(0);
    }

    void dispose() {
        segments.dispose();
    }

    void projectChanged() {
        quality.projectChanged();
        range.projectChanged();
        output.projectChanged();
    }

    void projectRenamed() {
        output.projectChanged();
    }

    void apply(Presets.Preset p) {
        applying = true;
        try {
            presetHint.setText(p.hint());
            output.selectContainer(p.container());
            output.codec.setText(p.codec());
            quality.apply(p);
            include.apply(p);
        } finally {
            applying = false;
        }
        probe();
        ctx.relayout();
    }

    /** Any edit turns the preset into "Custom". */
    void custom() {
        if (!applying && preset != null && preset.getSelectionIndex() != Presets.ALL.size()) {
            preset.select(Presets.ALL.size());
            presetHint.setText("Your settings.");
        }
    }

    void probe() {
        encoders.probe(output.codec());
    }

    /** The settings the fields describe; IllegalArgumentException names the bad field. */
    ExportSettings settings() {
        String out = output.output.getText().trim();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Choose an output file.");
        }
        Path file = Path.of(out).toAbsolutePath();
        ExportSettings s = ExportSettings.to(file);
        s.container(); // checks the extension
        String c = output.codec();
        s = s.withCodec(c).withEncoder(encoders.selected());
        s = quality.applyTo(s, c);
        s = range.applyTo(s);
        return include.applyTo(s, c);
    }
}
