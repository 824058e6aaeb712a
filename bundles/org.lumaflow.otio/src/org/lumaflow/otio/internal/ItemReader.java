package org.lumaflow.otio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;
import org.lumaflow.otio.OfflineMedia;

/**
 * Reads a Track's children in order: Gaps advance the position, Clips become clips, a Transition between two clips
 * makes them overlap (the earlier one runs {@code out_offset} past the cut, the later one starts {@code in_offset}
 * before it) under a {@code core.dissolve} or {@code core.wipe}. Nested Tracks and single-track Stacks without
 * settings of their own are flattened in place; other nested compositions are kept whole and shown as a slate.
 */
final class ItemReader {

    static final List<String> CLIP_FIELDS = List.of("OTIO_SCHEMA", "metadata", "name", "source_range", "effects",
            "markers", "enabled", "media_reference", "media_references", "active_media_reference_key");

    private final OtioReader r;
    private final Track track;
    private final List<Object> gaps = new ArrayList<>();
    private final List<Object> inserts = new ArrayList<>();
    private long overlapEnd = Long.MIN_VALUE;
    private Map<String, Object> trailing;

    ItemReader(OtioReader r, Track track, int index) {
        this.r = r;
        this.track = track;
    }

    void items(List<Obj> children, long t0) throws ProjectException {
        walk(children, t0, 0);
        Obj last = children.isEmpty() ? null : children.get(children.size() - 1);
        if (last != null && last.schemaName().equals("Gap") && trailing != null) {
            gaps.add(trailing); // a track ending in a gap keeps its length
        }
        if (!gaps.isEmpty()) {
            track.metadata().put(K.GAPS, Json.text(gaps));
        }
        if (!inserts.isEmpty()) {
            track.metadata().put(K.INSERTS, Json.text(inserts));
        }
    }

    private long walk(List<Obj> children, long t, int depth) throws ProjectException {
        Clip prev = null;
        Obj pending = null;
        Clip pendingPrev = null;
        long pendingAt = 0;
        for (Obj c : children) {
            String s = c.schemaName();
            switch (s) {
                case "Transition" -> {
                    c.version(1);
                    if (pending != null) {
                        orphan(pendingAt, pending, "follows another transition");
                    }
                    pending = c;
                    pendingPrev = prev;
                    pendingAt = t;
                }
                case "Gap", "Filler" -> {
                    c.version(1);
                    long d = c.has("source_range") ? OtioTime.range(c.req("source_range")).duration() : 0;
                    gap(c, t, d);
                    if (pending != null) {
                        orphan(pendingAt, pending, "touches a gap");
                        pending = null;
                    }
                    prev = null;
                    t += d;
                }
                case "Clip", "Stack", "Track", "Sequence" -> {
                    List<Obj> inner = s.equals("Clip") ? null : flattenable(c, depth);
                    if (inner != null) {
                        if (pending != null) {
                            orphan(pendingAt, pending, "touches a nested composition");
                            pending = null;
                        }
                        r.report.note("track '" + track.name() + "': nested " + s + " '" + c.str("name", "")
                                + "' is flattened into the track");
                        t = walk(inner, t, depth + 1);
                        prev = null;
                        continue;
                    }
                    Clip k = s.equals("Clip") ? clip(c, t) : kept(c, t);
                    long d = k == null ? 0 : k.duration();
                    if (pending != null) {
                        if (pendingPrev == null || k == null) {
                            orphan(pendingAt, pending, pendingPrev == null ? "has no clip before it"
                                    : "has no clip after it");
                        } else {
                            join(pendingPrev, k, pending);
                        }
                        pending = null;
                    }
                    prev = k;
                    t += d;
                }
                default -> throw c.error("OTIO_SCHEMA", "unknown schema " + c.schema()
                        + " in a track (expected Clip, Gap, Transition, Stack or Track)");
            }
        }
        if (pending != null) {
            orphan(pendingAt, pending, "has no clip after it");
        }
        return t;
    }

