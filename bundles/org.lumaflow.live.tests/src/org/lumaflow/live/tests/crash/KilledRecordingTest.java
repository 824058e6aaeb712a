package org.lumaflow.live.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumaflow.testsupport.ChildFramework;
import org.lumaflow.testsupport.ChildFramework.Child;
import org.lumaflow.testsupport.OsgiTests;

/**
 * {@code lumaflow live --record} in a separate JVM ({@link ChildFramework}) killed with SIGKILL while it records: the
 * temporary file left behind plays, picture for picture, up to its last fragment; and a clean stop renames the file
 * into place.
 */
class KilledRecordingTest {

    /** The once-a-second statistics line after 4 s or more: seconds, captured, and the four drop counters. */
    private static final Pattern AFTER_4S = Pattern.compile(
            "^\\s*(?:[4-9]|[1-9]\\d+)\\.\\ds .*captured (\\d+)  dropped cap/proc/enc/send (\\d+)/(\\d+)/(\\d+)/(\\d+)");
    /** The summary of a clean stop. */
    private static final Pattern SUMMARY = Pattern.compile(
            "^live: (\\d+) frames 640x360 in [\\d.]+ s, dropped cap/proc/enc/send (\\d+)/(\\d+)/(\\d+)/(\\d+)");

    @TempDir
    static Path dir;
    private static ChildFramework children;

    @BeforeAll
    static void prepare() throws Exception {
        children = ChildFramework.prepare(OsgiTests.startAll(KilledRecordingTest.class), dir.resolve("children"),
                "512m");
    }

    @AfterAll
    static void kill() {
        if (children != null) {
            children.close();
        }
    }

    private static Child live(String name, Path out, int seconds) throws Exception {
        return children.start(name, "live", "--source", "test", "--size", "640x360", "--rate", "30", "--record",
                out.toString(), "--duration", Integer.toString(seconds));
    }

    private static long drops(Matcher m, int first) {
        long d = 0;
        for (int g = first; g < first + 4; g++) {
            d += Long.parseLong(m.group(g));
        }
        return d;
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "mkv"})
    void aRecordingKilledWithSigkillPlaysUpToItsLastFragment(String ext) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("killed-" + ext));
        Path out = folder.resolve("out." + ext);
        Path temporary = folder.resolve("out.recording." + ext);
        Child c = live("killed-" + ext, out, 60);
        Matcher line = c.await(AFTER_4S, Duration.ofSeconds(60));
        long captured = Long.parseLong(line.group(1));
        long dropped = drops(line, 2);
        c.kill();
        assertFalse(c.process().isAlive(), "the child is gone");
        assertTrue(c.process().exitValue() != 0, "killed, not stopped: exit " + c.process().exitValue());
        assertEquals(List.of(temporary.getFileName().toString()), files(folder),
                "only the temporary file is left, nothing renamed onto " + out.getFileName());
        StampedFile f = StampedFile.decode(temporary);
        System.out.println("killed after '" + line.group().trim() + "': " + temporary.getFileName() + " "
                + Files.size(temporary) + " bytes: " + f);
        assertEquals(640, f.width(), f.toString());
        assertEquals(360, f.height(), f.toString());
        assertPictures(f, dropped, c);
        assertTrue(f.frames() >= 60, "at least 2 s of pictures: " + f);
        assertTrue(f.frames() >= captured - 45, "all but the last fragment (~1 s) of the " + captured
                + " pictures captured when the statistics line came: " + f);
        assertTrue(f.firstStamp() >= 0 && f.firstStamp() <= 15, "the file starts at the beginning of the recording: "
                + f);
    }

    /**
     * Every picture decodes with its number, in order (a tick without a new source picture repeats the previous one),
     * none missing but those the child reported dropped.
     */
    private static void assertPictures(StampedFile f, long dropped, Child c) {
        assertEquals(0, f.errors(), "no decode errors: " + f);
        assertTrue(f.leadingBlank() <= 3, "at most a few black pictures before the source's first: " + f);
        assertEquals(0, f.unreadable(), "every picture carries its frame number: " + f);
        assertEquals(0, f.backwards(), "frame numbers in order: " + f);
        assertTrue(f.repeats() <= 10, "few repeated pictures (ticks without a new source picture): " + f);
        assertTrue(f.missing() <= dropped, "no frame number missing but the " + dropped + " reported dropped: " + f
                + "\n" + c.tail(3000));
    }

    @Test
    void aCleanStopExitsZeroAndRenamesTheRecordingIntoPlace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clean"));
        Path out = folder.resolve("out.mp4");
        Child c = live("clean", out, 3);
        int code = c.waitFor(Duration.ofSeconds(60));
        assertEquals(0, code, c.tail(4000));
        Matcher summary = c.await(SUMMARY, Duration.ofSeconds(1));
        c.await(Pattern.compile("^recorded " + Pattern.quote(out.toString()) + "$"), Duration.ofSeconds(1));
        assertEquals(List.of("out.mp4"), files(folder), "only the renamed recording, no temporary file left");
        int encoded = Integer.parseInt(summary.group(1));
        long dropped = drops(summary, 2);
        StampedFile f = StampedFile.decode(out);
        System.out.println("clean stop '" + summary.group() + "': " + f);
        assertEquals("mov,mp4,m4a,3gp,3g2,mj2", f.container());
        assertEquals(640, f.width(), f.toString());
        assertEquals(360, f.height(), f.toString());
        assertPictures(f, dropped, c);
        assertEquals(encoded, f.frames(), "every encoded picture is in the file: " + f);
        long span = f.stamps().get(f.frames() - 1) - f.firstStamp() + 1;
        assertTrue(span >= 85 && span <= 92, "3 s at 30 fps between the first and the last picture: " + f);
    }
}
