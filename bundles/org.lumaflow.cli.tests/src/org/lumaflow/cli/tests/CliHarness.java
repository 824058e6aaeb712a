package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.cli.internal.Cli;
import org.lumaflow.media.ffmpeg.FFmpeg;

/** What the CLI tests share: commands run in process, clips made with the embedded ffmpeg. */
final class CliHarness {

    /** A command's exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    private CliHarness() {
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
