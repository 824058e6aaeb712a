package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** {@code lumaflow doctor} as DS wires it: every native library family resolves here, and text can be drawn. */
class DoctorTest {

    @Test
    void doctorFindsNothingMissing() throws Exception {
        BundleContext bc = OsgiTests.startAll(DoctorTest.class);
        ServiceTracker<CliCommand, CliCommand> t = new ServiceTracker<>(bc, CliCommand.class, null);
        t.open();
        t.waitForService(10_000);
        CliCommand doctor = null;
        long end = System.currentTimeMillis() + 10_000;
        while (doctor == null && System.currentTimeMillis() < end) {
            for (CliCommand c : t.getServices(new CliCommand[0])) {
                if (c.name().equals("doctor")) {
                    doctor = c;
                }
            }
            Thread.sleep(20);
        }
        assertNotNull(doctor, "the doctor command is registered");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = doctor.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("FFmpeg (LGPL build): ok") && text.contains("Java2D text (titles): ok"), text);
    }
}
