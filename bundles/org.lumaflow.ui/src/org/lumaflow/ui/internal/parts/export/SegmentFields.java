package org.lumaflow.ui.internal.parts.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.ui.internal.model.StudioPreferences;
import org.osgi.framework.ServiceListener;

/**
 * Segmented export: off, auto or N segments, and where they run: a {@link SegmentExecutor} service (this machine's
 * worker processes, a Hazelcast cluster by name and members, or any other executor installed), kept in the studio
 * preferences ({@code export.segments}, {@code export.executor}, {@code export.cluster}, {@code export.members}).
 */
final class SegmentFields {

    /** The segment choice: {@code segments} -1 = off (single pass), 0 = auto, else N; executor options. */
    record Choice(int segments, String executor, Map<String, String> options) {

        boolean segmented() {
            return segments >= 0;
        }
    }

    private static final String[] COUNTS = {"Off", "Auto", "2", "3", "4", "6", "8", "12", "16", "24", "32"};

    private final ExportContext ctx;
    private final Combo segments;
    private final Combo executor;
    private final Text cluster;
    private final Text members;
    private final Label clusterLabel;
    private final ServiceListener servicesChanged;
    private List<String> executorNames = List.of();

    SegmentFields(ExportContext ctx) {
        this.ctx = ctx;
        Composite sc = new Composite(ctx.row("Segments"), SWT.NONE);
        sc.setLayoutData(ExportContext.span(2));
        GridLayout sl = new GridLayout(3, false);
        sl.marginWidth = sl.marginHeight = 0;
        sc.setLayout(sl);
        segments = new Combo(sc, SWT.DROP_DOWN);
        segments.setData("id", "export.segments");
        segments.setItems(COUNTS);
        segments.setVisibleItemCount(COUNTS.length);
        segments.setToolTipText("Off: one pass. Auto or N: the range is cut into segments encoded in parallel, then "
                + "joined by stream copy and checked (mp4/mov/mkv; one encoder, closed GOPs)");
        GridData cd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        cd.widthHint = 70;
        segments.setLayoutData(cd);
        new Label(sc, SWT.NONE).setText("on");
        executor = new Combo(sc, SWT.READ_ONLY);
        executor.setData("id", "export.executor");
        executor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        executor.setToolTipText("Where the segments run: worker processes of this machine, or a render cluster");

        clusterLabel = new Label(ctx.body, SWT.NONE);
        clusterLabel.setText("Cluster");
        clusterLabel.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        Composite cc = new Composite(ctx.body, SWT.NONE);
        cc.setLayoutData(ExportContext.span(2));
        GridLayout cl = new GridLayout(3, false);
        cl.marginWidth = cl.marginHeight = 0;
        cc.setLayout(cl);
        cluster = new Text(cc, SWT.BORDER);
        cluster.setData("id", "export.cluster");
        cluster.setMessage("name");
        cluster.setToolTipText("The cluster's name (lumaflow worker --cluster NAME on each render node); empty: one "
                + "embedded member in this process, no network");
        GridData nd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        nd.widthHint = 70;
        cluster.setLayoutData(nd);
        new Label(cc, SWT.NONE).setText("members");
        members = new Text(cc, SWT.BORDER);
        members.setData("id", "export.members");
        members.setMessage("host1,host2:5702");
        members.setToolTipText("Members to connect to, comma-separated HOST[:PORT] (default 127.0.0.1); see "
                + "docs/cluster.md for ports and firewalls");
        members.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        StudioPreferences prefs = ctx.studio.preferences();
        String n = prefs.get(StudioPreferences.EXPORT_SEGMENTS).trim();
        segments.setText(n.equalsIgnoreCase("auto") ? "Auto" : n.isEmpty() || n.equalsIgnoreCase("off") ? "Off" : n);
        cluster.setText(prefs.get(StudioPreferences.EXPORT_CLUSTER));
        members.setText(prefs.get(StudioPreferences.EXPORT_MEMBERS));
        fillExecutors(prefs.get(StudioPreferences.EXPORT_EXECUTOR));
        segments.addListener(SWT.Modify, e -> enable());
        segments.addListener(SWT.Selection, e -> enable());
        executor.addListener(SWT.Selection, e -> enable());
        enable();

        servicesChanged = e -> ctx.ui(() -> fillExecutors(selectedExecutor()));
        try {
            ctx.studio.services().context().addServiceListener(servicesChanged,
                    "(objectClass=" + SegmentExecutor.class.getName() + ")");
        } catch (org.osgi.framework.InvalidSyntaxException | IllegalStateException e) {
            throw new IllegalStateException(e);
        }
    }

