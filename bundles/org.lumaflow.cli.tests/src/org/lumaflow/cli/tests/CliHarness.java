package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.cli.internal.Cli;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** What the CLI tests share: the product's bundles started, services looked up, commands run, clips made. */
final class CliHarness {

    /** A command's exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    private CliHarness() {
    }

    /** Starts every Lumaflow bundle (DS then registers the services, as in the product); returns the context. */
    static BundleContext startBundles() throws Exception {
        Bundle self = FrameworkUtil.getBundle(CliHarness.class);
        if (self.getState() != Bundle.ACTIVE) {
            self.start();
        }
        BundleContext bc = self.getBundleContext();
        for (Bundle b : bc.getBundles()) {
            if (b.getSymbolicName().startsWith("org.lumaflow.") && b.getHeaders().get("Fragment-Host") == null
                    && b.getState() != Bundle.ACTIVE) {
                b.start();
            }
        }
        return bc;
    }

    /** The service of {@code type}, waiting up to 10 s for DS to register it. */
    static <T> T service(BundleContext bc, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(bc, type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " service");
        return s;
    }

    /** Runs {@code lumaflow ARGS...} in process. */
    static Run run(Cli cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the embedded ffmpeg program with {@code args} (the output file last) and returns {@code out}. */
    static Path ffmpeg(Path out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(FFmpeg.commandLine().toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffmpeg " + cmd + "\n" + log);
        return out;
    }
}