    private Clip clip(Obj c, long t) throws ProjectException {
        c.version(2);
        Map<String, Object> refs = Json.obj();
        String key = "DEFAULT_MEDIA";
        Obj active;
        if (c.schemaVersion() == 1) {
            Object ref = c.raw("media_reference");
            refs.put(key, ref != null ? ref : missingReference());
            active = ref == null ? null : c.obj("media_reference");
        } else {
            Obj mr = c.obj("media_references");
            if (mr != null) {
                refs.putAll(mr.m());
            }
            key = c.str("active_media_reference_key", key);
            active = mr == null ? null : mr.obj(key);
        }
        Obj sr = c.obj("source_range");
        OtioTime.Range range;
        if (sr != null) {
            range = OtioTime.range(sr);
        } else if (active != null && active.has("available_range")) {
            range = OtioTime.range(active.req("available_range"));
        } else {
            throw c.error(null, "clip '" + c.str("name", "") + "' has neither a source_range nor media with an "
                    + "available_range: its length is unknown");
        }
        String name = c.str("name", "");
        if (range.duration() == 0) {
            insert(t, c);
            r.report.note("clip '" + name + "' on track '" + track.name() + "' has no length: kept in metadata");
            return null;
        }
        String id = c.metadata().get(K.LUMAFLOW) instanceof Map<?, ?> mine && mine.get("id") instanceof String own
                && !own.isBlank() && r.ids.add(own) ? own : r.id(name); // our id when we wrote the file
        MediaMap.Mapped m = r.media.map(active, id, track.kind() == Track.Kind.AUDIO);
        long in = range.start() - m.available();
        if (in < 0) {
            r.report.note("clip '" + name + "' starts before its media's available range: its in point is moved "
                    + "to the media's start");
            in = 0;
        }
        Clip k = new Clip(id, m.source(), t, in, range.duration());
        k.setName(name);
        k.setEnabled(c.bool("enabled", true));
        if (!range.rate().equals(r.rate)) {
            k.metadata().put(K.RATE, range.rate().toString());
        }
        Map<String, Object> ours = OtioReader.metadata(c, k.metadata(), CLIP_FIELDS);
        Map<String, Object> media = Json.obj();
        media.put("media_references", refs);
        media.put("active_media_reference_key", key);
        k.metadata().put(K.MEDIA, Json.text(media));
        if (m.available() != 0) {
            k.metadata().put(K.AVAILABLE_START, Long.toString(m.available()));
        }
        effects(c, k);
        r.markers(c, k.markers(), -m.available(), null);
        if (ours.get("clip") instanceof Map<?, ?> blob) {
            Clip x = Blob.read(OtioReader.cast(blob), k, track.kind(), r.format, c);
            if (MediaMap.fingerprint(x.source()).equals(MediaMap.fingerprint(m.source()))
                    || m.source().type().equals(x.source().type()) && m.slate() == null
                            && !m.source().params().containsKey("file")) {
                k.setSource(x.source());
            }
            k.effects().addAll(x.effects());
            k.audio().copyFrom(x.audio());
            if (x.retime().rate() == k.retime().rate()) {
                k.setRetime(x.retime());
            }
        }
        k.metadata().put(K.SOURCE, MediaMap.fingerprint(k.source()));
        if (m.slate() != null) {
            k.effects().add(MediaMap.slateText(m.slate(), r.format.height()));
        }
        if (m.offlineRef() != null) {
            k.metadata().put(K.OFFLINE, m.offlineRef());
            if (m.path() != null) {
                k.metadata().put(K.OFFLINE_FILE, m.path());
            }
            k.metadata().put(K.OFFLINE_DURATION, Long.toString(m.availDur()));
            k.metadata().put(K.OFFLINE_SIZE, Long.toString(m.size()));
            r.report.addOffline(new OfflineMedia(id, k.name(), track.name(), m.offlineRef(), m.path(),
                    m.availDur(), m.size()));
        } else if (m.slate() != null) {
            r.report.note("clip '" + k.name() + "' on track '" + track.name() + "': " + m.slate().replace('\n', ' ')
                    + " is kept in metadata and shown as a slate");
        }
        track.clips().add(k);
        return k;
    }

