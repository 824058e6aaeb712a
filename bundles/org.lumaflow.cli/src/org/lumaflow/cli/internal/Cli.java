package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;

/** Dispatches {@code lumaflow COMMAND ARGS...} to the registered {@link CliCommand}s. */
public final class Cli {

    /** The command run when the command line starts with an option. */
    static final String DEFAULT_COMMAND = "render";

    private final Map<String, CliCommand> commands = new TreeMap<>();

    /** A CLI over {@code commands}. */
    public Cli(Collection<CliCommand> commands) {
        for (CliCommand c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** Runs one command line; returns the exit code. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String before = System.getProperty("lumaflow.backend");
        try {
            List<String> rest = backendOption(args); // --backend is global: before or after the command
            if (!rest.contains("--stats")) {
                return dispatch(rest, out, err);
            }
            rest = new java.util.ArrayList<>(rest);
            rest.removeIf("--stats"::equals); // global too: peak memory split at the end
            try (MemoryStats stats = new MemoryStats()) {
                int code = dispatch(rest, out, err);
                stats.close();
                err.println("lumaflow: " + stats.report());
                return code;
            }
        } catch (UsageException e) {
            err.println("lumaflow: " + e.getMessage());
            return 2;
        } finally {
            // one command line's choice: an embedding JVM (tests, the workbench) keeps its own
            if (before == null) {
                System.clearProperty("lumaflow.backend");
            } else {
                System.setProperty("lumaflow.backend", before);
            }
        }
    }

    private int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                out.println(commands.get(args.get(1)).usage());
                return 0;
            }
            help(out);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("version")) {
            out.println("lumaflow " + version());
            return 0;
        }
        if (args.get(0).startsWith("--") && commands.containsKey(DEFAULT_COMMAND)) {
            // options without a command: "lumaflow --size 1280x720" renders the demo like "lumaflow render ..."
            args = new java.util.ArrayList<>(args);
            args.add(0, DEFAULT_COMMAND);
        }
        CliCommand c = commands.get(args.get(0));
        if (c == null) {
            err.println("lumaflow: unknown command '" + args.get(0) + "' (commands: " + String.join(", ", commands.keySet())
                    + "; see lumaflow help)");
            return 2;
        }
        try {
            return c.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println("lumaflow " + c.name() + ": " + e.getMessage());
            err.println(c.usage());
            return 2;
        } catch (Exception e) {
            err.println("lumaflow " + c.name() + ": " + Errors.describe(e));
            if (System.getenv("LUMAFLOW_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /**
     * Takes the global {@code --backend cpu|gpu|auto} out of the arguments and applies it (as the system property
     * {@code lumaflow.backend} the engine reads on every compile).
     */
    static List<String> backendOption(List<String> args) throws UsageException {
        List<String> rest = new java.util.ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            String value = null;
            if (s.equals("--backend")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --backend needs a value: cpu, gpu or auto");
                }
                value = args.get(++i);
            } else if (s.startsWith("--backend=")) {
                value = s.substring("--backend=".length());
            } else {
                rest.add(s);
                continue;
            }
            if (!value.equals("cpu") && !value.equals("gpu") && !value.equals("auto")) {
                throw new UsageException("bad --backend '" + value + "': expected cpu, gpu or auto");
            }
            System.setProperty("lumaflow.backend", value);
        }
        return rest;
    }

    private void help(PrintStream out) {
        out.println("lumaflow " + version() + " - headless Lumaflow Studio");
        out.println("usage: lumaflow COMMAND [ARGS]   (lumaflow help COMMAND for details)");
        for (CliCommand c : commands.values()) {
            if (c.summary() == null || c.summary().isEmpty()) {
                continue; // hidden (internal) commands, e.g. segment-worker
            }
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        out.println("global option: --backend cpu|gpu|auto   where to render (default auto: a hardware GPU through");
        out.println("               Vulkan when one is usable, else the CPU; gpu also takes software Vulkan devices)");
        out.println("               --stats   print peak memory at the end: heap, direct (frame pools), JVM, native");
    }

    static String version() {
        Package p = Cli.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        try {
            var b = org.osgi.framework.FrameworkUtil.getBundle(Cli.class);
            if (b != null) {
                v = b.getVersion().toString();
            }
        } catch (Throwable t) {
            // outside OSGi
        }
        return v == null ? "dev" : v;
    }
}
