package org.lumaflow.telemetry.tests;

import java.nio.file.Path;

import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.testsupport.SharedData;
import org.osgi.framework.BundleContext;

/** The shared telemetry test files and the service under test. */
final class TestData {

    private static TelemetryService service;

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

    /**
     * The service under test, the bundles started on first use (unchecked, so a test can take it in a field
     * initializer: {@code private final TelemetryService service = TestData.service();}).
     */
    static synchronized TelemetryService service() {
        if (service == null) {
            try {
                service = service(TestData.class);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the telemetry bundles: " + e.getMessage(), e);
            }
        }
        return service;
    }

    /** The shared file {@code name} read with the default options; what was read is printed. */
    static Telemetry read(String name) throws Exception {
        Telemetry t = service().read(file(name));
        System.out.println(describe(t));
        return t;
    }

    /** Streams, their sizes, spans, rates and channels, and the issues: a readable dump for the test log. */
    static String describe(Telemetry t) {
        StringBuilder sb = new StringBuilder(t.source().getFileName() + " [" + t.device() + "] utc=" + t.utcStart());
        for (TimeSeries s : t.streams().values()) {
            sb.append(String.format("%n  %s n=%d %.3f..%.3f rate=%.2f %s", s.name(), s.size(), s.start(), s.end(),
                    s.rate(), s.channels()));
        }
        t.issues().forEach(i -> sb.append("\n  ! ").append(i));
        return sb.toString();
    }
}
