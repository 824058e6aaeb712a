package org.lumaflow.otio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.otio.OtioImport;
import org.lumaflow.otio.OtioReport;

/**
 * Reads and writes {@code .otio} files and the {@code .otiod} (folder) and {@code .otioz} (zip) bundles: a bundle
 * holds {@code content.otio} and its media in {@code media/} ({@code .otioz} also {@code version.txt}). An
 * {@code .otioz}'s media is unpacked into a cache folder to be played. Writes are atomic.
 */
public final class OtioFiles {

    /** The name of a bundle's timeline. */
    public static final String CONTENT = "content.otio";

    private OtioFiles() {
    }

    /** The kind of {@code file} by extension: "otio", "otioz", "otiod", or null. */
    public static String kind(Path file) {
        Path n = file.getFileName();
        String s = n == null ? "" : n.toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".otio") ? "otio" : s.endsWith(".otioz") ? "otioz" : s.endsWith(".otiod") ? "otiod" : null;
    }

    /** Reads {@code file}. */
    public static OtioImport read(Path file) throws ProjectException {
        OtioReport report = new OtioReport();
        String kind = kind(file);
        Project p;
        try {
            if ("otiod".equals(kind)) {
                Path content = file.resolve(CONTENT);
                if (!Files.isDirectory(file)) {
                    throw new ProjectException(file, 0, 0, null, Files.exists(file) ? "an .otiod bundle is a folder"
                            : "no such folder");
                }
                p = parse(content, content, file.toAbsolutePath(), false, report);
            } else if ("otioz".equals(kind)) {
                p = readZip(file, report);
            } else {
                Path abs = file.toAbsolutePath();
                p = parse(file, file, abs.getParent(), true, report);
            }
        } catch (NoSuchFileException e) {
            throw new ProjectException(file, 0, 0, null, "no such file" + (e.getFile() != null
                    && !Path.of(e.getFile()).equals(file) ? ": " + e.getFile() : ""));
        } catch (IOException e) {
            throw new ProjectException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
        p.setFile(file);
        return new OtioImport(p, report);
    }

    private static Project parse(Path content, Path name, Path base, boolean keepRelative, OtioReport report)
            throws IOException, ProjectException {
        try (InputStream in = Files.newInputStream(content)) {
            return parse(in, name, base, keepRelative, report);
        }
    }

    private static Project parse(InputStream in, Path name, Path base, boolean keepRelative, OtioReport report)
            throws IOException, ProjectException {
        Json.Doc doc;
        try {
            doc = Json.parse(in);
        } catch (Json.SyntaxError e) {
            throw new ProjectException(name, e.line, e.column, null, "invalid JSON: " + e.getMessage());
        }
        return OtioReader.read(doc, name, base, keepRelative, report);
    }

    private static Project readZip(Path file, OtioReport report) throws IOException, ProjectException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Path name = Path.of(file + "!" + CONTENT);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry(CONTENT);
            if (content == null) {
                throw new ProjectException(file, 0, 0, null, "not an OTIO bundle: it has no " + CONTENT);
            }
            Path media = Bundles.unpackMedia(file, zip);
            byte[] bytes;
            try (InputStream in = zip.getInputStream(content)) {
                bytes = in.readAllBytes();
            }
            return parse(new ByteArrayInputStream(bytes), name, media, false, report);
        } catch (java.util.zip.ZipException e) {
            throw new ProjectException(file, 0, 0, null, "not a readable zip file: " + e.getMessage());
        }
    }

    /** Writes {@code project} to {@code file} (atomically) as its extension says; returns the report. */
    public static OtioReport write(Project project, Path file, NodeRegistry.Snapshot plugins) throws IOException {
        OtioReport report = new OtioReport();
        Path abs = file.toAbsolutePath().normalize();
        String kind = kind(abs);
        if ("otio".equals(kind) || kind == null) {
            Path dir = abs.getParent();
            Map<String, Object> tree = OtioWriter.write(project, plugins, (media, id) -> {
                if (media.startsWith(dir)) {
                    return dir.relativize(media).toString().replace('\\', '/');
                }
                return MediaMap.fileUrl(media);
            }, report);
            AtomicFiles.write(abs, out -> Json.write(tree, out));
        } else {
            Map<String, Object> tree = OtioWriter.write(project, plugins, (media, id) -> MediaMap.fileUrl(media),
                    report);
            Bundles.write(tree, abs, kind.equals("otioz"), report);
        }
        return report;
    }

    static void writeContent(Map<String, Object> tree, OutputStream out) throws IOException {
        Json.write(tree, out);
    }
}
