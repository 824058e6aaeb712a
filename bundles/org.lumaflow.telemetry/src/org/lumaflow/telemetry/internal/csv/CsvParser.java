package org.lumaflow.telemetry.internal.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.lumaflow.telemetry.TimeSeries;
import org.osgi.service.component.annotations.Component;

/**
 * CSV telemetry exports (one header row, a time column, one column per channel; commas, semicolons or tabs), streamed
 * record by record with commons-csv into memory-mapped column files ({@link MappedSeries}): the heap used does not
 * grow with the file's length. Time reads as seconds, milliseconds, Unix epoch seconds/milliseconds or ISO-8601.
 */
@Component(service = TelemetryParser.class)
public final class CsvParser implements TelemetryParser {

    private static final int MAX_ISSUES = 20;

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv", "txt");
    }

    @Override
    public boolean accepts(Path file, ByteBuffer head) {
        byte[] b = new byte[head.remaining()];
        head.duplicate().get(b);
        String s = new String(b, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int nl = s.indexOf('\n');
        if (nl < 0) {
            return false;
        }
        String header = s.substring(0, nl);
        char d = delimiter(header);
        return header.indexOf(d) > 0 && !header.contains("<") && !header.contains("-->")
                && header.chars().allMatch(ch -> ch >= 0x20 || ch == '\t' || ch == '\r');
    }

    private static char delimiter(String header) {
        int commas = count(header, ',');
        int semis = count(header, ';');
        int tabs = count(header, '\t');
        return tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    @Override
    public Telemetry read(Path file, TelemetryOptions options) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        if (first == null) {
            throw new TelemetryException(file, "line 1", "the file is empty");
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(first.replace("\uFEFF", "")))
                .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).get();
        List<String> issues = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(in).setFormat(fmt).get()) {
            List<String> headers = new ArrayList<>(p.getHeaderNames());
            if (!headers.isEmpty()) {
                headers.set(0, headers.get(0).replace("\uFEFF", ""));
            }
            CsvColumns cols;
            try {
                cols = CsvColumns.of(headers, options.columns());
            } catch (IllegalArgumentException e) {
                throw new TelemetryException(file, "line 1", e.getMessage());
            }
            TimeColumn time = new TimeColumn(options.timeFormat(), cols.timeHeader);
            int n = cols.channels.size();
            double[] row = new double[n];
            try (MappedSeries.Writer w = new MappedSeries.Writer("csv", cols.channels)) {
                for (CSVRecord rec : p) {
                    long line = p.getCurrentLineNumber();
                    if (rec.size() <= cols.time) {
                        throw new TelemetryException(file, "line " + line, "the row has " + rec.size()
                                + " fields but the time column is field " + (cols.time + 1) + " (incomplete row?)");
                    }
                    double t;
                    try {
                        t = time.seconds(rec.get(cols.time));
                    } catch (RuntimeException e) {
                        throw new TelemetryException(file, "line " + line, "time '" + shorten(rec.get(cols.time))
                                + "' in column '" + cols.timeHeader + "' is not " + time.expected());
                    }
                    if (!(t > w.last())) {
                        if (skipped++ < MAX_ISSUES) {
                            issues.add(String.format(Locale.ROOT, "%s: line %d: time %s not after the previous row's,"
                                    + " skipped", file.getFileName(), line, rec.get(cols.time)));
                        }
                        continue;
                    }
                    for (int c = 0; c < n; c++) {
                        int src = cols.sources.get(c);
                        String v = src < rec.size() ? rec.get(src) : "";
                        row[c] = v.isEmpty() ? Double.NaN : number(file, line, headers.get(src), v)
                                * cols.factors.get(c);
                    }
                    w.add(t, row);
                }
                if (skipped > MAX_ISSUES) {
                    issues.add(file.getFileName() + ": " + (skipped - MAX_ISSUES) + " more rows with a time not after"
                            + " the previous row's, skipped");
                }
                if (w.size() == 0) {
                    throw new TelemetryException(file, "line 2", "no data rows under the header");
                }
                MappedSeries s = w.finish(gapLimit(w));
                return new Telemetry(file, format(), "", time.utcStart(), false, Map.<String, TimeSeries>of("csv", s),
                        List.of(), issues);
            }
        } catch (UncheckedIOException e) {
            throw new TelemetryException(file, null, "cannot read the CSV: " + e.getCause().getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new TelemetryException(file, null, "not a readable CSV file: " + e.getMessage(), e);
        }
    }

    private static double gapLimit(MappedSeries.Writer w) {
        return Double.POSITIVE_INFINITY;
    }

    private static double number(Path file, long line, String header, String v) throws TelemetryException {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            if (v.indexOf(',') > 0) {
                try {
                    return Double.parseDouble(v.replace(',', '.')); // decimal comma (semicolon-separated files)
                } catch (NumberFormatException e2) {
                    // fall through
                }
            }
            throw new TelemetryException(file, "line " + line, "column '" + header + "': '" + shorten(v)
                    + "' is not a number");
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Reads the time column: seconds, millis, epoch or ISO, fixed by the first value when not given. */
    static final class TimeColumn {
        private String kind;
        private final String header;
        private Instant first;
        private double firstEpoch = Double.NaN;

        TimeColumn(String kind, String header) {
            this.kind = kind;
            this.header = header.toLowerCase(Locale.ROOT);
        }

        String expected() {
            return switch (kind == null ? "" : kind) {
                case "millis" -> "a number of milliseconds";
                case "iso" -> "an ISO-8601 date-time (2024-05-01T10:15:30.250Z)";
                default -> "a number of seconds";
            };
        }

        Instant utcStart() {
            return first;
        }

        double seconds(String v) {
            if (kind == null) {
                kind = guess(v);
            }
            switch (kind) {
                case "iso" -> {
                    Instant i = iso(v);
                    if (first == null) {
                        first = i;
                    }
                    return java.time.Duration.between(first, i).toNanos() / 1e9;
                }
                case "millis", "epoch-millis" -> {
                    return epoch(Double.parseDouble(v) / 1000.0);
                }
                default -> {
                    return epoch(Double.parseDouble(v));
                }
            }
        }

        /** Relative seconds; epoch values (after 2001) also give the UTC start. */
        private double epoch(double s) {
            if (Double.isNaN(firstEpoch)) {
                firstEpoch = s;
                if (s > 1e9) {
                    first = Instant.ofEpochMilli(Math.round(s * 1000));
                }
            }
            return first != null ? s - firstEpoch : s;
        }

        private String guess(String v) {
            try {
                double d = Double.parseDouble(v);
                if (d > 1e11 || header.contains("ms") || header.contains("milli")) {
                    return "millis";
                }
                return "seconds";
            } catch (NumberFormatException e) {
                return "iso";
            }
        }

        static Instant iso(String v) {
            String s = v.strip().replace(' ', 'T');
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                try {
                    return java.time.OffsetDateTime.parse(s).toInstant();
                } catch (RuntimeException e2) {
                    return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
                }
            }
        }
    }
}