    private void effects(Obj c, Clip k) throws ProjectException {
        List<Obj> fx = c.list("effects");
        if (fx.isEmpty()) {
            return;
        }
        double speed = 1;
        boolean timed = false;
        List<String> others = new ArrayList<>();
        for (Obj e : fx) {
            String s = e.schemaName();
            if (s.equals("LinearTimeWarp")) {
                speed *= e.num("time_scalar").doubleValue();
                timed = true;
            } else if (s.equals("FreezeFrame")) {
                speed = 0;
                timed = true;
            } else {
                others.add(e.str("effect_name", s));
            }
        }
        k.metadata().put(K.EFFECTS, Json.text(c.raw("effects")));
        k.metadata().put(K.EFFECTS_SPEED, Double.toString(speed));
        if (timed) {
            try {
                k.setRetime(Retime.speed(speed));
            } catch (IllegalArgumentException e) {
                throw c.error("effects", e.getMessage());
            }
        }
        if (!others.isEmpty()) {
            r.report.note("clip '" + k.name() + "' on track '" + track.name() + "': effects " + others
                    + " are kept in metadata, not applied");
        }
    }

    /** Makes {@code a} and {@code b} overlap around their cut as {@code tr} says; false (kept) when they cannot. */
    private void join(Clip a, Clip b, Obj tr) throws ProjectException {
        OtioTime.Time inT = OtioTime.time(tr.req("in_offset"));
        OtioTime.Time outT = OtioTime.time(tr.req("out_offset"));
        if (inT.ticks() < 0 || outT.ticks() < 0) {
            throw tr.error(inT.ticks() < 0 ? "in_offset" : "out_offset", "negative transition offset");
        }
        long in = inT.ticks();
        long out = outT.ticks();
        double rb = b.retime().rate();
        long room = rb > 0 ? (long) Math.floor(b.in() / rb) : Long.MAX_VALUE; // media before b's in point
        long in2 = Math.min(in, room);
        long out2 = out + in - in2;
        double ra = a.retime().rate();
        long tailShift = ra < 0 ? Math.round(out2 * -ra) : 0;
        long cut = b.start();
        if (in + out == 0 || tailShift > a.in() || b.duration() <= out2 || cut - in2 < overlapEnd
                || cut - in2 < a.start()) {
            orphan(cut, tr, "cannot overlap clips '" + a.name() + "' and '" + b.name() + "'");
            return;
        }
        a.trim(a.in() - tailShift, a.duration() + out2);
        b.setStart(cut - in2);
        b.trim(b.in() - (rb > 0 ? Math.round(in2 * rb) : 0), b.duration() + in2);
        overlapEnd = a.end();
        track.transitions().add(new Transition(a.id(), b.id(), transitionNode(tr)));
        b.metadata().put(K.TRANSITION, Json.text(tr.m()));
        b.metadata().put(K.TRANSITION_CUT, Long.toString(in2));
        if (in2 != in) {
            r.report.note("transition '" + tr.str("name", "") + "' into clip '" + b.name() + "' on track '"
                    + track.name() + "': the clip has no media before its in point, so the overlap starts at the cut"
                    + " (" + r.rate.ticksToFrame(in - in2, java.math.RoundingMode.HALF_EVEN) + " frame(s) later)");
        }
    }

    private GraphNode transitionNode(Obj tr) throws ProjectException {
        GraphNode n = Transitions.node(tr.m());
        if (Transitions.approximated(tr.m())) {
            r.report.note("transition '" + tr.str("name", "") + "' of type '" + tr.str("transition_type", "")
                    + "' is shown as a " + (n.type().equals("core.wipe") ? "wipe" : "dissolve"));
        }
        return n;
    }

    /** The children of a nested composition that can be flattened in place, else null. */
    private List<Obj> flattenable(Obj c, int depth) throws ProjectException {
        c.version(1);
        if (depth > 16 || !plain(c)) {
            return null;
        }
        if (c.schemaName().equals("Stack")) {
            List<Obj> kids = c.list("children");
            if (kids.size() != 1 || !kids.get(0).schemaName().equals("Track") || !plain(kids.get(0))) {
                return null;
            }
            return kids.get(0).list("children");
        }
        return c.list("children");
    }

