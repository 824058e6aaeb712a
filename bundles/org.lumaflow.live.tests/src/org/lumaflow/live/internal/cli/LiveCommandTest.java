package org.lumaflow.live.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.internal.pipe.EncodeStageFactory;
import org.lumaflow.live.internal.session.LiveFixture;
import org.lumaflow.live.internal.session.SolidSources;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** {@code lumaflow live}: option errors exit 2 naming the option, live graph files with and without secrets, runs. */
class LiveCommandTest {

    private static LiveFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = LiveFixture.get();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(CliCommand c, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
                true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static LiveCommand command() {
        return new LiveCommand(fx.service());
    }

    @Test
    void badOptionsExitTwoNamingTheOption() throws Exception {
        String[][] cases = {
            {"--layout", "diagonal"}, {"--layout"},
            {"--source", "test", "--size", "1279x720"}, {"--source", "test", "--size", "big"},
            {"--source", "test", "--rate", "0"}, {"--source", "test", "--drop", "sometimes"},
            {"--source", "test", "--duration", "-1"}, {"--source", "test", "--bogus"},
            {"--source", "test", "--record", "out.avi"}, {"--source", "test", "--option", "novalue"},
            {"--source", "test", "--backend", "quantum"}, {"--source", "test", "--bitrate", "fast"},
            {"--duration", "3"}, {"a.json", "b.json"}};
        String[] expected = {"--layout 'diagonal'", "option --layout needs a value", "--size '1279x720'",
            "--size 'big'", "--rate '0'", "--drop 'sometimes'", "--duration '-1'", "unknown option --bogus",
            "--record 'out.avi'", "--option 'novalue'", "--backend 'quantum'", "--bitrate 'fast'",
            "at least one --source", "unexpected argument b.json"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(command(), cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]));
            assertTrue(r.err().contains(expected[i]), "'" + expected[i] + "' in: " + r.err());
            assertTrue(r.err().contains("usage: lumaflow live"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void liveGraphFilesMaskSecretsUnlessAsked(@TempDir Path dir) throws Exception {
        Path masked = dir.resolve("masked.json");
        String[] args = {"--source", "solid:ff0000@320x180", "--source", "solid:0000ff@320x180", "--layout", "pip",
            "--record", dir.resolve("show.mp4").toString(), "--stream", "rtmp://live.example/app/SECRETKEY42",
            "--stream", "srt://127.0.0.1:9000?mode=caller", "--option", "passphrase=verysecret99",
            "--option", "latency=120", "--size", "640x360", "--rate", "25", "--duration", "12.5", "--drop",
            "aggressive", "--bitrate", "2500k"};
        Run r = run(command(), concat(args, "--save", masked.toString()));
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(masked);
        assertFalse(text.contains("SECRETKEY42") || text.contains("verysecret99"), text);
        assertTrue(text.contains("rtmp://live.example/app/****") && text.contains("\"masked\""), text);
        assertTrue(r.err().contains("masked") && r.err().contains("--keep-secrets"), r.err());
        Run again = run(command(), masked.toString());
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("saved masked") && again.err().contains(masked.toString()), again.err());

        Path kept = dir.resolve("kept.json");
        r = run(command(), concat(args, "--save", kept.toString(), "--keep-secrets"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(kept).contains("SECRETKEY42"), "key kept when asked");
        assertTrue(r.err().contains("keeps stream keys") && !r.err().contains("SECRETKEY42"), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        LiveSettings s = LiveGraphFile.read(kept);
        assertEquals(List.of("solid:ff0000@320x180", "solid:0000ff@320x180"), s.sources);
        assertEquals(Layout.pip(), s.layout);
        assertEquals(dir.resolve("show.mp4"), s.record);
        assertEquals(List.of("rtmp://live.example/app/SECRETKEY42", "srt://127.0.0.1:9000?mode=caller"),
                s.streams);
        assertEquals("verysecret99", s.options.get("passphrase"));
        assertEquals("120", s.options.get("latency"));
        assertEquals(640, s.width);
        assertEquals(360, s.height);
        assertEquals(25, s.rate.num());
        assertEquals(12.5, s.duration.toMillis() / 1000.0);
        assertEquals(org.lumaflow.live.DropStrategy.AGGRESSIVE, s.drop);
        assertEquals(2_500_000, s.bitrate);
        // command-line values override the file's
        LiveSettings cli = LiveSettings.parse(List.of(kept.toString(), "--size", "320x180", "--stream",
                "srt://127.0.0.1:9001"));
        LiveSettings merged = cli.overlay(LiveGraphFile.read(kept));
        assertEquals(320, merged.width);
        assertEquals(List.of("srt://127.0.0.1:9001"), merged.streams);
        assertEquals(2, merged.sources.size());
        Files.writeString(dir.resolve("bad.json"), "{\"lumaflow_live\": 1, \"layuot\": {}}");
        Run bad = run(command(), dir.resolve("bad.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad.json") && bad.err().contains("layuot: unknown field"), bad.err());
    }

    @Test
    void runsForItsDurationPrintingStatistics() throws Exception {
        Run r = run(command(), "--source", "solid:00ff00@320x180", "--size", "320x180", "--duration", "1.1",
                "--backend", "cpu", "--drop", "never");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("live: 33 frames 320x180"), r.out());
        assertTrue(r.err().contains("fps") && r.err().contains("dropped cap/proc/enc/send"), r.err());
        Run bad = run(command(), "--source", "nosuch:thing", "--duration", "1");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("unknown source kind 'nosuch'"), bad.err());
    }

    @Test
    void theOsgiCommandListsAndRunsThroughTheWhiteboard() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000); // above the real encoder: this test checks the process stage
        ServiceRegistration<LiveSourceProvider> src = fx.bc.registerService(LiveSourceProvider.class,
                new SolidSources(), null);
        ServiceRegistration<EncodeStageFactory> enc = fx.bc.registerService(EncodeStageFactory.class, fx.encoder,
                props);
        try {
            CliCommand live = OsgiTests.service(fx.bc, CliCommand.class, c -> c.name().equals("live"),
                    "live command");
            Run list = run(live, "--list-sources");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("solid:ff0000@320x180") && list.out().contains("video"), list.out());
            Run r = run(live, "--source", "solid:ff00ff@320x180", "--size", "320x180", "--duration", "0.5",
                    "--backend", "cpu", "--drop", "never");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("live: 15 frames 320x180"), r.out());
        } finally {
            src.unregister();
            enc.unregister();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
