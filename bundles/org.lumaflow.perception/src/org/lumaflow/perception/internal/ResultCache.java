package org.lumaflow.perception.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.perception.FaceTrack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Analysis results on disk (face tracks, object tracks): one JSON file per (content, settings) named
 * {@code CONTENT-SETTINGS.json}, and {@code manifest.json} listing each entry's source file, settings, detector and
 * creation time. Files are written to a temporary name and renamed into place, so a reader never sees half a file.
 * Thread-safe.
 */
final class ResultCache {

    private static final String MANIFEST = "manifest.json";
    private final Path dir;

    /** Reads one entry. */
    interface Decoder<T> {
        T read(Reader r) throws IOException;
    }

    private final String format;

    /** A cache of face tracks in {@code dir}. */
    ResultCache(Path dir) {
        this(dir, TrackJson.FORMAT);
    }

    /** A cache in {@code dir} whose manifest names {@code format} ({@code lumaflow.objects}). */
    ResultCache(Path dir, String format) {
        this.dir = dir;
        this.format = format;
    }

    Path dir() {
        return dir;
    }

    /** The face track entry, or null when missing or unreadable (an unreadable one is deleted). */
    FaceTrack get(String contentKey, String settingsKey) {
        return get(contentKey, settingsKey, r -> TrackJson.read(r, FaceTrack.Origin.DISK_CACHE));
    }

    /** The entry read by {@code decoder}, or null when missing or unreadable (an unreadable one is deleted). */
    <T> T get(String contentKey, String settingsKey, Decoder<T> decoder) {
        Path f = dir.resolve(name(contentKey, settingsKey));
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return decoder.read(r);
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException broken) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // read-only cache: analyse again
            }
            return null;
        }
    }

    /** Stores {@code t} under its content key and {@code settingsKey}. */
    void put(FaceTrack t, String settingsKey) throws IOException {
        put(t.contentKey(), settingsKey, t.source(), t.settings().describe(), t.detector(), w -> TrackJson.write(t, w));
    }

    /**
     * Stores the entry written by {@code body} under {@code contentKey} and {@code settingsKey}; the manifest records
     * {@code source}, {@code settings} and {@code detector}.
     */
    synchronized void put(String contentKey, String settingsKey, Path source, String settings, String detector,
            Body body) throws IOException {
        Files.createDirectories(dir);
        String name = name(contentKey, settingsKey);
        write(dir.resolve(name), body);
        Map<String, Map<String, Object>> entries = readManifest();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", name);
        e.put("source", source.toString());
        e.put("contentKey", contentKey);
        e.put("settings", settings);
        e.put("detector", detector);
        e.put("created", Instant.now().toString());
        entries.put(name, e);
        writeManifest(entries);
    }

    /** Deletes every entry of content {@code contentKey}; returns how many. */
    synchronized int evict(String contentKey) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> victims;
        try (Stream<Path> s = Files.list(dir)) {
            victims = s.filter(p -> p.getFileName().toString().startsWith(contentKey + "-")).toList();
        }
        Map<String, Map<String, Object>> entries = readManifest();
        for (Path p : victims) {
            Files.deleteIfExists(p);
            entries.remove(p.getFileName().toString());
        }
        writeManifest(entries);
        return victims.size();
    }

    static String name(String contentKey, String settingsKey) {
        return contentKey + "-" + settingsKey + ".json";
    }

    private Map<String, Map<String, Object>> readManifest() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8);
                JsonParser p = new JsonFactory().createParser(r)) {
            p.nextToken();
            if (Json.value(p) instanceof Map<?, ?> m && m.get("entries") instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> e && e.get("file") instanceof String f
                            && Files.isRegularFile(dir.resolve(f))) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        e.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        out.put(f, copy);
                    }
                }
            }
        } catch (IOException | RuntimeException missingOrBroken) {
            // rebuilt from the next entries written
        }
        return out;
    }

    private void writeManifest(Map<String, Map<String, Object>> entries) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(MANIFEST), w -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeStringField("format", format + ".manifest");
                g.writeNumberField("version", TrackJson.VERSION);
                g.writeArrayFieldStart("entries");
                for (Map<String, Object> e : new ArrayList<>(entries.values())) {
                    g.writeStartObject();
                    for (Map.Entry<String, Object> kv : e.entrySet()) {
                        g.writeStringField(kv.getKey(), String.valueOf(kv.getValue()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes {@code target} atomically (temporary file beside it, forced to disk, renamed over it). */
    static void write(Path target, Body body) throws IOException {
        Path tmp = AtomicFiles.tempBeside(target, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
