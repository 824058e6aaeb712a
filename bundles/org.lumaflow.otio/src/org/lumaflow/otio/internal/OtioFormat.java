package org.lumaflow.otio.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectFormat;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.otio.Otio;
import org.lumaflow.otio.OtioImport;
import org.osgi.service.component.annotations.Component;

/** OTIO as a {@link ProjectFormat}: {@code ProjectIO.load/save} of {@code .otio}, {@code .otioz}, {@code .otiod}. */
@Component(service = ProjectFormat.class, immediate = true)
public final class OtioFormat implements ProjectFormat {

    @Override
    public List<String> extensions() {
        return Otio.EXTENSIONS;
    }

    @Override
    public Project load(Path file, Consumer<String> notes) throws ProjectException {
        OtioImport in = Otio.read(file);
        in.report().lines().forEach(notes);
        return in.project();
    }

    @Override
    public void save(Project project, Path file, NodeRegistry.Snapshot plugins, Consumer<String> notes)
            throws IOException {
        Otio.write(project, file, plugins).lines().forEach(notes);
    }
}
