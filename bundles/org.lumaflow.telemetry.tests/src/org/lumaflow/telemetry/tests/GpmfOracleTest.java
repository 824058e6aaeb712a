package org.lumaflow.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Our GPMF parser against an independent one: npm {@code gopro-telemetry} 1.2.11 with {@code gpmf-extract} (pinned in
 * {@code oracle/package-lock.json}, installed by {@code npm ci} into {@code target/oracle}), run with node.
 */
class GpmfOracleTest {

    private static TelemetryService service;
    private static Path oracle;

    @BeforeAll
    static void start() throws Exception {
        service = TestData.service(GpmfOracleTest.class);
        oracle = install();
    }

    @ParameterizedTest
    @ValueSource(strings = {"karma.mp4", "hero5.raw", "hero6.raw", "hero6+ble.raw", "hero7.raw", "karma.raw"})
    void matchesGoproTelemetry(String name) throws Exception {
        Path file = TestData.file(name);
        Map<String, Object> ref = run(file);
        // no filtering: the oracle keeps every sample
        Telemetry t = service.read(file, new TelemetryOptions(1e9, 0, Map.of(), null));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> streams = (Map<String, Map<String, Object>>) ref.get("streams");
        int compared = 0;
        for (String key : List.of("GPS5", "ACCL", "GYRO", "SHUT", "ISOE", "WBAL")) {
            Map<String, Object> r = streams.get(key);
            if (r == null) {
                continue;
            }
            TimeSeries s = t.streams().get(key);
            assertNotNull(s, name + ": " + key + " is missing");
            int n = ((Number) r.get("n")).intValue();
            assertEquals(n, s.size(), name + ": " + key + " sample count");
            double[] first = numbers(r.get("first"));
            double[] last = numbers(r.get("last"));
            double[] ours0 = raw(t, s, key, 0);
            double[] oursN = raw(t, s, key, s.size() - 1);
            for (int e = 0; e < first.length; e++) {
                double tol = 1e-6 * Math.max(1, Math.abs(first[e]));
                assertEquals(first[e], ours0[e], tol, name + ": " + key + " first sample, element " + e);
                assertEquals(last[e], oursN[e], 1e-6 * Math.max(1, Math.abs(last[e])), name + ": " + key
                        + " last sample, element " + e);
            }
            double[] times = numbers(r.get("times"));
            assertEquals(times[0], s.start(), 0.002, name + ": " + key + " start");
            if (name.endsWith(".mp4")) {
                // gopro-telemetry spreads the clip's last, partial payload over a full second past the track's end;
                // we keep the sample period there, so our last sample is earlier but inside the track
                assertTrue(s.end() <= times[1] + 1e-6 && s.end() > times[1] - 1.0, key + " end " + s.end());
            } else {
                assertEquals(times[1], s.end(), 0.03 * Math.max(1, times[1]), name + ": " + key + " end");
            }
            compared++;
        }
        assertTrue(compared >= 2, name + ": compared only " + compared + " streams");
    }

    /** Our sample {@code i} back in the file's element order (GPS5: the five values; IMU: the stored axis order). */
    private static double[] raw(Telemetry t, TimeSeries s, String key, int i) {
        int n = key.equals("GPS5") ? 5 : s.channels().size();
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
            v[c] = s.value(c, i);
        }
        if (key.equals("ACCL") || key.equals("GYRO")) {
            // without ORIN gopro-telemetry keeps the stored order (HERO5 Z,X,Y; HERO6 Y,-X,Z per GoPro's README);
            // with ORIN (hero6+ble.raw, hero7.raw: "YxZ") it turns the axes into camera Z,X,Y as our ORIN reading does
            boolean orin = t.source().getFileName().toString().matches("hero6\\+ble\\.raw|hero7\\.raw");
            String order = orin ? "ZXY" : t.device().contains("Hero6") || t.device().contains("Hero7") ? "YxZ" : "ZXY";
            double[] stored = new double[3];
            for (int j = 0; j < 3; j++) {
                char c = order.charAt(j);
                double x = v[Character.toUpperCase(c) - 'X'];
                stored[j] = Character.isLowerCase(c) ? -x : x;
            }
            return stored;
        }
        return v;
    }

    private static double[] numbers(Object o) {
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = l.get(i) == null ? Double.NaN : ((Number) l.get(i)).doubleValue();
        }
        return d;
    }

    private static Map<String, Object> run(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", oracle.resolve("oracle.js").toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "the oracle failed on " + file);
        try (JsonParser j = new JsonFactory().createParser(out)) {
            j.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value(j);
            return m;
        }
    }

    private static Object value(JsonParser j) throws IOException {
        JsonToken t = j.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                while (j.nextToken() == JsonToken.FIELD_NAME) {
                    String k = j.currentName();
                    j.nextToken();
                    m.put(k, value(j));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (j.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(j));
                }
                return l;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return j.getDoubleValue();
            }
            case VALUE_STRING -> {
                return j.getText();
            }
            default -> {
                return null;
            }
        }
    }

    /** Copies oracle/ into target/oracle and runs {@code npm ci} there unless node_modules is already in place. */
    private static Path install() throws IOException, InterruptedException {
        Path src = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("oracle/package-lock.json");
            Path b = d.resolve("bundles/org.lumaflow.telemetry.tests/oracle/package-lock.json");
            if (Files.exists(c)) {
                src = c.getParent();
                break;
            }
            if (Files.exists(b)) {
                src = b.getParent();
                break;
            }
        }
        assertNotNull(src, "oracle/ not found above " + Path.of("").toAbsolutePath());
        Path dst = src.getParent().resolve("target/oracle");
        Files.createDirectories(dst);
        for (String f : List.of("package.json", "package-lock.json", "oracle.js")) {
            Files.copy(src.resolve(f), dst.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dst.resolve("node_modules/gopro-telemetry"))) {
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dst.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "npm ci failed (node and npm are"
                    + " needed: releng/setup/system-packages.sh test):\n" + log);
        }
        return dst;
    }
}
