package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;

/** DJI SRT layouts (values read off the files) and the broken samples. */
class DjiSrtParserTest {

    private final TelemetryService service = TestData.service();

    @Test
    void mavicPro() throws Exception {
        Telemetry t = TestData.read("dji_mavic_pro.SRT");
        assertEquals("dji-srt", t.format());
        TimeSeries s = t.gps();
        // cue 1: 00:00:01,000, HOME(149.0251,-20.2532) 2017.08.05 14:11:51, GPS(149.0251,-20.2533,16) BAROMETER:1.9
        assertEquals(1.0, s.time(0), 1e-9);
        assertEquals(-20.2533, s.value(s.channel(Channels.LAT), 0), 1e-9);
        assertEquals(149.0251, s.value(s.channel(Channels.LON), 0), 1e-9);
        assertEquals(16, s.value(s.channel(Channels.ALT), 0), 1e-9);
        assertEquals(1.9, s.value(s.channel("height"), 0), 1e-9);
        assertEquals(Instant.parse("2017-08-05T14:11:50Z"), t.utcStart(), "date line less the cue time");
        assertTrue(s.channel(Channels.SPEED_2D) >= 0, "speed from the positions");
        assertTrue(t.videoClock());
    }

    @Test
    void mavic2ProBracketLayout() throws Exception {
        Telemetry t = service.read(TestData.file("dji_mavic_2pro_new.SRT"));
        TimeSeries s = t.gps();
        assertEquals(8952, s.size(), "every cue is a sample");
        assertEquals(-35.080155, s.value(s.channel(Channels.LAT), 0), 1e-9);
        assertEquals(-60.286702, s.value(s.channel(Channels.LON), 0), 1e-9);
        assertEquals(Instant.parse("2019-09-27T10:28:08.438Z"), t.utcStart());
        assertEquals(110, s.value(s.channel("iso"), 0), 1e-9);
        assertEquals(1 / 1250.0, s.value(s.channel("shutter"), 0), 1e-12);
        assertEquals(2.8, s.value(s.channel("fnum"), 0), 1e-9);
        double max = 0;
        int sp = s.channel(Channels.SPEED_2D);
        for (int i = 0; i < s.size(); i++) {
            max = Math.max(max, s.value(sp, i));
        }
        assertTrue(max > 0.5 && max < 40, "a drone's speed from positions: " + max);
        assertTrue(t.issues().stream().anyMatch(i -> i.contains("position jumps")), "the file joins several"
                + " flights: its jumps are reported " + t.issues());
    }

    @Test
    void mavicMini() throws Exception {
        Telemetry t = service.read(TestData.file("dji_mavic_mini.SRT"));
        TimeSeries s = t.gps();
        // F/2.8, SS 30.15, ISO 260, EV -1.7, GPS (-121.7458, 48.0771, 17), D 221.21m, H 200.70m, H.S n/a, V.S n/a
        assertEquals(0.0, s.time(0), 1e-9);
        assertEquals(48.0771, s.value(s.channel(Channels.LAT), 0), 1e-9);
        assertEquals(-121.7458, s.value(s.channel(Channels.LON), 0), 1e-9);
        assertEquals(17, s.value(s.channel(Channels.ALT), 0), 1e-9);
        assertEquals(221.21, s.value(s.channel("home_distance"), 0), 1e-9);
        assertEquals(200.70, s.value(s.channel("height"), 0), 1e-9);
        assertEquals(null, t.utcStart(), "no date line in this layout");
    }

    @Test
    void brokenFilesNameFileAndLine() {
        TelemetryException empty = assertThrows(TelemetryException.class,
                () -> service.read(TestData.file("dji_broken_empty.SRT")));
        assertTrue(empty.getMessage().startsWith("dji_broken_empty.SRT: "), empty.getMessage());
        assertNotNull(empty.position());
        TelemetryException cut = assertThrows(TelemetryException.class,
                () -> service.read(TestData.file("dji_broken_incomplete.SRT")));
        assertTrue(cut.getMessage().startsWith("dji_broken_incomplete.SRT: line 115: "), cut.getMessage());
        assertTrue(cut.getMessage().contains("incomplete"), cut.getMessage());
        assertFalse(cut.getMessage().contains("Exception"), cut.getMessage());
    }
}
