package org.lumaflow.engine.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.graph.GraphNode;

/**
 * A piece of a track: a source node shown from {@code start} for {@code duration} ticks, starting {@code in} ticks
 * into the source, followed by an effect chain. Effects take the previous image on their first input.
 */
public final class Clip {

    private final String id;
    private GraphNode source;
    private long start;
    private long in;
    private long duration;
    private final List<GraphNode> effects = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Marker> markers = new ArrayList<>();
    private final ClipAudio audio = new ClipAudio();
    private Retime retime = Retime.NORMAL;
    private String name;
    private boolean enabled = true;

    /** A clip {@code id} (unique in the timeline) showing {@code source}. */
    public Clip(String id, GraphNode source, long start, long in, long duration) {
        if (duration <= 0) {
            throw new IllegalArgumentException("clip '" + id + "' needs a positive duration");
        }
        if (in < 0) {
            throw new IllegalArgumentException("clip '" + id + "' has a negative in point");
        }
        this.id = id;
        this.source = source;
        this.start = start;
        this.in = in;
        this.duration = duration;
    }

    /** Unique id. */
    public String id() {
        return id;
    }

    /** Display name; the id when none was set. */
    public String name() {
        return name == null ? id : name;
    }

    /** Sets the display name (null: the id). */
    public void setName(String name) {
        this.name = name == null || name.equals(id) ? null : name;
    }

    /** Whether a display name other than the id was set. */
    public boolean hasName() {
        return name != null;
    }

    /** Whether the clip is shown and heard; a disabled clip keeps its place like a gap. */
    public boolean enabled() {
        return enabled;
    }

    /** Enables or disables the clip. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The speed change (never null; {@link Retime#NORMAL} by default). */
    public Retime retime() {
        return retime;
    }

    /** Sets the speed change (null: normal speed). */
    public void setRetime(Retime retime) {
        this.retime = retime == null ? Retime.NORMAL : retime;
    }

    /** Source ticks this clip uses from {@link #in()}: {@code retime().sourceSpan(duration())}. */
    public long sourceSpan() {
        return retime.sourceSpan(duration);
    }

    /** Audio gain, fades and mute (mutable). */
    public ClipAudio audio() {
        return audio;
    }

    /** Markers in clip time (the coordinates of {@link #in()}), mutable. */
    public List<Marker> markers() {
        return markers;
    }

    /** The source node (template; copied into each compiled graph). */
    public GraphNode source() {
        return source;
    }

    /** Timeline position of the first frame, ticks. */
    public long start() {
        return start;
    }

    /** Source time shown at {@link #start()}, ticks. */
    public long in() {
        return in;
    }

    /** Length on the timeline, ticks. */
    public long duration() {
        return duration;
    }

    /** {@code start + duration}. */
    public long end() {
        return start + duration;
    }

    /** The effect chain in order (mutable; call {@link Timeline#touch()} after structural edits). */
    public List<GraphNode> effects() {
        return effects;
    }

    /**
     * Free-form metadata kept with the clip and saved in the project ({@code "metadata"}), in insertion order; keys are
     * namespaced by their owner ({@code "telemetry.file"}, {@code "telemetry.offset"}). Mutable.
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Moves the clip. */
    public void setStart(long ticks) {
        this.start = ticks;
    }

    /** Changes the in point and duration (trim). */
    public void trim(long newIn, long newDuration) {
        if (newDuration <= 0 || newIn < 0) {
            throw new IllegalArgumentException("bad trim for clip '" + id + "'");
        }
        this.in = newIn;
        this.duration = newDuration;
    }

    /** Replaces the source node. */
    public void setSource(GraphNode source) {
        this.source = source;
    }

    /** Whether the clip covers timeline time {@code t}. */
    public boolean covers(long t) {
        return t >= start && t < start + duration;
    }
}
