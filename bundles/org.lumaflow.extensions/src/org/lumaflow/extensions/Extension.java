package org.lumaflow.extensions;

import java.nio.file.Path;
import java.util.List;

/**
 * One extension: a jar in the dropins folder and the bundle installed from it.
 *
 * @param symbolicName bundle symbolic name (the file name when the jar is not a bundle)
 * @param version      bundle version ("" when not installed)
 * @param state        {@code ACTIVE}, {@code STARTING}, {@code RESOLVED}, {@code INSTALLED} or {@code FAILED} (not
 *                     installed: see {@code errors})
 * @param bundleId     the OSGi bundle id, -1 when not installed
 * @param source       the jar in the dropins folder
 * @param nodeTypes    node type ids it provides (as registered: shadowed ones are not listed)
 * @param converters   ids of the pixel converters it registered
 * @param errors       what went wrong, one sentence each (empty when healthy)
 */
public record Extension(String symbolicName, String version, String state, long bundleId, Path source,
        List<String> nodeTypes, List<String> converters, List<String> errors) {

    /** Copies the lists. */
    public Extension {
        nodeTypes = List.copyOf(nodeTypes);
        converters = List.copyOf(converters);
        errors = List.copyOf(errors);
    }

    /** Whether it is installed, started and nothing failed. */
    public boolean healthy() {
        return "ACTIVE".equals(state) && errors.isEmpty();
    }
}
