package org.lumaflow.telemetry.tests;

import java.nio.file.Path;

import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/** The shared telemetry test files and the service under test. */
final class TestData {

    private TestData() {
    }

    /** {@code shared/testdata/telemetry/NAME}. */
    static Path file(String name) {
        return SharedData.file("telemetry/" + name);
    }

    static TelemetryService service(Class<?> anchor) throws Exception {
        BundleContext bc = OsgiTests.startAll(anchor);
        return OsgiTests.service(bc, TelemetryService.class);
    }
}
