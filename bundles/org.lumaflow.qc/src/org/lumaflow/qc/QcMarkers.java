package org.lumaflow.qc;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.MarkerColor;
import org.lumaflow.engine.timeline.Timeline;

/**
 * QC findings as timeline markers, coloured by severity: {@link MarkerColor#RED} for errors (damage, gaps in the
 * stream, true peak above -1 dBTP), {@link MarkerColor#ORANGE} for warnings (black, freeze, clipping, silence,
 * integrated loudness outside EBU R128's -23 +/- 1 LUFS), {@link MarkerColor#YELLOW} for other detectors. Scene cuts
 * are left out (a timeline's cuts are its edit points). Each marker is named after its detector, spans the event
 * ({@code duration} 0 for a point), carries the detail as its note and {@code qc.type} / {@code qc.severity} in its
 * metadata, so a later run replaces the markers of an earlier one ({@link #apply}).
 *
 * @since 0.3
 */
public final class QcMarkers {

    /** Metadata key naming the detector of a QC marker. */
    public static final String TYPE = "qc.type";
    /** Metadata key of a QC marker's severity ({@code error}, {@code warning}, {@code info}). */
    public static final String SEVERITY = "qc.severity";

    private static final Set<String> ERRORS = Set.of("damage", "gap");
    private static final Set<String> WARNINGS = Set.of("black", "freeze", "clipping", "silence");

    private QcMarkers() {
    }

    /** The markers for {@code report}'s findings, in time order (timeline time: 0 = the first analysed frame). */
    public static List<Marker> of(QcReport report) {
        Set<QcEvent> events = new LinkedHashSet<>(report.events());
        if (report.audio() != null && report.audio().silences() != null) {
            events.addAll(report.audio().silences());
        }
        List<Marker> out = new ArrayList<>();
        for (QcEvent e : events) {
            if (e.type().equals("scene")) {
                continue;
            }
            String severity = ERRORS.contains(e.type()) ? "error" : WARNINGS.contains(e.type()) ? "warning" : "info";
            long start = Ticks.fromSeconds(e.start(), RoundingMode.HALF_UP);
            long end = Ticks.fromSeconds(e.end(), RoundingMode.HALF_UP);
            out.add(marker(e.type(), start, Math.max(0, end - start), severity, e.detail()));
        }
        AudioQc a = report.audio();
        if (a != null) {
            if (Double.isFinite(a.truePeak()) && a.truePeak() > -1) {
                out.add(marker("loudness", 0, 0, "error", String.format(Locale.ROOT,
                        "true peak %.1f dBTP is above -1 dBTP", a.truePeak())));
            }
            if (Double.isFinite(a.integrated()) && Math.abs(a.integrated() + 23) > 1) {
                out.add(marker("loudness", 0, 0, "warning", String.format(Locale.ROOT,
                        "integrated loudness %.1f LUFS is outside -23 +/- 1 LUFS (EBU R128)", a.integrated())));
            }
        }
        out.sort((x, y) -> Long.compare(x.start(), y.start()));
        return out;
    }

    /**
     * Replaces {@code tl}'s QC markers (those with {@link #TYPE} metadata) with {@code report}'s; other markers are
     * kept. Returns how many were added.
     */
    public static int apply(Timeline tl, QcReport report) {
        tl.markers().removeIf(m -> m.metadata().containsKey(TYPE));
        List<Marker> add = of(report);
        tl.markers().addAll(add);
        tl.markers().sort((x, y) -> Long.compare(x.start(), y.start()));
        return add.size();
    }

    private static Marker marker(String type, long start, long duration, String severity, String detail) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TYPE, type);
        meta.put(SEVERITY, severity);
        MarkerColor c = severity.equals("error") ? MarkerColor.RED
                : severity.equals("warning") ? MarkerColor.ORANGE : MarkerColor.YELLOW;
        return new Marker("QC " + type, start, duration, c, detail == null ? "" : detail, meta);
    }
}
