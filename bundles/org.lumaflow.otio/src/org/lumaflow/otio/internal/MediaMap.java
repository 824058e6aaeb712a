package org.lumaflow.otio.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.ProjectException;

/**
 * Media references to source nodes and back: ExternalReference and ImageSequenceReference to {@code media.video}
 * ({@code media.audio} on audio tracks, {@code core.image} for still images), GeneratorReference SolidColor to
 * {@code core.solid} and SMPTEBars to {@code core.smpte_bars}; anything that cannot be found or shown becomes an
 * offline slate (a dark red {@code core.solid} with a {@code core.text} effect naming the media).
 */
public final class MediaMap {

    /** Id of the slate's text effect (left out on export). */
    public static final String SLATE_EFFECT = "otio_offline";
    static final Color SLATE = new Color(0.24, 0.06, 0.06, 1);
    private static final List<String> STILLS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    /**
     * A mapped reference.
     *
     * @param source     the source node
     * @param slate      the slate text when the media is offline or not shown, else null
     * @param offlineRef the reference that could not be found (null unless offline media)
     * @param path       the file looked for (null when none was named)
     * @param available  start of the available range in ticks (0 when none)
     * @param availDur   available duration in ticks, -1 when unknown
     * @param size       file size recorded in the reference's metadata.lumaflow.size, -1 when none
     */
    public record Mapped(GraphNode source, String slate, String offlineRef, String path, long available,
            long availDur, long size) {
        Mapped(GraphNode source, String slate, String offlineRef, String path, long available, long availDur) {
            this(source, slate, offlineRef, path, available, availDur, -1);
        }
    }

    private final Path base;
    private final boolean keepRelative;

    /**
     * @param base         folder relative URLs resolve against (the OTIO file's folder, or a bundle's)
     * @param keepRelative write relative paths as they are (the project's base folder is {@code base}), else absolute
     */
    public MediaMap(Path base, boolean keepRelative) {
        this.base = base;
        this.keepRelative = keepRelative;
    }

    /** Maps the active reference {@code ref} (null: none) of clip {@code id}. */
    public Mapped map(Obj ref, String id, boolean audio) throws ProjectException {
        if (ref == null) {
            return offline(id, "no media reference", null, 0, -1);
        }
        String schema = ref.schema();
        String name = ref.schemaName();
        long avail = 0;
        long availDur = -1;
        Obj ar = ref.obj("available_range");
        if (ar != null) {
            OtioTime.Range r = OtioTime.range(ar);
            avail = r.start();
            availDur = r.duration();
        }
        switch (name) {
            case "ExternalReference" -> {
                String url = ref.str("target_url", null);
                if (url == null || url.isEmpty()) {
                    return offline(id, schema + " without target_url", null, avail, availDur);
                }
                String file = localFile(url);
                if (file == null) {
                    return offline(id, url, null, avail, availDur);
                }
                Path abs = resolve(file);
                if (!Files.isRegularFile(abs)) {
                    Mapped off = offline(id, url, abs.toString(), avail, availDur);
                    long size = ref.metadata().get(K.LUMAFLOW) instanceof Map<?, ?> ours
                            && ours.get("size") instanceof BigDecimal d ? d.longValue() : -1;
                    return new Mapped(off.source(), off.slate(), off.offlineRef(), off.path(), avail, availDur, size);
                }
                String lower = file.toLowerCase(Locale.ROOT);
                String type = audio ? "media.audio" : STILLS.stream().anyMatch(lower::endsWith) ? "core.image"
                        : "media.video";
                return new Mapped(new GraphNode(id, type).set("file", param(file, abs)), null, null, abs.toString(),
                        avail, availDur);
            }
            case "ImageSequenceReference" -> {
                String dir = ref.str("target_url_base", "");
                String prefix = ref.str("name_prefix", "");
                String suffix = ref.str("name_suffix", "");
                int pad = ref.has("frame_zero_padding") ? ref.num("frame_zero_padding").intValue() : 0;
                long first = ref.has("start_frame") ? ref.num("start_frame").longValue() : 1;
                String folder = dir.isEmpty() ? "" : localFile(dir);
                String pattern = prefix + (pad > 0 ? "%0" + pad + "d" : "%d") + suffix;
                String shown = dir + pattern;
                if (folder == null) {
                    return offline(id, shown, null, avail, availDur);
                }
                String file = folder.isEmpty() ? pattern : folder.replaceAll("/*$", "/") + pattern;
                Path firstFile = resolve(file.replace(pattern, prefix + String.format(Locale.ROOT,
                        pad > 0 ? "%0" + pad + "d" : "%d", first) + suffix));
                if (!Files.isRegularFile(firstFile)) {
                    return offline(id, shown, firstFile.toString(), avail, availDur);
                }
                return new Mapped(new GraphNode(id, "media.video").set("file", param(file, resolve(file))), null,
                        null, firstFile.toString(), avail, availDur);
            }
            case "GeneratorReference" -> {
                String kind = ref.str("generator_kind", "");
                Obj params = ref.obj("parameters");
                if (kind.equalsIgnoreCase("SolidColor")) {
                    double[] c = color(params);
                    return new Mapped(new GraphNode(id, "core.solid").set("color", c), null, null, null, 0, -1);
                }
                if (kind.equalsIgnoreCase("SMPTEBars") || kind.equalsIgnoreCase("bars")) {
                    return new Mapped(new GraphNode(id, "core.smpte_bars"), null, null, null, 0, -1);
                }
                if (kind.startsWith("lumaflow:")) {
                    return new Mapped(new GraphNode(id, kind.substring("lumaflow:".length())), null, null, null, 0,
                            -1);
                }
                return new Mapped(solid(id), "GENERATOR\n" + kind, null, null, 0, -1);
            }
            default -> {
                return offline(id, schema, null, avail, availDur);
            }
        }
    }

