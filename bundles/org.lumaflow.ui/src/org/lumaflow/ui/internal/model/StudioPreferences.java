package org.lumaflow.ui.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The studio's preferences, a properties file in the user's configuration folder ({@code ~/.lumaflow/studio.properties},
 * or {@code -Dlumaflow.studio.home=DIR}); saved atomically. Keys and defaults are the constants below.
 */
public final class StudioPreferences {

    /** Rendering backend: cpu, gpu or auto. */
    public static final String BACKEND = "backend";
    /** Encoder preference for exports: auto or an encoder name. */
    public static final String ENCODER = "encoder";
    /** Cache folder (decoded natives, SPIR-V, face analyses). */
    public static final String CACHE_DIR = "cache.dir";
    /** Cache size limit in MiB. */
    public static final String CACHE_MB = "cache.mb";
    /** Pixel worker threads (0 = one per core). */
    public static final String WORKERS_PIXEL = "workers.pixel";
    /** Decode worker threads (0 = default). */
    public static final String WORKERS_DECODE = "workers.decode";
    /** Frame memory budget in MiB (0 = sized from RAM). */
    public static final String MEMORY_MB = "memory.mb";
    /** Face detection model file (empty = the built-in cascade). */
    public static final String FACE_MODEL = "face.model";
    /** Viewer frame-drop strategy: never, adaptive, aggressive. */
    public static final String DROP = "viewer.drop";
    /** Viewer preview resolution divisor (1, 2, 4). */
    public static final String PREVIEW_DIVISOR = "viewer.divisor";
    /** Autosave interval in seconds (0 = off). */
    public static final String AUTOSAVE_S = "autosave.seconds";
    /** QC threshold preset; {@code qc.KEY} (e.g. {@code qc.blackdetect.d}) holds a threshold changed from it. */
    public static final String QC_PRESET = "qc.preset";

    /** Segmented export: off, auto or a number of segments. */
    public static final String EXPORT_SEGMENTS = "export.segments";
    /** Where segments run: a segment executor's name (local, hazelcast, ...). */
    public static final String EXPORT_EXECUTOR = "export.executor";
    /** The cluster to join for segments (hazelcast; empty = an embedded member in this process). */
    public static final String EXPORT_CLUSTER = "export.cluster";
    /** The cluster members to connect to, comma-separated host[:port]. */
    public static final String EXPORT_MEMBERS = "export.members";

    private final Path file;
    private final Properties values = new Properties();

    public StudioPreferences(Path file) {
        this.file = file;
        defaults();
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                System.getLogger("org.lumaflow.ui").log(System.Logger.Level.WARNING,
                        "cannot read preferences " + file + " (defaults used): " + e.getMessage());
            }
        }
    }

    /** The preferences of this user (see the class comment for the location). */
    public static StudioPreferences load() {
        return new StudioPreferences(home().resolve("studio.properties"));
    }

    /** The studio's per-user folder (preferences, recovery). */
    public static Path home() {
        String dir = System.getProperty("lumaflow.studio.home");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".lumaflow");
    }

    private void defaults() {
        values.setProperty(BACKEND, "auto");
        values.setProperty(ENCODER, "auto");
        values.setProperty(CACHE_DIR, "");
        values.setProperty(CACHE_MB, "2048");
        values.setProperty(WORKERS_PIXEL, "0");
        values.setProperty(WORKERS_DECODE, "0");
        values.setProperty(MEMORY_MB, "0");
        values.setProperty(FACE_MODEL, "");
        values.setProperty(DROP, "adaptive");
        values.setProperty(PREVIEW_DIVISOR, "2");
        values.setProperty(AUTOSAVE_S, "60");
        values.setProperty(QC_PRESET, "default");
        values.setProperty(EXPORT_SEGMENTS, "off");
        values.setProperty(EXPORT_EXECUTOR, "local");
        values.setProperty(EXPORT_CLUSTER, "");
        values.setProperty(EXPORT_MEMBERS, "");
    }

    public String get(String key) {
        return values.getProperty(key, "");
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public void set(String key, String value) {
        values.setProperty(key, value == null ? "" : value);
    }

    public Path file() {
        return file;
    }

    /** Writes the preferences (temporary file, renamed into place). */
    public void save() throws IOException {
        org.lumaflow.core.internal.AtomicFiles.write(file, out -> values.store(out, "Lumaflow Studio preferences"));
    }
}
