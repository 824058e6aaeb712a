package org.lumaflow.otio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.otio.internal.OtioFiles;

/**
 * Reads and writes OpenTimelineIO: {@code .otio} (JSON), {@code .otiod} (a folder bundle) and {@code .otioz} (a zip
 * bundle). Reading never fails for missing media: such clips stay in the timeline as offline media, listed in the
 * report. What Lumaflow cannot represent is kept in metadata ({@code otio.*} keys) and written back on export.
 */
public final class Otio {

    /** The extensions handled. */
    public static final List<String> EXTENSIONS = List.of(".otio", ".otioz", ".otiod");

    private Otio() {
    }

    /** Whether {@code file} has an OTIO extension. */
    public static boolean isOtio(Path file) {
        return OtioFiles.kind(file) != null;
    }

    /**
     * Reads {@code file} into a project (whose file it becomes).
     *
     * @throws ProjectException naming the file, line, column and field when the file is not valid OTIO
     */
    public static OtioImport read(Path file) throws ProjectException {
        return OtioFiles.read(file);
    }

    /**
     * Writes {@code project} to {@code file} atomically, as {@code .otio} JSON or a bundle by extension (a bundle
     * copies the media into it); {@code plugins} (may be null) records each node type's plugin in the Lumaflow data
     * kept in metadata. Returns what could not be written exactly.
     */
    public static OtioReport write(Project project, Path file, NodeRegistry.Snapshot plugins) throws IOException {
        return OtioFiles.write(project, file, plugins);
    }

    /**
     * The clips of {@code project} that are still offline (imported from OTIO without their media, not relinked
     * since), with what was looked for: the input of {@link Relinker}. Kept in the clips' metadata, so it survives
     * saving the project as {@code .lumaflow}.
     */
    public static java.util.List<OfflineMedia> offline(Project project) {
        java.util.List<OfflineMedia> out = new java.util.ArrayList<>();
        for (org.lumaflow.engine.timeline.Track t : project.timeline().tracks()) {
            for (org.lumaflow.engine.timeline.Clip c : t.clips()) {
                java.util.Map<String, String> md = c.metadata();
                String ref = md.get(org.lumaflow.otio.internal.K.OFFLINE);
                if (ref != null) {
                    out.add(new OfflineMedia(c.id(), c.name(), t.name(), ref,
                            md.get(org.lumaflow.otio.internal.K.OFFLINE_FILE),
                            number(md.get(org.lumaflow.otio.internal.K.OFFLINE_DURATION)),
                            number(md.get(org.lumaflow.otio.internal.K.OFFLINE_SIZE))));
                }
            }
        }
        return out;
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