    private Mapped offline(String id, String ref, String path, long avail, long availDur) {
        String shown = path != null ? Path.of(path).getFileName().toString() : id + "\n(" + ref + ")";
        return new Mapped(solid(id), "MEDIA OFFLINE\n" + shown, ref, path, avail, availDur);
    }

    private static GraphNode solid(String id) {
        return new GraphNode(id, "core.solid").set("color", new double[] {SLATE.r(), SLATE.g(), SLATE.b(), 1});
    }

    /** The slate's text effect for a frame {@code height} pixels high. */
    public static GraphNode slateText(String text, int height) {
        return new GraphNode(SLATE_EFFECT, "core.text").set("text", text).set("size", Math.max(12, height / 14.0))
                .set("color", new double[] {1, 1, 1, 1});
    }

    private Object param(String file, Path abs) {
        return keepRelative && !Path.of(file).isAbsolute() ? file : abs.toString();
    }

    private Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() || base == null ? p.toAbsolutePath().normalize() : base.resolve(p).normalize();
    }

    /** The local path a target_url names ("file:///a/b.mov", "/a/b.mov", "media/b.mov"), or null for other URLs. */
    public static String localFile(String url) {
        if (url.startsWith("file:")) {
            try {
                URI u = new URI(url.replace(" ", "%20"));
                if (u.getPath() != null && (u.getAuthority() == null || u.getAuthority().isEmpty()
                        || u.getAuthority().equals("localhost"))) {
                    return u.getPath();
                }
            } catch (URISyntaxException e) {
                return url.substring("file://".length());
            }
            return null;
        }
        if (url.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*")) {
            return null; // http://, s3://...
        }
        return url.contains("%") ? decode(url) : url; // a relative path, percent-encoded as URLs are
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** A file URL for {@code path}: {@code file:///abs/path} with unsafe characters escaped. */
    public static String fileUrl(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString().replaceFirst("^file:/+", "file:///");
    }

    private static double[] color(Obj params) throws ProjectException {
        if (params == null || params.raw("color") == null) {
            return new double[] {0, 0, 0, 1};
        }
        Object c = params.raw("color");
        try {
            if (c instanceof String s) {
                Color k = Color.parse(s);
                return new double[] {k.r(), k.g(), k.b(), k.a()};
            }
            if (c instanceof List<?> l && (l.size() == 3 || l.size() == 4)) {
                double[] out = {0, 0, 0, 1};
                for (int i = 0; i < l.size(); i++) {
                    out[i] = ((BigDecimal) l.get(i)).doubleValue();
                }
                return out;
            }
            if (c instanceof Map<?, ?> m) {
                double[] out = {0, 0, 0, 1};
                String[] names = {"r", "g", "b", "a"};
                for (int i = 0; i < 4; i++) {
                    if (m.get(names[i]) instanceof BigDecimal d) {
                        out[i] = d.doubleValue();
                    }
                }
                return out;
            }
        } catch (RuntimeException e) {
            // falls through to the error
        }
        throw params.error("color", "expected a colour: [r, g, b(, a)] (0..1), \"#RRGGBB\" or {\"r\", \"g\", \"b\"}");
    }

    /** What identifies a source for the kept references: type, file and colour. */
    public static String fingerprint(GraphNode n) {
        StringBuilder sb = new StringBuilder(n.type());
        Object f = n.params().get("file");
        if (f != null) {
            sb.append('|').append(f);
        }
        Object c = n.params().get("color");
        if (c instanceof double[] d) {
            sb.append('|').append(java.util.Arrays.toString(d));
        } else if (c != null) {
            sb.append('|').append(c);
        }
        return sb.toString();
    }
}
