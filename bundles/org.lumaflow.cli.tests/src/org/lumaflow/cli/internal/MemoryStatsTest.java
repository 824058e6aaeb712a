package org.lumaflow.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code --stats}: the peak memory split sees direct memory and resident memory. */
class MemoryStatsTest {

    private static final Pattern LINE = Pattern.compile("peak RSS (\\d+) MiB \\(sampled (\\d+) MiB = heap (\\d+) committed "
            + "\\[peak used (\\d+)\\] \\+ direct (\\d+) \\[peak (\\d+)\\] \\+ JVM non-heap (\\d+) \\+ native (\\d+)");

    @Test
    void aDirectBufferShowsUpAsDirectAndResident() {
        MemoryStats stats = new MemoryStats();
        ByteBuffer b = ByteBuffer.allocateDirect(64 << 20);
        for (int i = 0; i < b.capacity(); i += 4096) {
            b.put(i, (byte) 1); // touch every page: resident
        }
        MemoryStats.Sample s = stats.take();
        stats.close();
        assertTrue(s.direct() >= 64L << 20, "direct " + s.direct());
        assertTrue(s.rss() >= s.direct(), "rss " + s.rss());
        Matcher m = LINE.matcher(stats.report());
        assertTrue(m.find(), stats.report());
        assertTrue(Long.parseLong(m.group(6)) >= 64, stats.report());
        assertTrue(Long.parseLong(m.group(1)) >= Long.parseLong(m.group(2)), "VmHWM >= sampled: " + stats.report());
        assertTrue(Long.parseLong(m.group(3)) > 0 && Long.parseLong(m.group(7)) > 0, stats.report());
        b.put(0, (byte) 2); // keeps b reachable until here
    }

    @Test
    void globalOptionPrintsOneLineAfterTheCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(List.of()).run(List.of("--stats", "--version"), new PrintStream(out, true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("lumaflow "), out.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("lumaflow: memory: peak RSS ") && LINE.matcher(e).find(), e);
        assertEquals(1, e.lines().count(), e);
    }
}
