package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.internal.ArraySeries;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The service as a whiteboard: a format added by another bundle's parser service is read (and dropped again with the
 * service), results are cached per file version, and neither an unknown file nor a failing parser reaches the user as
 * an exception class.
 */
class TelemetryServiceTest {

    private static BundleContext bc;
    private static TelemetryService service;

    /** A third party's format: "LAPS" then one "seconds speed" line per sample. */
    static final class LapsParser implements TelemetryParser {
        @Override
        public String format() {
            return "laps";
        }

        @Override
        public List<String> extensions() {
            return List.of("laps");
        }

        @Override
        public boolean accepts(Path file, ByteBuffer head) {
            byte[] magic = "LAPS\n".getBytes(StandardCharsets.US_ASCII);
            if (head.remaining() < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if (head.get(i) != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Telemetry read(Path file, TelemetryOptions options) throws IOException {
            List<String> lines = Files.readAllLines(file);
            ArraySeries.Builder b = new ArraySeries.Builder("laps", List.of(new Channel(Channels.SPEED_2D, "m/s")));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f[0].equals("boom")) {
                    throw new IllegalStateException("index 3 out of bounds for length 2");
                }
                b.add(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
            }
            return new Telemetry(file, format(), "Lap timer", null, false, Map.of("laps", b.build()), List.of(),
                    List.of());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        bc = OsgiTests.startAll(TelemetryServiceTest.class);
        service = OsgiTests.service(bc, TelemetryService.class);
    }

    @Test
    void aParserServiceAddsAFormatAndTakesItAwayAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ride.laps");
        Files.writeString(file, "LAPS\n0 1.5\n1 2.5\n2 4.0\n");
        TelemetryException before = assertThrows(TelemetryException.class, () -> service.read(file));
        assertTrue(before.getMessage().startsWith("ride.laps: not a telemetry file"), before.getMessage());
        assertFalse(service.formats().contains("laps"));

        ServiceRegistration<TelemetryParser> reg = bc.registerService(TelemetryParser.class, new LapsParser(), null);
        try {
            assertTrue(service.formats().containsAll(List.of("gpmf", "dji-srt", "gpx", "csv", "laps")),
                    "formats: " + service.formats());
            Telemetry t = service.read(file);
            assertEquals("laps", t.format());
            assertEquals(3, t.streams().get("laps").size());
            assertEquals(3.25, t.streams().get("laps").interpolate(0, 1.5), 1e-12);
            assertSame(t, service.read(file), "cached while the file is unchanged");
            Files.writeString(file, "LAPS\n0 1.5\n1 2.5\n2 4.0\n3 5.0\n");
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            Telemetry again = service.read(file);
            assertNotSame(t, again, "a changed file is read again");
            assertEquals(4, again.streams().get("laps").size());

            Path broken = dir.resolve("broken.laps");
            Files.writeString(broken, "LAPS\n0 1\nboom\n");
            TelemetryException e = assertThrows(TelemetryException.class, () -> service.read(broken));
            assertTrue(e.getMessage().startsWith("broken.laps: the laps parser failed on this file"), e.getMessage());
            assertFalse(e.getMessage().contains("IllegalStateException"), e.getMessage());
        } finally {
            reg.unregister();
        }
        assertFalse(service.formats().contains("laps"));
        assertThrows(TelemetryException.class, () -> service.read(file), "the format left with its bundle");
    }

    @Test
    void missingAndEmptyFilesAreNamed(@TempDir Path dir) throws Exception {
        TelemetryException missing = assertThrows(TelemetryException.class,
                () -> service.read(dir.resolve("gone.gpx")));
        assertEquals("gone.gpx: no such file", missing.getMessage());
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        TelemetryException e = assertThrows(TelemetryException.class, () -> service.read(empty));
        assertEquals("empty.csv: offset 0: the file is empty: no telemetry to read", e.getMessage());
    }
}
