package org.lumaflow.telemetry.internal.reel;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.telemetry.Highlight;

/**
 * Builds a highlight reel: one {@code media.video} clip per highlight (in point = the highlight's start, duration = its
 * span, both on frame boundaries of the reel's rate) on one track, consecutive clips overlapping by a
 * {@code core.dissolve}, and on every clip the telemetry overlays of the overlay node contract
 * ({@code telemetry.speed_gauge}, {@code telemetry.minimap}, {@code telemetry.elevation}, {@code telemetry.g_meter})
 * reading the telemetry file with its offset (telemetry time = media time - offset). The format is the first
 * media's size and rate.
 */
public final class ReelBuilder {

    /** Node types of the overlay contract. */
    public static final String GAUGE = "telemetry.speed_gauge";
    public static final String MINIMAP = "telemetry.minimap";
    public static final String ELEVATION = "telemetry.elevation";
    public static final String G_METER = "telemetry.g_meter";
    public static final String DISSOLVE = "core.dissolve";

    /**
     * One media file of the reel and its highlights (media seconds, sorted by start).
     *
     * @param info the probed media
     * @param telemetry the file the overlays read (the MP4 itself for GoPro), or null for no overlays
     * @param offset telemetry time = media time - offset, seconds
     * @param hasGps whether the telemetry has positions (minimap, elevation)
     * @param hasAccel whether it has an accelerometer (g-meter)
     * @param highlights the clips to cut
     */
    public record Source(MediaInfo info, Path telemetry, double offset, boolean hasGps, boolean hasAccel,
            List<Highlight> highlights) {
    }

    /**
     * The look of the reel.
     *
     * @param units {@code metric} or {@code imperial}
     * @param gaugeStyle {@code dial} or {@code digital}
     * @param transition seconds each dissolve lasts at most (a third of the shorter clip at most); 0 = straight cuts
     * @param gMeter whether to add the g-meter where there is an accelerometer
     */
    public record Style(String units, String gaugeStyle, double transition, boolean gMeter) {
        /** Metric, dial gauge, 0.5 s dissolves, g-meter on. */
        public static Style defaults() {
            return new Style("metric", "dial", 0.5, true);
        }
    }

    private ReelBuilder() {
    }

    /** The reel as a project called {@code name}. */
    public static Project build(String name, List<Source> sources, Style style) throws MediaException {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no media for the reel");
        }
        Timeline probe = MediaClips.timeline(sources.get(0).info());
        Timeline tl = new Timeline(probe.format());
        FrameRate rate = tl.format().rate();
        Track track = new Track("V1");
        tl.tracks().add(track);
        long cursor = 0;
        Clip previous = null;
        int n = 0;
        for (Source src : sources) {
            for (Highlight h : src.highlights()) {
                long in = snap(rate, h.start());
                long duration = snap(rate, h.end()) - in;
                if (duration < rate.frameToTicks(1)) {
                    continue; // shorter than a frame
                }
                n++;
                String id = "h" + n;
                Clip c = MediaClips.clip(id, src.info(), 0);
                long overlap = 0;
                if (previous != null && style.transition() > 0) {
                    long max = Math.min(previous.duration(), duration) / 3;
                    overlap = Math.min(snap(rate, style.transition()), rate.frameToTicks(
                            rate.ticksToFrame(max, RoundingMode.FLOOR)));
                }
                c.trim(in, duration);
                c.setStart(cursor - overlap);
                overlays(c, id, src, tl.format().width(), tl.format().height(), style);
                track.clips().add(c);
                if (overlap > 0) {
                    track.transitions().add(new Transition(previous.id(), id, new GraphNode(id + "_dissolve",
                            DISSOLVE)));
                }
                cursor = c.end();
                previous = c;
            }
        }
        List<String> problems = tl.validate();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the reel is not a valid timeline: " + problems);
        }
        tl.touch();
        return new Project(name, tl);
    }

    /** {@code seconds} on the nearest frame boundary, ticks. */
    static long snap(FrameRate rate, double seconds) {
        long t = Ticks.fromSeconds(Math.max(0, seconds), RoundingMode.HALF_UP);
        return rate.frameToTicks(rate.ticksToFrame(t, RoundingMode.HALF_UP));
    }

    private static void overlays(Clip c, String id, Source src, int w, int h, Style style) {
        if (src.telemetry() == null) {
            return;
        }
        String file = src.telemetry().toAbsolutePath().toString();
        double unit = Math.min(w, h);
        c.effects().add(overlay(id + "_gauge", GAUGE, file, src.offset(), new Point2(0.13, 0.78), unit * 0.3,
                style.units()).set("style", style.gaugeStyle()));
        if (src.hasGps()) {
            c.effects().add(overlay(id + "_minimap", MINIMAP, file, src.offset(), new Point2(0.87, 0.22), unit * 0.32,
                    style.units()));
            c.effects().add(overlay(id + "_elevation", ELEVATION, file, src.offset(), new Point2(0.75, 0.88),
                    unit * 0.45, style.units()));
        }
        if (src.hasAccel() && style.gMeter()) {
            c.effects().add(overlay(id + "_gmeter", G_METER, file, src.offset(), new Point2(0.1, 0.18), unit * 0.18,
                    style.units()));
        }
    }

    private static GraphNode overlay(String id, String type, String file, double offset, Point2 position, double size,
            String units) {
        return new GraphNode(id, type).set("telemetry", file).set("offset", offset).set("position", position)
                .set("size", (double) Math.round(size)).set("units", units);
    }

    /** The clips' total length on the timeline, seconds. */
    public static double seconds(Project p) {
        return Ticks.toSeconds(p.timeline().duration());
    }

    /** The media spans the reel cuts: {file, in seconds, out seconds} per clip in order (for the benchmark). */
    public static List<String[]> spans(Project p) {
        List<String[]> out = new ArrayList<>();
        for (Clip c : p.timeline().tracks().get(0).clips()) {
            out.add(new String[] {String.valueOf(c.source().params().get("file")),
                String.valueOf(Ticks.toSeconds(c.in())), String.valueOf(Ticks.toSeconds(c.in() + c.duration()))});
        }
        return out;
    }
}
