package org.lumaflow.otio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.otio.OtioReport;

/**
 * OTIO file bundles (OpenTimelineIO's "File Bundles"): {@code content.otio} plus every referenced file copied flat
 * into {@code media/} (unique names), references rewritten to {@code media/NAME}; a reference to a file that does not
 * exist becomes a MissingReference that keeps the original under {@code metadata.original_media_reference}. The zip
 * form adds {@code version.txt} ("1.0.0") and stores media uncompressed.
 */
final class Bundles {

    private Bundles() {
    }

    /** Unpacks an .otioz's media into a cache folder (reused while the zip is unchanged); returns that folder. */
    static Path unpackMedia(Path zipFile, ZipFile zip) throws IOException {
        Path abs = zipFile.toAbsolutePath().normalize();
        String key = sha1(abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis());
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "lumaflow-otioz");
        Path dir = root.resolve(key);
        if (Files.exists(dir.resolve(".complete"))) {
            return dir;
        }
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, key + ".tmp");
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.isDirectory() || !e.getName().startsWith("media/")) {
                continue;
            }
            Path out = tmp.resolve(e.getName()).normalize();
            if (!out.startsWith(tmp.resolve("media"))) {
                throw new IOException("bundle entry '" + e.getName() + "' points outside the bundle");
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createFile(tmp.resolve(".complete"));
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(dir.resolve(".complete"))) {
                throw e;
            }
            delete(tmp); // another reader won the race
        }
        return dir;
    }

    /** Writes {@code tree} and its media as a bundle at {@code target} (zip or folder), atomically. */
    static void write(Map<String, Object> tree, Path target, boolean zip, OtioReport report) throws IOException {
        Map<String, Path> media = new HashMap<>();
        collect(tree, media, new HashMap<>(), report);
        if (zip) {
            AtomicFiles.write(target, out -> zip(tree, media, out));
            return;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, "." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(tmp.resolve("media"));
            for (Map.Entry<String, Path> e : media.entrySet()) {
                Files.copy(e.getValue(), tmp.resolve("media").resolve(e.getKey()));
            }
            try (OutputStream out = Files.newOutputStream(tmp.resolve(OtioFiles.CONTENT))) {
                Json.write(tree, out);
            }
            Path old = null;
            if (Files.exists(target)) {
                old = dir.resolve("." + target.getFileName() + ".old" + System.nanoTime());
                Files.move(target, old);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            } catch (IOException e) {
                if (old != null) {
                    Files.move(old, target); // put the previous bundle back
                }
                throw e;
            }
            if (old != null) {
                delete(old);
            }
        } finally {
            if (Files.exists(tmp)) {
                delete(tmp);
            }
        }
    }

    private static void zip(Map<String, Object> tree, Map<String, Path> media, OutputStream raw) throws IOException {
        ZipOutputStream z = new ZipOutputStream(raw);
        z.putNextEntry(new ZipEntry(OtioFiles.CONTENT));
        Json.write(tree, z);
        z.closeEntry();
        z.putNextEntry(new ZipEntry("version.txt"));
        z.write("1.0.0\n".getBytes(StandardCharsets.US_ASCII));
        z.closeEntry();
        for (Map.Entry<String, Path> e : media.entrySet()) {
            ZipEntry entry = new ZipEntry("media/" + e.getKey());
            entry.setMethod(ZipEntry.STORED);
            CRC32 crc = new CRC32();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(e.getValue())) {
                for (int n; (n = in.read(buf)) > 0;) {
                    crc.update(buf, 0, n);
                }
            }
            long size = Files.size(e.getValue());
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
            z.putNextEntry(entry);
            Files.copy(e.getValue(), z);
            z.closeEntry();
        }
        z.finish();
    }

    /** Rewrites every file reference under {@code node} into media/ (names in {@code media}). */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, Map<String, Path> media, Map<Path, String> names, OtioReport report)
            throws IOException {
        if (node instanceof List<?> l) {
            for (Object o : l) {
                collect(o, media, names, report);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        Object schema = m.get("OTIO_SCHEMA");
        if ("ExternalReference.1".equals(schema) && m.get("target_url") instanceof String url) {
            String local = MediaMap.localFile(url);
            Path p = local == null ? null : Path.of(local).toAbsolutePath().normalize();
            if (p != null && Files.isRegularFile(p)) {
                m.put("target_url", "media/" + name(p, media, names));
            } else {
                missing(m, report);
            }
            return;
        }
        if ("ImageSequenceReference.1".equals(schema) && m.get("target_url_base") instanceof String base) {
            String local = MediaMap.localFile(base);
            String prefix = m.get("name_prefix") instanceof String s ? s : "";
            String suffix = m.get("name_suffix") instanceof String s ? s : "";
            List<Path> frames = new ArrayList<>();
            if (local != null && Files.isDirectory(Path.of(local))) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(local))) {
                    for (Path f : ds) {
                        String n = f.getFileName().toString();
                        if (n.startsWith(prefix) && n.endsWith(suffix) && n.length() > prefix.length()
                                + suffix.length() && n.substring(prefix.length(), n.length() - suffix.length())
                                        .matches("-?\\d+")) {
                            frames.add(f.toAbsolutePath().normalize());
                        }
                    }
                }
            }
            if (frames.isEmpty()) {
                missing(m, report);
                return;
            }
            for (Path f : frames) {
                String n = f.getFileName().toString();
                if (media.containsKey(n) && !media.get(n).equals(f)) {
                    throw new IOException("two media files are both called " + n + ": a bundle's media/ is flat");
                }
                media.put(n, f);
            }
            m.put("target_url_base", "media/");
            return;
        }
        for (Object v : new ArrayList<>(m.values())) {
            collect(v, media, names, report);
        }
    }

    private static String name(Path p, Map<String, Path> media, Map<Path, String> names) {
        String known = names.get(p);
        if (known != null) {
            return known;
        }
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        String ext = dot > 0 ? n.substring(dot) : "";
        for (int i = 2; media.containsKey(n); i++) {
            n = stem + "-" + i + ext; // same name, another folder
        }
        media.put(n, p);
        names.put(p, n);
        return n;
    }

    private static void missing(Map<String, Object> m, OtioReport report) {
        Map<String, Object> original = Json.obj();
        original.putAll(m);
        Map<String, Object> md = Json.obj();
        if (m.get("metadata") instanceof Map<?, ?> old) {
            md.putAll(OtioReader.cast(old));
        }
        md.put("original_media_reference", original);
        Object name = m.get("name");
        Object range = m.get("available_range");
        m.clear();
        m.put("OTIO_SCHEMA", "MissingReference.1");
        m.put("metadata", md);
        m.put("name", name);
        m.put("available_range", range);
        report.note("media not found, written as a MissingReference in the bundle: " + original.getOrDefault(
                "target_url", original.get("target_url_base")));
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(
                    StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    delete(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
