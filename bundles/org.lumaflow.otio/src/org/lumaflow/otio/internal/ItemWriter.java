package org.lumaflow.otio.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/**
 * Writes a track's clips as OTIO children: Gaps where nothing plays, each transition's overlap turned back into a
 * cut with a Transition.1 whose offsets reach into both clips (the cut where the file had it when the overlap was not
 * edited, else in the overlap's middle, on a frame), and the items kept in metadata put back at their places.
 */
final class ItemWriter {

    private record Entry(long start, long end, Object json, boolean insert) {
    }

    private final OtioWriter w;
    private final Track track;
    private final FrameRate rate;

    ItemWriter(OtioWriter w, Track track) {
        this.w = w;
        this.track = track;
        this.rate = w.rate;
    }

    List<Object> children() throws IOException {
        List<Clip> clips = new ArrayList<>(track.clips());
        clips.sort(Comparator.comparingLong(Clip::start));
        Map<String, Long> head = new HashMap<>();
        Map<String, Long> tail = new HashMap<>();
        Map<String, Object> after = new HashMap<>();
        for (Transition tr : track.transitions()) {
            Clip a = find(tr.from());
            Clip b = find(tr.to());
            if (a == null || b == null || b.start() >= a.end()) {
                continue; // validated timelines have neither
            }
            long overlap = a.end() - b.start();
            Object json = null;
            long cut = -1;
            String kept = b.metadata().get(K.TRANSITION);
            String keptCut = b.metadata().get(K.TRANSITION_CUT);
            if (kept != null && keptCut != null) {
                Map<String, Object> k = OtioReader.cast((Map<?, ?>) Json.parseText(kept));
                long in = ticks(k.get("in_offset"));
                long out = ticks(k.get("out_offset"));
                long c = Long.parseLong(keptCut);
                if (in + out == overlap && c <= overlap && Transitions.same(tr.node(), k)) {
                    json = k;
                    cut = c;
                }
            }
            if (json == null) {
                long half = rate.frameToTicks(rate.ticksToFrame(b.start() + overlap / 2, RoundingMode.HALF_EVEN));
                cut = Math.min(Math.max(half - b.start(), 0), overlap);
                json = Transitions.write(tr.node(), OtioTime.time(cut, rate), OtioTime.time(overlap - cut, rate));
            }
            head.put(b.id(), cut);
            tail.put(a.id(), overlap - cut);
            after.put(a.id(), json);
        }
        List<Entry> out = new ArrayList<>();
        List<Map<String, Object>> gaps = keptList(K.GAPS);
        long t = 0;
        for (Clip c : clips) {
            long h = head.getOrDefault(c.id(), 0L);
            long e = tail.getOrDefault(c.id(), 0L);
            long s = c.start() + h;
            if (s > t) {
                out.add(new Entry(t, s, gap(t, s - t, gaps), false));
            }
            out.add(new Entry(s, c.end() - e, clip(c, h, e), false));
            t = c.end() - e;
            if (after.containsKey(c.id())) {
                out.add(new Entry(t, t, after.get(c.id()), false));
            }
        }
        for (boolean more = true; more;) { // trailing gaps (a track may end with one): the kept ones that follow on
            more = false;
            for (Map<String, Object> g : gaps) {
                if (((BigDecimal) g.get("at")).longValue() == t) {
                    long d = ((BigDecimal) g.get("duration")).longValue();
                    out.add(new Entry(t, t + d, gap(t, d, gaps), false));
                    t += d;
                    more = true;
                    break;
                }
            }
        }
                for (Map<String, Object> ins : keptList(K.INSERTS)) {
            long p = ((BigDecimal) ins.get("at")).longValue();
            int i = 0;
            while (i < out.size() && (out.get(i).end() < p || out.get(i).end() == p
                    && (out.get(i).start() < p || out.get(i).insert()))) {
                i++;
            }
            out.add(i, new Entry(p, p, ins.get("item"), true));
        }
        List<Object> json = new ArrayList<>();
        for (Entry e : out) {
            json.add(e.json());
        }
        return json;
    }

