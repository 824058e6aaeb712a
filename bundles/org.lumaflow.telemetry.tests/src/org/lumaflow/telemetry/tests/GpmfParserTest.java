package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;

/** GPMF from the GoPro MP4 and the raw payloads against the values published with the samples. */
class GpmfParserTest {

    private final TelemetryService service = TestData.service();

    @Test
    void karmaMp4IsOnTheVideoClockWithGps() throws Exception {
        Telemetry t = TestData.read("karma.mp4");
        assertEquals("gpmf", t.format());
        assertTrue(t.videoClock());
        TimeSeries gps = t.gps();
        assertNotNull(gps, "karma.mp4's GPS comes from the Karma's GPRI stream");
        assertEquals("GPRI", gps.name());
        assertTrue(gps.size() > 40, "about 4 Hz over 12 s: " + gps.size());
        assertEquals(4, gps.rate(), 0.3);
        assertTrue(gps.start() >= 0 && gps.start() < 0.1);
        assertEquals(12.0, t.duration(), 1.1);
        // the clip is on a Karma near Pontedera-ish coordinates published with the sample: check plausibility only
        double lat = gps.value(gps.channel(Channels.LAT), 0);
        double lon = gps.value(gps.channel(Channels.LON), 0);
        assertTrue(lat > -90 && lat < 90 && lat != 0);
        assertTrue(lon > -180 && lon < 180 && lon != 0);
        TimeSeries accl = t.streams().get("ACCL");
        assertNotNull(accl);
        assertEquals(200, accl.rate(), 10);
        // at rest or in gentle flight the acceleration magnitude is about g
        double g = 0;
        for (int i = 0; i < accl.size(); i++) {
            double x = accl.value(0, i);
            double y = accl.value(1, i);
            double z = accl.value(2, i);
            g += Math.sqrt(x * x + y * y + z * z);
        }
        assertEquals(9.81, g / accl.size(), 1.0);
        assertNotNull(t.utcStart(), "UTC from GPSU");
        assertTrue(t.tags().isEmpty(), "karma.mp4's HMMT box lists no HiLight");
    }

    @Test
    void karmaRawNamesBothDevices() throws Exception {
        Telemetry t = TestData.read("karma.raw");
        assertTrue(t.device().contains("Camera"), t.device());
        assertTrue(t.device().contains("GoPro Karma v1.0"), t.device());
        assertFalse(t.videoClock());
    }

    @Test
    void hero6BleHasThePublishedStreams() throws Exception {
        Telemetry t = TestData.read("hero6+ble.raw");
        for (String s : List.of("ACCL", "GYRO", "FACE", "FCNM", "ISOE", "SHUT", "WBAL", "WRGB")) {
            assertTrue(t.streams().containsKey(s), s + " in " + t.streams().keySet());
        }
        // its GPS5 has no fix (GPSF 0): the stream is dropped and the drop reported
        assertTrue(t.issues().stream().anyMatch(i -> i.contains("GPS5") && i.contains("hero6+ble.raw")), t.issues()
                .toString());
    }

    @Test
    void hero6HasNoUsableFix() throws Exception {
        Telemetry t = TestData.read("hero6.raw");
        assertNull(t.gps(), "no usable GPS fix");
        assertNull(t.utcStart());
        String issue = t.issues().stream().filter(i -> i.contains("GPS5")).findFirst().orElseThrow();
        assertTrue(issue.startsWith("hero6.raw: ") && issue.contains("no fix"), issue);
        assertEquals("Hero6 Black", t.device());
    }

    @Test
    void hero5AndHero7HaveGpsAndUtc() throws Exception {
        Telemetry strict = service.read(TestData.file("hero5.raw"));
        assertNull(strict.gps(), "its DOP 6.06 is above the default limit 5");
        assertTrue(strict.issues().get(0).contains("DOP 6.06"), strict.issues().toString());
        Telemetry h5 = service.read(TestData.file("hero5.raw"), new TelemetryOptions(10, 2, Map.of(), null));
        System.out.println(TestData.describe(h5));
        assertNotNull(h5.gps());
        assertEquals(18, h5.gps().size());
        assertEquals(Instant.parse("2017-04-17T17:31:03Z"), h5.utcStart());
        Telemetry h7 = TestData.read("hero7.raw");
        assertNotNull(h7.gps());
        assertEquals("Hero7 Black", h7.device());
        assertTrue(h7.gps().end() > 1, "several one-second payloads");
    }

    @Test
    void brokenPayloadNamesFileAndOffset(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(TestData.file("hero5.raw"));
        Path cut = dir.resolve("cut.raw");
        Files.write(cut, Arrays.copyOf(all, 1000));
        TelemetryException e = assertThrows(TelemetryException.class, () -> service.read(cut));
        assertTrue(e.getMessage().startsWith("cut.raw: offset 0x"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
