package org.lumaflow.telemetry.internal.overlay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.engine.graph.RasterLayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The content-hash cache of the overlays' static layers (dial faces, map tracks, elevation curves, glyph atlases):
 * in memory (LRU, bounded in bytes) and on disk under the product cache ({@code <cache>/overlay-layers}: one
 * deflated {@code <sha256>.layer} file per layer and a {@code manifest.json} listing key, node, size, description and
 * times). The key is the SHA-256 of a description naming the renderer version, node type, size, style and the hash of
 * the telemetry slice drawn; a layer is drawn only on a miss in both. Thread-safe.
 */
final class LayerCache {

    /** Bumped whenever a layer's drawing changes, so old files are not reused. */
    static final int RENDERER_VERSION = 1;
    private static final int MAGIC = 0x4C464F4C; // "LFOL"
    private static final String MANIFEST = "manifest.json";
    private static final JsonFactory JSON = new JsonFactory();

    /** One cached layer as the manifest lists it. */
    record Entry(String key, String node, String description, int width, int height, long bytes, Instant created,
            Instant used) {
    }

    /** Counters since the cache was made. */
    record Stats(long memoryHits, long diskHits, long misses, int entries, long diskBytes) {
    }

    private static volatile LayerCache shared;

    private final Path dir;
    private final long memoryLimit;
    private final long diskLimit;
    private final LinkedHashMap<String, RasterLayer> memory = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long memoryBytes;
    private long memoryHits;
    private long diskHits;
    private long misses;

    /**
     * @param dir the folder (null: memory only)
     * @param memoryLimit bytes of layers kept in memory
     * @param diskLimit bytes of layer files kept on disk (least recently used go first)
     */
    LayerCache(Path dir, long memoryLimit, long diskLimit) {
        this.dir = dir;
        this.memoryLimit = memoryLimit;
        this.diskLimit = diskLimit;
        if (dir != null) {
            try {
                readManifest();
            } catch (IOException | RuntimeException e) {
                System.getLogger("org.lumaflow.telemetry").log(System.Logger.Level.WARNING,
                        "overlay layer cache manifest " + dir.resolve(MANIFEST) + " unreadable (" + e.getMessage()
                                + "): starting empty");
                entries.clear();
            }
        }
    }

    /** The product's cache ({@code -Dlumaflow.cache.dir} or the bundle's data area), 64 MiB in memory, 512 on disk. */
    static LayerCache shared() {
        LayerCache c = shared;
        if (c == null) {
            synchronized (LayerCache.class) {
                c = shared;
                if (c == null) {
                    Path d = ProductCache.dir("overlay-layers", LayerCache.class).toPath();
                    shared = c = new LayerCache(d, 64L << 20, 512L << 20);
                }
            }
        }
        return c;
    }

    Path dir() {
        return dir;
    }

    /**
     * The layer for {@code description} (hashed into the key), from memory, disk, or drawn by {@code draw} (given the
     * key) and stored.
     */
    synchronized RasterLayer get(String node, String description, Function<String, RasterLayer> draw) {
        String key = Track.hash("r" + RENDERER_VERSION + "|" + node + "|" + description);
        RasterLayer l = memory.get(key);
        if (l != null) {
            memoryHits++;
            return l;
        }
        Entry e = entries.get(key);
        if (e != null) {
            l = read(key);
            if (l != null) {
                diskHits++;
                entries.put(key, new Entry(key, e.node(), e.description(), e.width(), e.height(), e.bytes(),
                        e.created(), Instant.now()));
                remember(key, l);
                return l;
            }
            entries.remove(key);
        }
        misses++;
        l = draw.apply(key);
        remember(key, l);
        if (dir != null) {
            store(key, node, description, l);
        }
        return l;
    }

