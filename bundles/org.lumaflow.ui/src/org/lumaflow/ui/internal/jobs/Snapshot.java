package org.lumaflow.ui.internal.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.ui.internal.model.Studio;

/**
 * A private copy of the open project for background work (QC, export) while the user keeps editing: written to
 * memory through {@link ProjectIO} under the studio's read lock (edits wait for the few milliseconds it takes) and
 * read back, so nothing the job renders is shared with the editor.
 *
 * @param timeline the copied timeline
 * @param baseDir  the folder FILE parameters resolve against (the open project's)
 * @param name     the project's name
 * @param revision the open timeline's revision when copied (to tell whether results are stale)
 */
public record Snapshot(Timeline timeline, Path baseDir, String name, long revision) {

    /** Copies the open project; callable from any thread. */
    public static Snapshot of(Studio studio) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        Project p;
        long revision;
        studio.readLock().lock();
        try {
            p = studio.project();
            revision = p.timeline().revision();
            ProjectIO.write(p, buf, null);
        } finally {
            studio.readLock().unlock();
        }
        Path name = p.file() != null ? p.file() : Path.of(p.name() + ".lumaflow");
        try {
            Project copy = ProjectIO.load(new ByteArrayInputStream(buf.toByteArray()), name);
            return new Snapshot(copy.timeline(), p.baseDir(), p.name(), revision);
        } catch (ProjectException e) {
            throw new IOException("cannot copy the project for a background job: " + e.getMessage(), e);
        }
    }
}
