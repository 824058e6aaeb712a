package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;

/** CSV: guessed and given column mappings, units, time formats, errors, and a long file off the heap. */
class CsvParserTest {

    private final TelemetryService service = TestData.service();

    @Test
    void guessesColumnsAndUnits(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, "Time (s),Latitude,Longitude,Speed (km/h),HR,Boost\n0,46.0,7.0,36,120,1.5\n"
                + "0.5,46.0001,7.0,72,121,\n1.0,46.0002,7.0,18,122,2.5\n");
        Telemetry t = service.read(f);
        assertEquals("csv", t.format());
        TimeSeries s = t.gps();
        assertEquals(3, s.size());
        assertEquals(10.0, s.value(s.channel(Channels.SPEED_2D), 0), 1e-9, "36 km/h");
        assertEquals(20.0, s.value(s.channel(Channels.SPEED_2D), 1), 1e-9);
        assertEquals(121, s.value(s.channel(Channels.HEART_RATE), 1), 1e-9);
        assertTrue(Double.isNaN(s.value(s.channel("boost"), 1)), "an empty cell is NaN");
        assertEquals(12.5, s.interpolate(s.channel(Channels.SPEED_2D), 0.75), 1e-9, "halfway from 20 to 5 m/s");
        assertEquals(1, s.indexAt(0.9));
    }

    @Test
    void mappingAndIsoTimes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "when;y;x\n2024-05-01T10:00:00Z;46,5;7,25\n2024-05-01T10:00:00.250Z;46,6;7,5\n");
        Telemetry t = service.read(f, new TelemetryOptions(5, 2, Map.of("time", "when", "lat", "y", "lon", "x"),
                "iso"));
        TimeSeries s = t.gps();
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), t.utcStart());
        assertEquals(0.25, s.time(1), 1e-9);
        assertEquals(46.6, s.value(s.channel(Channels.LAT), 1), 1e-9);
        assertEquals(7.25, s.value(s.channel(Channels.LON), 0), 1e-9);
    }

    @Test
    void badCellNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "t,speed\n0,1\n1,2\n2,fast\n");
        TelemetryException e = assertThrows(TelemetryException.class, () -> service.read(f));
        assertEquals("bad.csv: line 4: column 'speed': 'fast' is not a number", e.getMessage());
        Path g = dir.resolve("notime.csv");
        Files.writeString(g, "a,b\n1,2\n");
        TelemetryException e2 = assertThrows(TelemetryException.class, () -> service.read(g));
        assertTrue(e2.getMessage().startsWith("notime.csv: line 1: no time column"), e2.getMessage());
        assertFalse(e2.getMessage().contains("Exception"));
    }

    /** Two hours at 200 Hz (1.44 M rows, five channels): the series is mapped, so the heap holds almost none of it. */
    @Test
    void twoHoursAt200HzStayOffTheHeap(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("imu.csv");
        int rows = 2 * 3600 * 200;
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("time,accel_x,accel_y,accel_z,speed,alt\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                double t = i / 200.0;
                sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,9.81,%.2f,%.1f%n", t, Math.sin(t), Math.cos(t),
                        i % 1000 / 100.0, 100 + i % 500 / 10.0));
                w.write(sb.toString());
            }
        }
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long before = used(mem);
        Telemetry t = service.read(f);
        long after = used(mem);
        TimeSeries s = t.streams().get("csv");
        assertEquals(rows, s.size());
        assertEquals(7199.995, s.end(), 1e-6);
        assertEquals(Math.sin(3600.0), s.value(s.channel(Channels.ACCEL_X), 720_000), 1e-3);
        assertEquals(720_000, s.indexAt(3600.0));
        long retained = after - before;
        long onHeap = (long) rows * 8 * 6;
        System.out.printf("2 h at 200 Hz: %d rows (%d MB as heap arrays), heap retained %.1f MB%n", rows,
                onHeap >> 20, retained / 1048576.0);
        assertTrue(retained < onHeap / 8, "heap grew by " + retained + " bytes for " + rows + " rows");
    }

    private static long used(MemoryMXBean mem) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