    synchronized Stats stats() {
        long bytes = 0;
        for (Entry e : entries.values()) {
            bytes += e.bytes();
        }
        return new Stats(memoryHits, diskHits, misses, entries.size(), bytes);
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Forgets the layers held in memory (the disk stays). */
    synchronized void dropMemory() {
        memory.clear();
        memoryBytes = 0;
    }

    private void remember(String key, RasterLayer l) {
        memory.put(key, l);
        memoryBytes += 4L * l.width() * l.height();
        Iterator<Map.Entry<String, RasterLayer>> it = memory.entrySet().iterator();
        while (memoryBytes > memoryLimit && memory.size() > 1 && it.hasNext()) {
            RasterLayer old = it.next().getValue();
            memoryBytes -= 4L * old.width() * old.height();
            it.remove();
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".layer");
    }

    private RasterLayer read(String key) {
        try (InputStream raw = Files.newInputStream(file(key));
                DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw)))) {
            if (in.readInt() != MAGIC || in.readInt() != RENDERER_VERSION) {
                return null;
            }
            int w = in.readInt();
            int h = in.readInt();
            if (w <= 0 || h <= 0 || (long) w * h > 64L << 20) {
                return null;
            }
            int[] px = new int[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = in.readInt();
            }
            return new RasterLayer(key, w, h, px);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            System.getLogger("org.lumaflow.telemetry").log(System.Logger.Level.WARNING,
                    "overlay layer " + file(key) + " unreadable (" + e.getMessage() + "): drawn again");
            return null;
        }
    }

    private void store(String key, String node, String description, RasterLayer l) {
        try {
            AtomicFiles.write(file(key), out -> {
                DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(out)));
                d.writeInt(MAGIC);
                d.writeInt(RENDERER_VERSION);
                d.writeInt(l.width());
                d.writeInt(l.height());
                int[] px = l.pixels();
                for (int i = 0; i < l.width() * l.height(); i++) {
                    d.writeInt(px[i]);
                }
                d.close(); // finishes the deflater; AtomicFiles forces and renames after
            });
            Instant now = Instant.now();
            entries.put(key, new Entry(key, node, description, l.width(), l.height(), Files.size(file(key)), now,
                    now));
            evict();
            writeManifest();
        } catch (IOException e) {
            System.getLogger("org.lumaflow.telemetry").log(System.Logger.Level.WARNING,
                    "cannot store overlay layer in " + dir + ": " + e.getMessage());
        }
    }

    private void evict() throws IOException {
        long total = 0;
        for (Entry e : entries.values()) {
            total += e.bytes();
        }
        while (total > diskLimit && entries.size() > 1) {
            Entry oldest = null;
            for (Entry e : entries.values()) {
                if (oldest == null || e.used().isBefore(oldest.used())) {
                    oldest = e;
                }
            }
            entries.remove(oldest.key());
            Files.deleteIfExists(file(oldest.key()));
            total -= oldest.bytes();
        }
    }

    private void writeManifest() throws IOException {
        AtomicFiles.write(dir.resolve(MANIFEST), out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", "lumaflow-overlay-layers");
                g.writeNumberField("renderer", RENDERER_VERSION);
                g.writeArrayFieldStart("entries");
                for (Entry e : entries.values()) {
                    g.writeStartObject();
                    g.writeStringField("key", e.key());
                    g.writeStringField("node", e.node());
                    g.writeStringField("description", e.description());
                    g.writeNumberField("width", e.width());
                    g.writeNumberField("height", e.height());
                    g.writeNumberField("bytes", e.bytes());
                    g.writeStringField("created", e.created().toString());
                    g.writeStringField("used", e.used().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private void readManifest() throws IOException {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) {
            return;
        }
        try (JsonParser p = JSON.createParser(m.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            int renderer = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if ("renderer".equals(f)) {
                    renderer = p.getIntValue();
                } else if ("entries".equals(f) && p.currentToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> v = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            v.put(name, p.getValueAsString());
                        }
                        Entry e = new Entry(v.get("key"), v.get("node"), v.get("description"),
                                Integer.parseInt(v.get("width")), Integer.parseInt(v.get("height")),
                                Long.parseLong(v.get("bytes")), Instant.parse(v.get("created")),
                                Instant.parse(v.get("used")));
                        if (Files.exists(file(e.key()))) {
                            entries.put(e.key(), e);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (renderer != RENDERER_VERSION) {
                entries.clear(); // drawn by another renderer: redraw
            }
        }
    }
}
