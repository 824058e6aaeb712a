package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.service.Geo;

/** GPX through jpx: the TomTom running track, Garmin extensions, broken XML. */
class GpxParserTest {

    private final TelemetryService service = TestData.service();

    @Test
    void runningTrack() throws Exception {
        Telemetry t = TestData.read("route-1.1.gpx");
        assertEquals("gpx", t.format());
        assertEquals(Instant.parse("2014-05-10T07:20:55Z"), t.utcStart());
        TimeSeries s = t.gps();
        assertEquals(51.376730, s.value(s.channel(Channels.LAT), 0), 1e-9);
        assertEquals(0.731330, s.value(s.channel(Channels.LON), 0), 1e-9);
        assertEquals(8, s.value(s.channel(Channels.ALT), 0), 1e-9);
        assertEquals(1.0, s.time(1), 1e-9);
        assertEquals(1.0, s.rate(), 0.1, "1 Hz watch");
        // a runner: median speed between 1.5 and 6 m/s
        int sp = s.channel(Channels.SPEED_2D);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.value(sp, i);
        }
        java.util.Arrays.sort(v);
        assertTrue(v[v.length / 2] > 1.5 && v[v.length / 2] < 6, "median " + v[v.length / 2]);
        // speed at a sample = distance over the window's time
        double d = Geo.distance(s.value(0, 10), s.value(1, 10), s.value(0, 14), s.value(1, 14));
        assertEquals(d / (s.time(14) - s.time(10)), s.value(sp, 12), 1e-6);
    }

    @Test
    void garminExtensions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ride.gpx");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="Garmin Edge" xmlns="http://www.topografix.com/GPX/1/1"
                  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
                 <trk><trkseg>
                  <trkpt lat="46.0" lon="7.0"><ele>1000</ele><time>2024-05-01T10:00:00Z</time>
                   <extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>21</gpxtpx:atemp>
                   <gpxtpx:hr>131</gpxtpx:hr><gpxtpx:cad>88</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>
                  </trkpt>
                  <trkpt lat="46.0001" lon="7.0"><ele>1001</ele><time>2024-05-01T10:00:02Z</time>
                   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>133</gpxtpx:hr></gpxtpx:TrackPointExtension>
                   </extensions></trkpt>
                 </trkseg></trk></gpx>
                """);
        Telemetry t = service.read(f);
        TimeSeries s = t.gps();
        assertEquals(131, s.value(s.channel(Channels.HEART_RATE), 0), 1e-9);
        assertEquals(133, s.value(s.channel(Channels.HEART_RATE), 1), 1e-9);
        assertEquals(88, s.value(s.channel(Channels.CADENCE), 0), 1e-9);
        assertEquals(21, s.value(s.channel(Channels.TEMPERATURE), 0), 1e-9);
        assertEquals(11.12 / 2, s.value(s.channel(Channels.SPEED_2D), 0), 0.05, "0.0001 deg of latitude in 2 s");
    }

    @Test
    void brokenXmlNamesLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cut.gpx");
        Files.writeString(f, "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"x\">\n<trk><trkseg>\n"
                + "<trkpt lat=\"46.0\" lon=\"7.0\"><time>2024-05-01T10:00:00Z</time></trkpt>\n<trkpt lat=");
        TelemetryException e = assertThrows(TelemetryException.class, () -> service.read(f));
        assertTrue(e.getMessage().startsWith("cut.gpx: line "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
