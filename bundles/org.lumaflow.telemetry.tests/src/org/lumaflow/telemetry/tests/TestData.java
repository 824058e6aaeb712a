package org.lumaflow.telemetry.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** The shared telemetry test files and the service under test. */
final class TestData {

    private TestData() {
    }

    /** {@code shared/testdata/telemetry/NAME}, found from the working directory upwards. */
    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve("shared/testdata/telemetry").resolve(name);
            if (Files.exists(p)) {
                return p;
            }
            Path q = d.resolve("../shared/testdata/telemetry").resolve(name).normalize();
            if (Files.exists(q)) {
                return q;
            }
        }
        Path fixed = Path.of("/work/shared/testdata/telemetry", name);
        if (Files.exists(fixed)) {
            return fixed;
        }
        throw new IllegalStateException("test file " + name + " not found above " + dir);
    }

    static TelemetryService service(Class<?> anchor) throws Exception {
        BundleContext bc = OsgiTests.startAll(anchor);
        return OsgiTests.service(bc, TelemetryService.class);
    }
}
