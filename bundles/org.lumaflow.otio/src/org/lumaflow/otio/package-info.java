/**
 * OpenTimelineIO interchange: {@link Otio} reads and writes {@code .otio} files and the {@code .otioz} / {@code .otiod}
 * bundles to and from a {@link org.lumaflow.engine.project.Project}, reporting offline media ({@link OfflineMedia})
 * and what was kept in metadata ({@link OtioReport}); {@link Relinker} finds offline media in a folder. The bundle
 * also registers a {@link org.lumaflow.engine.project.ProjectFormat}, so {@code ProjectIO.load} and every command
 * that takes a project accept these files. Mapping and normalisation rules: {@code docs/otio.md}.
 */
@Version("0.1.0")
package org.lumaflow.otio;

import org.osgi.annotation.versioning.Version;