    private static boolean plain(Obj c) throws ProjectException {
        return !c.has("source_range") && c.list("effects").isEmpty() && c.list("markers").isEmpty()
                && c.bool("enabled", true) && c.metadata().isEmpty() && OtioReader.extras(c, List.of("OTIO_SCHEMA",
                        "metadata", "name", "source_range", "effects", "markers", "enabled", "children", "kind"))
                        .isEmpty();
    }

    /** A nested composition kept whole, shown as a slate for its length. */
    private Clip kept(Obj c, long t) throws ProjectException {
        long d = length(c, 0);
        String name = c.str("name", "");
        if (d <= 0) {
            insert(t, c);
            return null;
        }
        String id = r.id(name.isEmpty() ? "nested" : name);
        Clip k = new Clip(id, new GraphNode(id, "core.solid").set("color", new double[] {0.2, 0.2, 0.25, 1}), t, 0,
                d);
        k.setName(name);
        k.setEnabled(c.bool("enabled", true));
        k.effects().add(MediaMap.slateText("NESTED " + c.schemaName().toUpperCase(Locale.ROOT) + "\n" + name,
                r.format.height()));
        k.metadata().put(K.ITEM, Json.text(c.m()));
        k.metadata().put(K.ITEM_SPAN, "0/" + d);
        k.metadata().put(K.SOURCE, MediaMap.fingerprint(k.source()));
        track.clips().add(k);
        r.report.note("nested " + c.schemaName() + " '" + name + "' on track '" + track.name()
                + "' is kept whole in metadata and shown as a slate (it has several tracks or settings of its own)");
        return k;
    }

    /** The length of an item on its parent track. */
    private long length(Obj c, int depth) throws ProjectException {
        if (c.has("source_range")) {
            return OtioTime.range(c.req("source_range")).duration();
        }
        String s = c.schemaName();
        if (depth > 32 || s.equals("Transition")) {
            return 0;
        }
        long total = 0;
        for (Obj k : c.list("children")) {
            long d = length(k, depth + 1);
            total = s.equals("Stack") ? Math.max(total, d) : total + d;
        }
        if (s.equals("Clip")) {
            Obj mr = c.obj("media_reference");
            if (mr == null && c.obj("media_references") != null) {
                mr = c.obj("media_references").obj(c.str("active_media_reference_key", "DEFAULT_MEDIA"));
            }
            return mr != null && mr.has("available_range") ? OtioTime.range(mr.req("available_range")).duration()
                    : 0;
        }
        return total;
    }

    private void gap(Obj c, long t, long d) throws ProjectException {
        boolean plain = c.str("name", "").isEmpty() && c.metadata().isEmpty() && c.list("markers").isEmpty()
                && c.list("effects").isEmpty() && c.bool("enabled", true)
                && OtioReader.extras(c, OtioReader.ITEM_FIELDS).isEmpty()
                && (!c.has("source_range") || OtioTime.range(c.req("source_range")).start() == 0);
        Map<String, Object> g = Json.obj();
        g.put("at", t);
        g.put("duration", d);
        g.put("item", c.m());
        trailing = plain ? g : null;
        if (!plain) {
            gaps.add(g);
        }
    }

    private void insert(long at, Obj c) {
        Map<String, Object> g = Json.obj();
        g.put("at", at);
        g.put("item", c.m());
        inserts.add(g);
    }

    private void orphan(long at, Obj tr, String why) throws ProjectException {
        insert(at, tr);
        r.report.note("transition '" + tr.str("name", "") + "' on track '" + track.name() + "' " + why
                + ": kept in metadata, not rendered");
    }

    private static Map<String, Object> missingReference() {
        Map<String, Object> m = Json.obj();
        m.put("OTIO_SCHEMA", "MissingReference.1");
        m.put("metadata", Json.obj());
        m.put("name", "");
        m.put("available_range", null);
        return m;
    }
}