    void dispose() {
        try {
            ctx.studio.services().context().removeServiceListener(servicesChanged);
        } catch (IllegalStateException e) {
            // the bundle is stopping
        }
    }

    /** Lists the executors there are now, keeping {@code keep} selected (this machine's first). */
    private void fillExecutors(String keep) {
        if (executor.isDisposed()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (SegmentExecutor e : ctx.studio.services().all(SegmentExecutor.class)) {
            if (!names.contains(e.name())) {
                names.add(e.name());
            }
        }
        names.sort(Comparator.comparing((String s) -> !s.equals("local")).thenComparing(s -> s));
        executorNames = names;
        executor.setItems(names.stream().map(SegmentFields::label).toArray(String[]::new));
        int i = names.indexOf(keep);
        executor.select(i >= 0 ? i : 0);
        enable();
        ctx.relayout();
    }

    static String label(String name) {
        return switch (name) {
            case "local" -> "This machine";
            case "hazelcast" -> "Cluster (Hazelcast)";
            default -> name;
        };
    }

    private String selectedExecutor() {
        int i = executor.getSelectionIndex();
        return i >= 0 && i < executorNames.size() ? executorNames.get(i) : "local";
    }

    private void enable() {
        boolean on = !segments.getText().trim().equalsIgnoreCase("off");
        boolean hz = selectedExecutor().equals("hazelcast");
        executor.setEnabled(on && !executorNames.isEmpty());
        cluster.setEnabled(on && hz);
        members.setEnabled(on && hz);
        clusterLabel.setEnabled(on && hz);
    }

    /** The choice the fields describe; IllegalArgumentException names the bad field. */
    Choice choice() {
        String t = segments.getText().trim().toLowerCase(Locale.ROOT);
        int n;
        if (t.isEmpty() || t.equals("off")) {
            n = -1;
        } else if (t.equals("auto")) {
            n = 0;
        } else {
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                n = -2;
            }
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("Segments '" + segments.getText().trim() + "': use Off, Auto or a "
                        + "number of segments from 1 to 1000.");
            }
        }
        String ex = selectedExecutor();
        Map<String, String> options = new HashMap<>();
        if (ex.equals("hazelcast") && !cluster.getText().isBlank()) {
            options.put("cluster", cluster.getText().trim());
            if (!members.getText().isBlank()) {
                options.put("members", members.getText().trim().replaceAll("\\s+", ""));
            }
        }
        return new Choice(n, ex, Map.copyOf(options));
    }

    /** The executor service for {@code c}, configured with its options. */
    SegmentExecutor executor(Choice c) {
        for (SegmentExecutor e : ctx.studio.services().all(SegmentExecutor.class)) {
            if (e.name().equals(c.executor())) {
                return c.options().isEmpty() ? e : e.with(c.options());
            }
        }
        throw new IllegalArgumentException("No segment executor '" + c.executor() + "' is installed now.");
    }

    /** Keeps the fields in the preferences (saved). */
    void remember() {
        StudioPreferences prefs = ctx.studio.preferences();
        prefs.set(StudioPreferences.EXPORT_SEGMENTS, segments.getText().trim().toLowerCase(Locale.ROOT));
        prefs.set(StudioPreferences.EXPORT_EXECUTOR, selectedExecutor());
        prefs.set(StudioPreferences.EXPORT_CLUSTER, cluster.getText().trim());
        prefs.set(StudioPreferences.EXPORT_MEMBERS, members.getText().trim());
        try {
            prefs.save();
        } catch (java.io.IOException e) {
            System.getLogger("org.lumaflow.ui").log(System.Logger.Level.WARNING, "cannot save the preferences "
                    + prefs.file() + ": " + e.getMessage());
        }
    }
}
