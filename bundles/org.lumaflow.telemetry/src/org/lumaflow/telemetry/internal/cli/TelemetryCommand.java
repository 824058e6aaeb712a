package org.lumaflow.telemetry.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code lumaflow telemetry FILE [--json OUT] [--csv OUT]}: summary of a telemetry file, JSON and CSV export. */
@Component(service = CliCommand.class)
public final class TelemetryCommand implements CliCommand {

    @Reference
    private TelemetryService service;

    /** For DS. */
    public TelemetryCommand() {
    }

    /** Outside OSGi. */
    public TelemetryCommand(TelemetryService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "telemetry";
    }

    @Override
    public String summary() {
        return "read a telemetry file (GoPro MP4/GPMF, DJI SRT, GPX, CSV): summary, JSON and CSV export";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow telemetry FILE [--json OUT] [--csv OUT] [--max-dop D] [--min-fix F]
                  reads FILE (a GoPro MP4/MOV with its GPMF track, a raw GPMF payload, a DJI .SRT, a GPX track or a
                  CSV export with a time column) and prints a summary: device, UTC start, duration, each stream with
                  its rate and sample count, GPS fix quality, distance, top speed, and what was dropped or repaired.
                  --json OUT     write the summary and every stream's samples (SI units, UTC times) as JSON
                  --csv OUT      write every stream merged by time as CSV (time_s, utc, STREAM.channel...)
                  --max-dop D    drop GPS samples with a dilution of precision above D (default 5)
                  --min-fix F    drop GPS samples with a fix below F: 2 = 2D, 3 = 3D (default 2)""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        List<String> files = new ArrayList<>();
        String json = null;
        String csv = null;
        double maxDop = 5;
        int minFix = 2;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "--json" -> json = Options.value(argv, ++i, a);
                case "--csv" -> csv = Options.value(argv, ++i, a);
                case "--max-dop" -> maxDop = Options.nonNegative(Options.value(argv, ++i, a), a);
                case "--min-fix" -> minFix = (int) Options.nonNegative(Options.value(argv, ++i, a), a);
                default -> files.add(Options.positional(a));
            }
        }
        if (files.size() != 1) {
            throw new UsageException("expected one telemetry file");
        }
        Path file = Path.of(files.get(0));
        Telemetry t;
        try {
            t = service.read(file, new org.lumaflow.telemetry.TelemetryOptions(maxDop, minFix, java.util.Map.of(),
                    null));
        } catch (IOException e) {
            err.println("lumaflow telemetry: " + message(e));
            return 1;
        }
        Summary s = Summary.of(t);
        print(t, s, out);
        try {
            if (json != null) {
                AtomicFiles.write(Path.of(json), o -> TelemetryWriters.json(t, s, o));
                err.println("wrote " + json);
            }
            if (csv != null) {
                AtomicFiles.write(Path.of(csv), o -> TelemetryWriters.csv(t, o));
                err.println("wrote " + csv);
            }
        } catch (IOException e) {
            err.println("lumaflow telemetry: cannot write " + (json != null ? json : csv) + ": " + message(e));
            return 1;
        }
        return 0;
    }

    private static String message(IOException e) {
        if (e instanceof org.lumaflow.telemetry.TelemetryException) {
            return e.getMessage();
        }
        return "cannot read: " + (e.getMessage() == null ? "input/output error" : e.getMessage());
    }

    static void print(Telemetry t, Summary s, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %s%s%n", t.source().getFileName(), t.format(),
                t.device().isEmpty() ? "" : ", device " + t.device());
        out.printf(Locale.ROOT, "  UTC start: %s; duration %.3f s; clock: %s%n",
                t.utcStart() == null ? "unknown" : t.utcStart(), t.duration(),
                t.videoClock() ? "the video's" : "its own (align by UTC or an offset)");
        for (TimeSeries ts : t.streams().values()) {
            StringBuilder ch = new StringBuilder();
            for (var c : ts.channels()) {
                ch.append(ch.isEmpty() ? "" : ", ").append(c.name()).append(c.unit().isEmpty() ? "" : " " + c.unit());
            }
            out.printf(Locale.ROOT, "  stream %-5s %8d samples  %8.2f Hz  %.3f..%.3f s  [%s]%n", ts.name(), ts.size(),
                    ts.rate(), ts.start(), ts.end(), ch);
        }
        if (s.gpsSamples() > 0) {
            out.printf(Locale.ROOT, "  GPS: %d samples%s%s; distance %.1f m; max speed %s%n", s.gpsSamples(),
                    s.fix3d() >= 0 ? String.format(Locale.ROOT, ", %d with a 3D fix", s.fix3d()) : "",
                    Double.isNaN(s.meanDop()) ? "" : String.format(Locale.ROOT, ", mean DOP %.2f", s.meanDop()),
                    s.distance(), Double.isNaN(s.maxSpeed()) ? "unknown"
                            : String.format(Locale.ROOT, "%.2f m/s (%.1f km/h) at %.2f s", s.maxSpeed(),
                                    s.maxSpeed() * 3.6, s.maxSpeedAt()));
        } else {
            out.println("  GPS: none usable");
        }
        if (!t.tags().isEmpty()) {
            out.printf(Locale.ROOT, "  tags: %d (%s)%n", t.tags().size(), t.tags().get(0).kind());
        }
        for (String i : t.issues()) {
            out.println("  issue: " + i);
        }
        if (t.gps() != null && t.gps().channel(Channels.LAT) < 0) {
            out.println("  (no position channel)");
        }
    }
}
