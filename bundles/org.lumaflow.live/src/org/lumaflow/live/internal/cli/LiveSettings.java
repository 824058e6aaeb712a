package org.lumaflow.live.internal.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveConfig;

/**
 * {@code lumaflow live}'s settings as the command line and live graph files give them: parsed, checked (usage
 * errors name the option), and turned into a {@link LiveConfig}. Command-line values override a graph file's.
 */
final class LiveSettings {

    private static final java.util.Set<String> VALUED = java.util.Set.of("--source", "--stream", "--layout",
            "--effects", "--record", "--duration", "--size", "--rate", "--drop", "--encoder", "--bitrate",
            "--keyframe", "--backend", "--option", "--save");

    List<String> sources = new ArrayList<>();
    Layout layout = Layout.full();
    Path effects;
    Path record;
    List<String> streams = new ArrayList<>();
    int width = 1280;
    int height = 720;
    FrameRate rate = new FrameRate(30, 1);
    Duration duration;
    DropStrategy drop = DropStrategy.ADAPTIVE;
    String encoder = "auto";
    long bitrate;
    double keyframeSeconds = 2;
    String backend = "auto";
    Map<String, String> options = new LinkedHashMap<>();

    // command-only flags
    boolean listSources;
    Path save;
    boolean keepSecrets;
    Path graphFile;

