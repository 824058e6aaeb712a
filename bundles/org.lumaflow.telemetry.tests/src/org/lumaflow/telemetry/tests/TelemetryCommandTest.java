package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.internal.cli.TelemetryCommand;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** {@code lumaflow telemetry}: summary, JSON and CSV, and the exit code for a broken file. */
class TelemetryCommandTest {

    private final TelemetryService service = TestData.service();

    @Test
    void summaryJsonAndCsv(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/t.json");
        Path csv = dir.resolve("out/t.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new TelemetryCommand(service).run(List.of(TestData.file("route-1.1.gpx").toString(), "--json",
                json.toString(), "--csv", csv.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String summary = out.toString(StandardCharsets.UTF_8);
        System.out.println(summary);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(summary.contains("UTC start: 2014-05-10T07:20:55Z"), summary);
        assertTrue(summary.contains("stream gpx"), summary);
        assertTrue(summary.matches("(?s).*distance \\d+\\.\\d m.*"), summary);
        int points;
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            String field = null;
            int lats = 0;
            boolean inLat = false;
            String utc0 = null;
            boolean inUtc = false;
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    inLat = field.equals("lat");
                    inUtc = field.equals("utc");
                } else if (inLat && p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                    lats++;
                } else if (inUtc && utc0 == null && p.currentToken() == JsonToken.VALUE_STRING) {
                    utc0 = p.getText();
                } else if (p.currentToken() == JsonToken.END_ARRAY) {
                    inLat = false;
                    inUtc = false;
                }
            }
            points = lats;
            assertEquals("2014-05-10T07:20:55Z", utc0);
        }
        List<String> rows = Files.readAllLines(csv);
        assertEquals(points + 1, rows.size(), "header plus one row per point");
        assertTrue(rows.get(0).startsWith("time_s,utc,gpx.lat (deg),gpx.lon (deg)"), rows.get(0));
        assertTrue(rows.get(1).startsWith("0,2014-05-10T07:20:55Z,51.37673,0.73133"), rows.get(1));
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(2, s.count(), "no temporary files left");
        }
    }

    @Test
    void brokenFileExitsOneWithAClearMessage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new TelemetryCommand(service).run(List.of(TestData.file("dji_broken_incomplete.SRT").toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String msg = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, rc);
        assertTrue(msg.startsWith("lumaflow telemetry: dji_broken_incomplete.SRT: line 115: "), msg);
        assertFalse(msg.contains("Exception"), msg);
    }
}
