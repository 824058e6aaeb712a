package org.lumaflow.ui.internal.parts.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.Exporter;
import org.lumaflow.ui.internal.model.StudioPreferences;

/**
 * The encoder candidates of the chosen codec, probed in the background (once per codec) and listed with hardware or
 * software and why one is unavailable; "auto" or a pinned encoder ({@code export.encoder}).
 */
final class EncoderList {

    private final ExportContext ctx;
    private final SettingsForm form;
    private final Map<String, List<EncoderChoice>> probed = new ConcurrentHashMap<>();
    final Combo encoder;
    final Label info;
    private List<String> names = List.of("auto");

    EncoderList(ExportContext ctx, SettingsForm form) {
        this.ctx = ctx;
        this.form = form;
        encoder = ctx.combo(ctx.row("Encoder"), SWT.READ_ONLY, 2);
        encoder.setData("id", "export.encoder");
        encoder.addListener(SWT.Selection, e -> {
            form.custom();
            describe();
        });
        ctx.skip();
        info = new Label(ctx.body, SWT.WRAP);
        info.setLayoutData(ExportContext.span(2));
    }

    /** The chosen encoder's name, or {@code auto}. */
    String selected() {
        int i = encoder.getSelectionIndex();
        return i <= 0 ? "auto" : names.get(i);
    }

    /** Probes the codec's encoder candidates in the background and fills the encoder combo. */
    void probe(String c) {
        if (c.isEmpty()) {
            return;
        }
        List<EncoderChoice> known = probed.get(c);
        if (known != null) {
            fill(c, known, null);
            return;
        }
        encoder.setItems(new String[] {"auto"});
        encoder.select(0);
        names = List.of("auto");
        info.setText("Probing the " + c + " encoders…");
        Thread t = new Thread(() -> {
            List<EncoderChoice> list = List.of();
            String error = null;
            try {
                Exporter ex = ctx.studio.services().exporter();
                list = ex.candidates(c);
                probed.put(c, list);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            List<EncoderChoice> l = list;
            String err = error;
            ctx.ui(() -> {
                if (c.equals(form.output.codec())) {
                    fill(c, l, err);
                }
            });
        }, "export-encoder-probe");
        t.setDaemon(true);
        t.start();
    }

    private void fill(String c, List<EncoderChoice> list, String error) {
        String keep = encoder.getSelectionIndex() > 0 ? names.get(encoder.getSelectionIndex()) : null;
        String pref = ctx.studio.preferences().get(StudioPreferences.ENCODER);
        List<String> n = new ArrayList<>();
        List<String> items = new ArrayList<>();
        n.add("auto");
        EncoderChoice best = list.stream().filter(EncoderChoice::usable).findFirst().orElse(null);
        items.add(best == null ? "auto" : "auto (now: " + best.name() + ")");
        for (EncoderChoice ch : list) {
            n.add(ch.name());
            items.add(ch.name() + (ch.hardware() ? "  [hw]" : "  [sw]") + (ch.usable() ? "  ok" : "  unavailable: "
                    + ch.reason()));
        }
        names = n;
        encoder.setItems(items.toArray(String[]::new));
        int sel = 0;
        for (int i = 1; i < n.size(); i++) {
            if (n.get(i).equals(keep) || (keep == null && n.get(i).equals(pref))) {
                sel = i;
            }
        }
        encoder.select(sel);
        if (error != null) {
            info.setText("Cannot probe the " + c + " encoders: " + error);
            info.setForeground(ctx.look.error);
        } else {
            describe();
        }
        ctx.relayout();
    }

    private void describe() {
        String codec = form.output.codec();
        List<EncoderChoice> list = probed.getOrDefault(codec, List.of());
        int i = encoder.getSelectionIndex();
        info.setForeground(ctx.look.dim);
        if (i <= 0) {
            long ok = list.stream().filter(EncoderChoice::usable).count();
            info.setText(ok == 0 && !list.isEmpty() ? "No usable " + codec + " encoder here."
                    : "Automatic: the first usable candidate, hardware first (" + ok + " of " + list.size()
                            + " usable); falls back to the next one if it fails." + EncoderProfiles.sentence(
                                    list.stream().filter(EncoderChoice::usable).map(EncoderChoice::name)
                                            .findFirst().orElse(null)));
            if (ok == 0 && !list.isEmpty()) {
                info.setForeground(ctx.look.error);
            }
        } else {
            EncoderChoice ch = list.get(i - 1);
            info.setText(ch.usable() ? ch.name() + " (" + (ch.hardware() ? "hardware" : "software")
                    + ") chosen by you: no fallback." + EncoderProfiles.sentence(ch.name()) : ch.name() + " failed its probe: " + ch.reason());
            if (!ch.usable()) {
                info.setForeground(ctx.look.warning);
            }
        }
        ctx.relayout();
    }
}
