package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * {@code plan.json}: the plan as a worker on another process or machine reads it. Paths inside the work folder are
 * stored relative to it (so a render node that mounts the shared storage elsewhere resolves them against the plan's
 * own folder); the output and base folder absolute.
 */
final class PlanFiles {

    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PlanFiles() {
    }

    static void save(SegmentPlan p) throws IOException {
        AtomicFiles.write(p.planFile(), out -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("version", VERSION);
                g.writeStringField("id", p.id());
                g.writeStringField("project", p.workDir().relativize(p.project()).toString());
                g.writeStringField("baseDir", p.baseDir().toString());
                g.writeStringField("output", p.output().toString());
                g.writeStringField("encoder", p.encoder());
                g.writeStringField("codec", p.codec());
                g.writeObjectFieldStart("settings");
                for (Map.Entry<String, String> e : new TreeMap<>(p.settings()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeArrayFieldStart("segments");
                for (Segment s : p.segments()) {
                    g.writeStartObject();
                    g.writeNumberField("index", s.index());
                    g.writeNumberField("firstFrame", s.firstFrame());
                    g.writeNumberField("frames", s.frames());
                    g.writeStringField("file", s.file());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    static SegmentPlan load(Path planFile) throws ExportException {
        Path file = planFile.toAbsolutePath();
        Path work = file.getParent();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            String id = null;
            String project = null;
            String baseDir = null;
            String output = null;
            String encoder = null;
            String codec = null;
            int version = -1;
            Map<String, String> settings = new TreeMap<>();
            List<Segment> segments = new ArrayList<>();
            expect(p, JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "version" -> version = p.getIntValue();
                    case "id" -> id = p.getText();
                    case "project" -> project = p.getText();
                    case "baseDir" -> baseDir = p.getText();
                    case "output" -> output = p.getText();
                    case "encoder" -> encoder = p.getText();
                    case "codec" -> codec = p.getText();
                    case "settings" -> {
                        check(t == JsonToken.START_OBJECT, p, file, "settings must be an object");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            settings.put(k, p.getText());
                        }
                    }
                    case "segments" -> {
                        check(t == JsonToken.START_ARRAY, p, file, "segments must be an array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            int index = -1;
                            long first = -1;
                            long frames = -1;
                            String f = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                p.nextToken();
                                switch (k) {
                                    case "index" -> index = p.getIntValue();
                                    case "firstFrame" -> first = p.getLongValue();
                                    case "frames" -> frames = p.getLongValue();
                                    case "file" -> f = p.getText();
                                    default -> p.skipChildren();
                                }
                            }
                            check(index == segments.size() && first >= 0 && frames > 0 && f != null, p, file,
                                    "segment " + segments.size() + " is incomplete or out of order");
                            segments.add(new Segment(index, first, frames, f));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            check(version == VERSION, p, file, "unsupported plan version " + version + " (this build reads "
                    + VERSION + ")");
            check(id != null && project != null && baseDir != null && output != null && encoder != null
                    && codec != null && !segments.isEmpty(), p, file, "incomplete plan");
            return new SegmentPlan(id, work.resolve(project), Path.of(baseDir), Path.of(output), encoder, codec,
                    settings, segments, work);
        } catch (ExportException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ExportException(file + ": no such plan (the segmented export was cancelled or finished?)", e);
        } catch (JsonProcessingException e) {
            throw new ExportException(file + ": invalid plan at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot read the plan (" + e.getMessage() + ")", e);
        }
    }

    private static void expect(JsonParser p, JsonToken t, Path file) throws IOException {
        check(p.nextToken() == t, p, file, "expected " + t.asString());
    }

    private static void check(boolean ok, JsonParser p, Path file, String what) throws ExportException {
        if (!ok) {
            throw new ExportException(file + ": invalid plan at line " + p.currentLocation().getLineNr() + ": " + what,
                    null);
        }
    }
}
