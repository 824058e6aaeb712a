package org.lumaflow.ui.internal.parts.export;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.ExportSettings;

/** Rate control (constant quality or bit rate), the encoder's speed preset and the output size. */
final class QualityFields {

    private static final String[] SPEEDS = {"(encoder default)", "ultrafast", "superfast", "veryfast", "faster",
        "fast", "medium", "slow", "slower", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "4", "6", "8", "10", "12"};
    private static final String[] SIZES = {"3840x2160", "2560x1440", "1920x1080", "1280x720", "854x480", "640x360"};

    private final ExportContext ctx;
    private final Button crfMode;
    private final Spinner crf;
    private final Button rateMode;
    private final Text bitrate;
    private final Combo speed;
    private final Combo size;

    QualityFields(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        Composite rc = new Composite(ctx.row("Quality"), SWT.NONE);
        rc.setLayoutData(ExportContext.span(2));
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
        Runnable rateChanged = () -> {
            crf.setEnabled(crfMode.getSelection());
            bitrate.setEnabled(rateMode.getSelection());
            form.custom();
        };
        crfMode.addListener(SWT.Selection, e -> rateChanged.run());
        rateMode.addListener(SWT.Selection, e -> rateChanged.run());
        crf.addListener(SWT.Modify, e -> form.custom());
        bitrate.addListener(SWT.Modify, e -> form.custom());

        speed = ctx.combo(ctx.row("Speed preset"), SWT.DROP_DOWN, 2);
        speed.setItems(SPEEDS);
        speed.select(0);
        speed.setToolTipText("x264/x265: ultrafast..slower; NVENC: p1 (fast)..p7 (best); SVT-AV1 and VP9: 0..13 "
                + "(higher is faster). Encoders that do not know it ignore it (noted after the export).");
        speed.addListener(SWT.Modify, e -> form.custom());

        size = ctx.combo(ctx.row("Size"), SWT.DROP_DOWN, 2);
        size.setToolTipText("WIDTHxHEIGHT; odd sizes are rounded down to even");
        size.addListener(SWT.Modify, e -> form.custom());
    }

    /** The project changed: the timeline's size first in the list, kept if chosen. */
    void projectChanged() {
        String keep = size.getText();
        size.removeAll();
        size.add(timelineSize());
        for (String s : SIZES) {
            size.add(s);
        }
        size.setText(keep.isEmpty() || keep.startsWith("Timeline") ? timelineSize() : keep);
    }

    private String timelineSize() {
        VideoFormat f = ctx.studio.timeline().format();
        return "Timeline (" + f.width() + "x" + f.height() + ")";
    }

    void apply(Presets.Preset p) {
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
        VideoFormat f = ctx.studio.timeline().format();
        if (p.width() == 0) {
            size.setText(timelineSize());
        } else if (p.height() < 0) {
            int h = (int) Math.round(p.width() * (double) f.height() / f.width()) & ~1;
            size.setText(p.width() + "x" + h);
        } else {
            size.setText(p.width() + "x" + p.height());
        }
    }

    /** {@code s} with rate control (for {@code codec}), speed preset and size; names a bad field. */
    ExportSettings applyTo(ExportSettings s, String codec) {
        if (!codec.equals("prores") && !codec.equals("gif")) {
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
        return s;
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
}