    /** Parses {@code argv} over {@code base} (defaults, or a graph file's settings loaded by the caller). */
    static LiveSettings parse(List<String> argv) throws UsageException {
        LiveSettings s = new LiveSettings();
        List<String> cliSources = new ArrayList<>();
        List<String> cliStreams = new ArrayList<>();
        LiveSettings cli = new LiveSettings();
        Map<String, Boolean> given = new LinkedHashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            String inline = null;
            if (a.startsWith("--") && a.indexOf('=') > 2) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            String opt = a;
            switch (a) {
                case "--list-sources" -> s.listSources = flag(inline, a);
                case "--keep-secrets" -> s.keepSecrets = flag(inline, a);
                default -> {
                    if (!a.startsWith("-") || a.equals("-")) {
                        if (s.graphFile != null) {
                            throw new UsageException("unexpected argument " + a + " (one live graph file at most)");
                        }
                        s.graphFile = Path.of(Options.positional(a));
                        continue;
                    }
                    if (!VALUED.contains(opt)) {
                        throw new UsageException("unknown option " + opt);
                    }
                    String v = inline != null ? inline : Options.value(argv, ++i, opt);
                    given.put(opt, true);
                    switch (opt) {
                        case "--source" -> cliSources.add(nonEmpty(v, opt));
                        case "--stream" -> cliStreams.add(nonEmpty(v, opt));
                        case "--layout" -> cli.layout = layout(v);
                        case "--effects" -> cli.effects = Path.of(nonEmpty(v, opt));
                        case "--record" -> cli.record = record(v);
                        case "--duration" -> cli.duration = duration(v, opt);
                        case "--size" -> size(cli, v);
                        case "--rate" -> cli.rate = rate(v);
                        case "--drop" -> cli.drop = drop(v);
                        case "--encoder" -> cli.encoder = nonEmpty(v, opt);
                        case "--bitrate" -> cli.bitrate = bitrate(v);
                        case "--keyframe" -> cli.keyframeSeconds = positive(v, opt);
                        case "--backend" -> cli.backend = backend(v);
                        case "--option" -> option(cli.options, v);
                        case "--save" -> s.save = Path.of(nonEmpty(v, opt));
                        default -> throw new UsageException("unknown option " + opt);
                    }
                }
            }
        }
        s.sources = cliSources;
        s.streams = cliStreams;
        s.cli = cli;
        s.given = given;
        return s;
    }

    /** The command line's values (applied over a graph file by {@link #overlay}). */
    private LiveSettings cli;
    private Map<String, Boolean> given = Map.of();

    /** {@code base} (a graph file's settings) with this command line's options applied over it. */
    LiveSettings overlay(LiveSettings base) {
        LiveSettings r = base == null ? new LiveSettings() : base;
        if (!sources.isEmpty()) {
            r.sources = sources;
        }
        if (!streams.isEmpty()) {
            r.streams = streams;
        }
        LiveSettings c = cli;
        if (given.containsKey("--layout")) {
            r.layout = c.layout;
        }
        if (given.containsKey("--effects")) {
            r.effects = c.effects;
        }
        if (given.containsKey("--record")) {
            r.record = c.record;
        }
        if (given.containsKey("--duration")) {
            r.duration = c.duration;
        }
        if (given.containsKey("--size")) {
            r.width = c.width;
            r.height = c.height;
        }
        if (given.containsKey("--rate")) {
            r.rate = c.rate;
        }
        if (given.containsKey("--drop")) {
            r.drop = c.drop;
        }
        if (given.containsKey("--encoder")) {
            r.encoder = c.encoder;
        }
        if (given.containsKey("--bitrate")) {
            r.bitrate = c.bitrate;
        }
        if (given.containsKey("--keyframe")) {
            r.keyframeSeconds = c.keyframeSeconds;
        }
        if (given.containsKey("--backend")) {
            r.backend = c.backend;
        }
        r.options.putAll(c.options);
        r.listSources = listSources;
        r.save = save;
        r.keepSecrets = keepSecrets;
        r.graphFile = graphFile;
        return r;
    }

    /** The session's configuration. */
    LiveConfig toConfig() throws UsageException {
        if (sources.isEmpty()) {
            throw new UsageException("at least one --source KIND[:SPEC] is needed (see --list-sources)");
        }
        try {
            return new LiveConfig(sources, layout, effects, record, streams, width, height, rate, duration, drop,
                    encoder, bitrate, keyframeSeconds, backend, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static boolean flag(String inline, String opt) throws UsageException {
        if (inline != null) {
            throw new UsageException("option " + opt + " takes no value");
        }
        return true;
    }

    private static String nonEmpty(String v, String opt) throws UsageException {
        if (v.isBlank()) {
            throw new UsageException("option " + opt + " needs a value");
        }
        return v;
    }

    static Layout layout(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "full" -> Layout.full();
            case "pip" -> Layout.pip();
            case "side" -> Layout.side();
            default -> throw new UsageException("bad --layout '" + v + "': expected full, pip or side");
        };
    }

    static Path record(String v) throws UsageException {
        String l = v.toLowerCase(Locale.ROOT);
        if (!(l.endsWith(".mp4") || l.endsWith(".mkv") || l.endsWith(".mov"))) {
            throw new UsageException("bad --record '" + v + "': the file must end in .mp4, .mkv or .mov");
        }
        return Path.of(v);
    }

    static Duration duration(String v, String opt) throws UsageException {
        double d = positive(v, opt);
        return Duration.ofNanos(Math.round(d * 1e9));
    }

    static double positive(String v, String opt) throws UsageException {
        double d = Options.nonNegative(v, opt);
        if (d <= 0) {
            throw new UsageException("bad " + opt + " '" + v + "': expected a number > 0");
        }
        return d;
    }

    static void size(LiveSettings s, String v) throws UsageException {
        String[] p = v.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length != 2) {
                throw new NumberFormatException();
            }
            int w = Integer.parseInt(p[0].trim());
            int h = Integer.parseInt(p[1].trim());
            if (w < 16 || h < 16 || (w & 1) != 0 || (h & 1) != 0 || w > 8192 || h > 8192) {
                throw new UsageException("bad --size '" + v + "': width and height must be even, 16..8192");
            }
            s.width = w;
            s.height = h;
        } catch (NumberFormatException e) {
            throw new UsageException("bad --size '" + v + "': expected WIDTHxHEIGHT such as 1280x720");
        }
    }

    static FrameRate rate(String v) throws UsageException {
        try {
            FrameRate r = FrameRate.parse(v.trim());
            if (r.toDouble() < 1 || r.toDouble() > 240) {
                throw new IllegalArgumentException("out of range");
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --rate '" + v + "': expected frames per second (1..240) such as 30, "
                    + "29.97 or 30000/1001");
        }
    }

    static DropStrategy drop(String v) throws UsageException {
        try {
            return DropStrategy.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --drop '" + v + "': expected never, adaptive or aggressive");
        }
    }

    static long bitrate(String v) throws UsageException {
        String t = v.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("k")) {
            mul = 1000;
        } else if (t.endsWith("m")) {
            mul = 1_000_000;
        }
        if (mul > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double d = Double.parseDouble(t);
            if (d < 0 || !Double.isFinite(d) || d * mul > 1e10) {
                throw new NumberFormatException();
            }
            return Math.round(d * mul);
        } catch (NumberFormatException e) {
            throw new UsageException("bad --bitrate '" + v + "': expected bits per second such as 6M or 2500k");
        }
    }

    static String backend(String v) throws UsageException {
        if (!v.equals("auto") && !v.equals("gpu") && !v.equals("cpu")) {
            throw new UsageException("bad --backend '" + v + "': expected auto, gpu or cpu");
        }
        return v;
    }

    static void option(Map<String, String> options, String v) throws UsageException {
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("bad --option '" + org.lumaflow.live.Secrets.mask(v)
                    + "': expected KEY=VALUE");
        }
        options.put(v.substring(0, eq).trim(), v.substring(eq + 1));
    }
}
