package org.lumaflow.live.internal.probe;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code lumaflow live-probe URL}: receives a stream (SRT, UDP, RTMP listener...) through the {@code url} source
 * and reads the frame stamp of every picture ({@link StampReader}): glass-to-glass latency for wall-clock stamps, or
 * missing/repeated pictures for frame-number stamps. The receiving side of the live benchmarks and a tool for
 * checking a live chain end to end.
 */
@Component(service = CliCommand.class)
public final class ProbeCommand implements CliCommand {

    private final List<LiveSourceProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(LiveSourceProvider p) {
        providers.add(p);
    }

    void removeProvider(LiveSourceProvider p) {
        providers.remove(p);
    }

    @Override
    public String name() {
        return "live-probe";
    }

    @Override
    public String summary() {
        return "receive a live stream and measure glass-to-glass latency or missing pictures from frame stamps";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow live-probe URL [--duration SECONDS] [--stamp clock|counter] [--timeout SECONDS]
                                           [--json FILE] [--option KEY=VALUE ...]
                  URL       what to receive, as for --source url:URL (srt://127.0.0.1:9000?mode=listener,
                            udp://127.0.0.1:5000, rtmp://127.0.0.1:1935/live/key with --option listen=1)
                  --stamp   clock (default): pictures carry the wall clock in ms (releng/bench/live/StampClock.java,
                            or lumaflow live --source test:stamp=clock); counter: frame numbers (--source test)
                  --duration  stop after SECONDS of receiving (default 10); --timeout  seconds without data that
                            end the probe (default 5)
                  prints one summary line; --json FILE also writes it as JSON""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String url = null;
        double duration = 10;
        double timeout = 5;
        boolean clock = true;
        Path json = null;
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--duration" -> duration = number(args, ++i, a);
                case "--timeout" -> timeout = number(args, ++i, a);
                case "--stamp" -> {
                    String v = value(args, ++i, a);
                    if (!v.equals("clock") && !v.equals("counter")) {
                        throw new UsageException("--stamp: clock or counter, not '" + v + "'");
                    }
                    clock = v.equals("clock");
                }
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--option" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--option: KEY=VALUE, not '" + Secrets.mask(kv) + "'");
                    }
                    extra.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> {
                    if (a.startsWith("--") || url != null) {
                        throw new UsageException("unknown option or extra argument '" + Secrets.mask(a) + "'");
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            throw new UsageException("live-probe: which URL to receive?");
        }
        extra.putIfAbsent("timeout", Double.toString(timeout));
        LiveSourceProvider provider = providers.stream().filter(p -> p.kind().equals("url")).findFirst()
                .orElseThrow(() -> new LiveException("live-probe: the url source is not available"));
        LiveSource opened;
        try {
            opened = provider.open(url, new SourceOptions(0, 0, null, extra));
        } catch (LiveException e) {
            err.println("live-probe: " + Secrets.mask(e.getMessage()));
            return 1;
        }
        try (StampReader reader = new StampReader(clock); LiveSource source = opened) {
            source.start(reader);
            long end = System.nanoTime() + (long) (duration * 1e9);
            long lastFrames = -1;
            while (System.nanoTime() < end && !reader.done()) {
                Thread.sleep(100);
                long n = reader.frames();
                if (n == 0 && lastFrames < 0) {
                    end = System.nanoTime() + (long) (duration * 1e9); // count from the first picture
                } else {
                    lastFrames = n;
                }
            }
            source.close();
            StampReader.Result r = reader.result();
            if (r.frames() == 0) {
                err.println("live-probe: " + Secrets.mask(url) + ": no pictures arrived"
                        + (reader.failure() != null ? " (" + reader.failure() + ")" : ""));
                return 1;
            }
            out.println("live-probe " + Secrets.mask(url) + ": " + r.line());
            if (json != null) {
                byte[] bytes = (r.json() + "\n").getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(json, o -> o.write(bytes));
            }
            return 0;
        }
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double number(List<String> args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            double d = Double.parseDouble(v);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + ": a positive number of seconds, not '" + v + "'");
    }
}