    private Clip find(String id) {
        for (Clip c : track.clips()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    private List<Map<String, Object>> keptList(String key) {
        String kept = track.metadata().get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (kept != null) {
            for (Object o : (List<?>) Json.parseText(kept)) {
                out.add(OtioReader.cast((Map<?, ?>) o));
            }
        }
        return out;
    }

    private Object gap(long at, long d, List<Map<String, Object>> kept) {
        for (Map<String, Object> g : kept) {
            if (((BigDecimal) g.get("at")).longValue() == at && ((BigDecimal) g.get("duration")).longValue() == d) {
                kept.remove(g);
                return g.get("item");
            }
        }
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Gap.1");
        o.put("metadata", Json.obj());
        o.put("name", "");
        o.put("source_range", OtioTime.range(0, d, rate));
        o.put("effects", new ArrayList<>());
        o.put("markers", new ArrayList<>());
        o.put("enabled", true);
        return o;
    }

    /** Clip {@code c} without its first {@code h} and last {@code e} ticks (the transitions' overlaps). */
    private Object clip(Clip c, long h, long e) throws IOException {
        Map<String, String> md = c.metadata();
        String item = md.get(K.ITEM);
        if (item != null && (c.in() + "/" + c.duration()).equals(md.get(K.ITEM_SPAN)) && h == 0 && e == 0) {
            return Json.parseText(item);
        }
        FrameRate cr = md.containsKey(K.RATE) ? FrameRate.parse(md.get(K.RATE)) : rate;
        long avail = md.containsKey(K.AVAILABLE_START) ? Long.parseLong(md.get(K.AVAILABLE_START)) : 0;
        double r = c.retime().rate();
        long in = c.in() + (r > 0 ? Math.round(h * r) : 0) + (r < 0 ? Math.round(e * -r) : 0);
        boolean keptMedia = md.containsKey(K.MEDIA) && MediaMap.fingerprint(c.source()).equals(md.get(K.SOURCE));
        Map<String, Object> ours = Json.obj();
        if (!c.id().equals(c.name())) {
            ours.put("id", c.id());
        }
        if (needsBlob(c, keptMedia)) {
            ours.put("clip", Blob.write(c, track.kind(), w.tl.format(), w.plugins));
        }
        Map<String, Object> o = Json.obj();
        o.put("OTIO_SCHEMA", "Clip.2");
        o.put("metadata", OtioWriter.metadata(md, ours));
        o.put("name", c.name());
        o.put("source_range", OtioTime.range(in + avail, c.duration() - h - e, cr));
        o.put("effects", effects(c));
        List<Object> markers = new ArrayList<>();
        for (Marker m : c.markers()) {
            markers.add(OtioWriter.marker(m, avail, cr));
        }
        o.put("markers", markers);
        o.put("enabled", c.enabled());
        if (keptMedia) {
            Map<String, Object> media = OtioReader.cast((Map<?, ?>) Json.parseText(md.get(K.MEDIA)));
            rebase(media.get("media_references"), c.id());
            o.put("media_references", media.get("media_references"));
            o.put("active_media_reference_key", media.get("active_media_reference_key"));
        } else {
            Map<String, Object> refs = Json.obj();
            refs.put("DEFAULT_MEDIA", reference(c));
            o.put("media_references", refs);
            o.put("active_media_reference_key", "DEFAULT_MEDIA");
        }
        OtioWriter.fields(md, o);
        return o;
    }

    /** Kept references with relative URLs: relative to where they were read, rewritten for where they go. */
    private void rebase(Object refs, String id) throws IOException {
        String base = w.tl.metadata().get(K.MEDIA_BASE);
        if (base == null || !(refs instanceof Map<?, ?> all)) {
            return;
        }
        for (Object r : all.values()) {
            if (!(r instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> ref = OtioReader.cast(raw);
            for (String key : List.of("target_url", "target_url_base")) {
                if (ref.get(key) instanceof String url && !url.isEmpty()) {
                    String local = MediaMap.localFile(url);
                    if (local != null && !Path.of(local).isAbsolute()) {
                        String u = w.media.url(Path.of(base).resolve(local).normalize(), id);
                        ref.put(key, key.equals("target_url_base") && !u.endsWith("/") ? u + "/" : u);
                    }
                }
            }
        }
    }

    private List<Object> effects(Clip c) {
        String kept = c.metadata().get(K.EFFECTS);
        Retime rt = c.retime();
        List<Object> out = new ArrayList<>();
        if (kept != null) {
            String speed = c.metadata().get(K.EFFECTS_SPEED);
            if (speed != null && Double.parseDouble(speed) == rt.rate()) {
                return OtioReader.list(Json.parseText(kept));
            }
            for (Object fx : (List<?>) Json.parseText(kept)) {
                String s = fx instanceof Map<?, ?> m && m.get("OTIO_SCHEMA") instanceof String str ? str : "";
                if (!s.startsWith("LinearTimeWarp.") && !s.startsWith("FreezeFrame.")) {
                    out.add(fx);
                }
            }
        }
        if (!rt.isNormal()) {
            Map<String, Object> o = Json.obj();
            o.put("OTIO_SCHEMA", rt.isFreeze() ? "FreezeFrame.1" : "LinearTimeWarp.1");
            o.put("metadata", Json.obj());
            o.put("name", "");
            o.put("effect_name", rt.isFreeze() ? "FreezeFrame" : "LinearTimeWarp");
            o.put("time_scalar", rt.rate());
            out.add(o);
        }
        return out;
    }

    private static boolean needsBlob(Clip c, boolean keptMedia) {
        for (GraphNode fx : c.effects()) {
            if (!fx.id().equals(MediaMap.SLATE_EFFECT)) {
                return true;
            }
        }
        Retime rt = c.retime();
        if (!c.audio().isDefault() || rt.frames() != Retime.Frames.NEAREST || !rt.keepPitch()) {
            return true;
        }
        GraphNode s = c.source();
        for (Map.Entry<String, Object> p : s.params().entrySet()) {
            boolean plain = p.getKey().equals("file") && p.getValue() instanceof String
                    || p.getKey().equals("color") && p.getValue() instanceof double[];
            if (!plain) {
                return true;
            }
        }
        return switch (s.type()) {
            case "media.video", "media.audio", "core.image", "core.solid", "core.smpte_bars" -> false;
            default -> !keptMedia;
        };
    }

    private Map<String, Object> reference(Clip c) throws IOException {
        GraphNode s = c.source();
        Map<String, Object> o = Json.obj();
        Object file = s.params().get("file");
        if (file instanceof String f && (s.type().equals("media.video") || s.type().equals("media.audio")
                || s.type().equals("core.image"))) {
            Path p = Path.of(f);
            Path abs = p.isAbsolute() || w.project.baseDir() == null ? p.toAbsolutePath().normalize()
                    : w.project.baseDir().resolve(p).normalize();
            o.put("OTIO_SCHEMA", "ExternalReference.1");
            Map<String, Object> md = Json.obj();
            if (java.nio.file.Files.isRegularFile(abs)) {
                Map<String, Object> ours = Json.obj();
                ours.put("size", java.nio.file.Files.size(abs));
                md.put(K.LUMAFLOW, ours);
            }
            o.put("metadata", md);
            o.put("name", abs.getFileName().toString());
            o.put("available_range", keptAvailableRange(c));
            o.put("target_url", w.media.url(abs, c.id()));
            return o;
        }
        o.put("OTIO_SCHEMA", "GeneratorReference.1");
        o.put("metadata", Json.obj());
        o.put("name", "");
        o.put("available_range", null);
        Map<String, Object> params = Json.obj();
        if (s.type().equals("core.solid")) {
            o.put("generator_kind", "SolidColor");
            double[] col = colour(s.params().get("color"));
            List<Object> l = new ArrayList<>();
            for (double x : col) {
                l.add(x);
            }
            params.put("color", l);
        } else if (s.type().equals("core.smpte_bars")) {
            o.put("generator_kind", "SMPTEBars");
        } else {
            o.put("generator_kind", "lumaflow:" + s.type());
        }
        o.put("parameters", params);
        return o;
    }

    /** The available_range of the clip's kept active reference (a relinked clip keeps its source times). */
    private static Object keptAvailableRange(Clip c) {
        String kept = c.metadata().get(K.MEDIA);
        if (kept == null || !c.metadata().containsKey(K.AVAILABLE_START)) {
            return null;
        }
        Map<String, Object> media = OtioReader.cast((Map<?, ?>) Json.parseText(kept));
        if (media.get("media_references") instanceof Map<?, ?> refs
                && refs.get(media.get("active_media_reference_key")) instanceof Map<?, ?> ref) {
            return ref.get("available_range");
        }
        return null;
    }

    private static double[] colour(Object c) {
        if (c instanceof double[] d && (d.length == 3 || d.length == 4)) {
            return d.length == 4 ? d : new double[] {d[0], d[1], d[2], 1};
        }
        try {
            Color k = c instanceof Color col ? col : c instanceof String s ? Color.parse(s) : Color.BLACK;
            return new double[] {k.r(), k.g(), k.b(), k.a()};
        } catch (IllegalArgumentException e) {
            return new double[] {0, 0, 0, 1};
        }
    }

    private static long ticks(Object rt) {
        Map<String, Object> m = OtioReader.cast((Map<?, ?>) rt);
        return OtioTime.ticks((BigDecimal) m.get("value"), OtioTime.rate((BigDecimal) m.get("rate")));
    }
}
