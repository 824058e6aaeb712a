package org.lumaflow.engine.internal.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.ClipAudio;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.Retime;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/** Writes schema version 1 project files (times as exact rational seconds, colours as [r, g, b, a]). */
public final class ProjectWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator g;
    private final NodeRegistry.Snapshot plugins;
    private final java.nio.file.Path folder;

    private ProjectWriter(JsonGenerator g, NodeRegistry.Snapshot plugins, java.nio.file.Path folder) {
        this.g = g;
        this.plugins = plugins;
        this.folder = folder;
    }

    /** Writes {@code project}; {@code plugins} (may be null) records which plugin provides each node type. */
    public static void write(Project project, OutputStream out, NodeRegistry.Snapshot plugins) throws IOException {
        write(project, out, plugins, project.baseDir());
    }

    /**
     * Writes {@code project} for a file in {@code folder} (may be null): media-bin paths inside that folder are
     * written relative to it.
     */
    public static void write(Project project, OutputStream out, NodeRegistry.Snapshot plugins,
            java.nio.file.Path folder) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            new ProjectWriter(g, plugins, folder).project(project);
            g.writeRaw('\n');
        }
    }

    private void project(Project p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("lumaflow", Project.SCHEMA_VERSION);
        g.writeStringField("name", p.name());
        g.writeObjectFieldStart("format");
        g.writeNumberField("width", p.timeline().format().width());
        g.writeNumberField("height", p.timeline().format().height());
        g.writeStringField("rate", p.timeline().format().rate().toString());
        g.writeEndObject();
        if (p.timeline().start() != 0) {
            g.writeStringField("start", time(p.timeline().start()));
        }
        markers(p.timeline().markers());
        metadata(p.timeline().metadata());
        if (!p.media().isEmpty()) {
            g.writeArrayFieldStart("media");
            for (java.nio.file.Path m : p.media()) {
                g.writeString(relative(m));
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("tracks");
        for (Track t : p.timeline().tracks()) {
            track(t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void track(Track t) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        if (t.kind() != Track.Kind.VIDEO) {
            g.writeStringField("kind", t.kind().label());
        }
        g.writeStringField("blend", t.blendMode());
        g.writeNumberField("opacity", t.opacity());
        g.writeBooleanField("enabled", t.enabled());
        if (t.volumeDb() != 0) {
            g.writeNumberField("volume", t.volumeDb());
        }
        if (t.pan() != 0) {
            g.writeNumberField("pan", t.pan());
        }
        if (t.muted()) {
            g.writeBooleanField("mute", true);
        }
        if (t.solo()) {
            g.writeBooleanField("solo", true);
        }
        if (t.locked()) {
            g.writeBooleanField("locked", true);
        }
        metadata(t.metadata());
        g.writeArrayFieldStart("clips");
        for (Clip c : t.clips()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            if (c.hasName()) {
                g.writeStringField("name", c.name());
            }
            if (!c.enabled()) {
                g.writeBooleanField("enabled", false);
            }
            g.writeStringField("start", time(c.start()));
            g.writeStringField("in", time(c.in()));
            g.writeStringField("duration", time(c.duration()));
            retime(c.retime());
            g.writeFieldName("source");
            node(c.source(), false);
            if (!c.effects().isEmpty()) {
                g.writeArrayFieldStart("effects");
                for (GraphNode fx : c.effects()) {
                    node(fx, true);
                }
                g.writeEndArray();
            }
            audio(c.audio());
            markers(c.markers());
            metadata(c.metadata());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!t.transitions().isEmpty()) {
            g.writeArrayFieldStart("transitions");
            for (Transition tr : t.transitions()) {
                g.writeStartObject();
                g.writeStringField("from", tr.from());
                g.writeStringField("to", tr.to());
                nodeFields(tr.node());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void retime(Retime r) throws IOException {
        if (r.isNormal() && r.frames() == Retime.Frames.NEAREST && r.keepPitch()) {
            return;
        }
        if (r.frames() == Retime.Frames.NEAREST && r.keepPitch()) {
            g.writeNumberField("speed", r.rate());
            return;
        }
        g.writeObjectFieldStart("speed");
        g.writeNumberField("rate", r.rate());
        g.writeStringField("frames", r.frames().label());
        g.writeStringField("pitch", r.keepPitch() ? "keep" : "shift");
        g.writeEndObject();
    }

    private void audio(ClipAudio a) throws IOException {
        if (a.isDefault()) {
            return;
        }
        g.writeObjectFieldStart("audio");
        if (a.gainKeys() != null) {
            g.writeFieldName("gain");
            value(a.gainKeys());
        } else if (a.gainDb() != 0) {
            g.writeNumberField("gain", a.gainDb());
        }
        if (a.fadeIn() != 0) {
            g.writeStringField("fadeIn", time(a.fadeIn()));
        }
        if (a.fadeOut() != 0) {
            g.writeStringField("fadeOut", time(a.fadeOut()));
        }
        if (a.muted()) {
            g.writeBooleanField("mute", true);
        }
        g.writeEndObject();
    }

    private void markers(List<Marker> markers) throws IOException {
        if (markers.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("markers");
        for (Marker m : markers) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeStringField("start", time(m.start()));
            if (m.duration() != 0) {
                g.writeStringField("duration", time(m.duration()));
            }
            g.writeStringField("color", m.color().label());
            if (!m.note().isEmpty()) {
                g.writeStringField("note", m.note());
            }
            metadata(m.metadata());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void metadata(Map<String, String> meta) throws IOException {
        if (meta.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> m : meta.entrySet()) {
            g.writeStringField(m.getKey(), m.getValue());
        }
        g.writeEndObject();
    }

    private void node(GraphNode n, boolean withId) throws IOException {
        g.writeStartObject();
        if (withId) {
            g.writeStringField("id", n.id());
        }
        nodeFields(n);
        g.writeEndObject();
    }

    private void nodeFields(GraphNode n) throws IOException {
        g.writeStringField("type", n.type());
        String plugin = plugins == null ? null : plugins.plugins().get(n.type());
        if (plugin == null) {
            plugin = n.plugin();
        }
        if (plugin != null) {
            g.writeStringField("plugin", plugin);
        }
        if (!n.params().isEmpty()) {
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, Object> e : n.params().entrySet()) {
                g.writeFieldName(e.getKey());
                value(e.getValue());
            }
            g.writeEndObject();
        }
    }

    private void value(Object v) throws IOException {
        if (v instanceof Animation a) {
            g.writeStartObject();
            g.writeArrayFieldStart("keys");
            for (Keyframe k : a.keyframes()) {
                g.writeStartObject();
                g.writeStringField("t", time(k.time()));
                if (k.value().length == 1) {
                    g.writeNumberField("v", k.value()[0]);
                } else {
                    g.writeFieldName("v");
                    numbers(k.value());
                }
                if (k.interp() != Interpolation.LINEAR) {
                    g.writeStringField("interp", k.interp().id());
                }
                if (k.handles() != null) {
                    g.writeFieldName("handles");
                    numbers(k.handles());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (v instanceof Color c) {
            numbers(new double[] {c.r(), c.g(), c.b(), c.a()});
        } else if (v instanceof Point2 p) {
            numbers(new double[] {p.x(), p.y()});
        } else if (v instanceof double[] d) {
            numbers(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private void numbers(double[] d) throws IOException {
        g.writeStartArray();
        for (double x : d) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }

    private String relative(java.nio.file.Path media) {
        java.nio.file.Path abs = media.toAbsolutePath().normalize();
        if (folder != null) {
            java.nio.file.Path f = folder.toAbsolutePath().normalize();
            if (abs.startsWith(f)) {
                return f.relativize(abs).toString();
            }
        }
        return abs.toString();
    }

    private static String time(long ticks) {
        return Ticks.toRational(ticks).toString();
    }
}
