package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportSettings;

/**
 * Temporaries of killed exports: a second JVM writing a locked temporary (the exporter's own {@link PartialFile}) is
 * killed with {@code kill -9}; the next export to that folder removes what it left, and never a temporary that is
 * still being written, by another process or by a running export in this one.
 */
class StaleTemporaryTest {

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    @BeforeAll
    static void services() throws Exception {
        ExportTest.services();
    }

    /** A second JVM running {@link PartialWriterMain} on the classes it needs, copied out of the bundles. */
    private Process writer(Path target) throws Exception {
        for (Class<?> c : List.of(PartialFile.class, AtomicFiles.class, AtomicFiles.Writer.class,
                PartialWriterMain.class)) {
            String res = c.getName().replace('.', '/') + ".class";
            Path f = classes.resolve(res);
            Files.createDirectories(f.getParent());
            try (InputStream in = c.getClassLoader().getResourceAsStream(res)) {
                assertNotNull(in, res);
                Files.write(f, in.readAllBytes());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classes.toString(), PartialWriterMain.class.getName(),
                target.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Path firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertNotNull(line, "the writer process printed its temporary");
        return Path.of(line);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void killedWritersLeftoversGoLiveOnesStay() throws Exception {
        Path out = dir.resolve("out.mp4");
        Process killed = writer(out);
        Process live = writer(dir.resolve("other.mp4"));
        ExportJob running = null;
        try {
            Path stale = firstLine(killed);
            Path alive = firstLine(live);
            assertTrue(Files.exists(stale) && Files.exists(alive));
            // a running export in this JVM, into the same folder (started first: it cleans the folder as it starts)
            Path longOut = dir.resolve("long.mp4");
            running = ExportTest.exporter.start(ExportTest.timeline(640, 360, 3000), dir,
                    ExportSettings.to(longOut).withQc(false), quiet(new CopyOnWriteArrayList<>()));
            Path runningTemp = waitForTemporary("long.mp4");
            assertTrue(Files.exists(stale) && Files.exists(alive), "live writers' temporaries are kept: " + names());
            Process kill = new ProcessBuilder("kill", "-9", String.valueOf(killed.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(killed.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, killed.exitValue(), "killed by SIGKILL");
            assertTrue(Files.exists(stale), "kill -9 leaves the temporary behind: " + names());
            // an old unguarded temporary (an earlier version's, no lock file) and a fresh one
            Path oldUnguarded = dir.resolve(".out.mp4.1234abcd.partial");
            Files.write(oldUnguarded, new byte[10]);
            Files.setLastModifiedTime(oldUnguarded, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Path freshUnguarded = dir.resolve(".out.mp4.5678abcd.partial");
            Files.write(freshUnguarded, new byte[10]);


            List<String> notes = new CopyOnWriteArrayList<>();
            ExportTest.exporter.start(ExportTest.timeline(64, 36, 5), dir, ExportSettings.to(out).withQc(false),
                    quiet(notes)).await();
            assertTrue(Files.isRegularFile(out));
            List<String> left = names();
            assertFalse(Files.exists(stale), "the killed writer's temporary is removed: " + left);
            assertFalse(Files.exists(stale.resolveSibling(stale.getFileName() + ".lock")), "and its lock: " + left);
            assertFalse(Files.exists(oldUnguarded), "an hour-old unguarded temporary is removed: " + left);
            assertTrue(Files.exists(freshUnguarded), "a fresh unguarded one may be written: kept: " + left);
            assertTrue(Files.exists(alive), "the live process's temporary is kept: " + left);
            assertTrue(Files.exists(runningTemp), "the running export's temporary is kept: " + left);
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("removed 2 temporary file(s) left by an interrupted"
                    + " export") && n.contains(stale.getFileName().toString())), notes.toString());
            assertFalse(running.isDone(), "the running export goes on");
            running.cancel();
            assertTrue(assertCancelled(running));
            assertFalse(Files.exists(runningTemp));
        } finally {
            killed.destroyForcibly();
            live.destroyForcibly();
            live.waitFor(10, TimeUnit.SECONDS);
            if (running != null) {
                running.cancel();
            }
        }
        // the live writer is gone now too: the next export removes its temporary as well
        ExportTest.exporter.start(ExportTest.timeline(64, 36, 5), dir, ExportSettings.to(out).withQc(false),
                quiet(new CopyOnWriteArrayList<>())).await();
        assertTrue(names().stream().noneMatch(n -> n.startsWith(".other.mp4")), names().toString());
    }

    private static boolean assertCancelled(ExportJob job) throws InterruptedException {
        try {
            job.await();
            return false;
        } catch (org.lumaflow.export.ExportException e) {
            return e.cancelled();
        }
    }

    private Path waitForTemporary(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String n : names()) {
                if (n.startsWith("." + name + ".") && n.endsWith(".partial")) {
                    return dir.resolve(n);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no temporary for " + name + ": " + names());
    }

    private static ExportListener quiet(List<String> notes) {
        return new ExportListener() {
            @Override
            public void progress(ExportProgress p) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
    }

    @Test
    void atomicWritesLeaveNoTemporaryAndCleanTheirOwnStaleOnes() throws Exception {
        Path target = dir.resolve("report.json");
        Path stale = dir.resolve(".report.json.00ff.tmp");
        Files.write(stale, new byte[1]);
        Files.write(stale.resolveSibling(stale.getFileName() + ".lock"), new byte[0]); // lock file, no holder
        AtomicFiles.write(target, o -> o.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("report.json"), names());
        try (PartialFile held = PartialFile.beside(target, ".tmp")) {
            assertTrue(PartialFile.removeStale(dir).isEmpty(), "held in this JVM: kept");
            AtomicFiles.write(target, o -> o.write("{}".getBytes(StandardCharsets.UTF_8)));
            assertTrue(Files.exists(held.path()));
        }
        assertEquals(List.of("report.json"), names(), "closing removes the temporary and its lock");
    }
}
