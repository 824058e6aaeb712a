package org.lumaflow.otio;

import org.lumaflow.engine.project.Project;

/**
 * An OTIO file read as a project.
 *
 * @param project the project (its file is the OTIO file)
 * @param report  offline media and notes
 */
public record OtioImport(Project project, OtioReport report) {
}
