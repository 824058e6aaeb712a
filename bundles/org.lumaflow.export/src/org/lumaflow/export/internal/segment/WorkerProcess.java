package org.lumaflow.export.internal.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * One attempt at one segment in a worker process: a native crash there ends that process only. Progress comes from
 * the worker's stdout ({@link WorkerMode}); its stderr goes to a log in the work folder, whose last lines explain a
 * crash. Cancel stops the process (SIGTERM, then SIGKILL after two seconds).
 */
final class WorkerProcess {

    private WorkerProcess() {
    }

    /** Live worker processes by {@code PLANID#INDEX} (for tests that kill one mid-run). */
    static final java.util.Map<String, ProcessHandle> LIVE = new java.util.concurrent.ConcurrentHashMap<>();

    static SegmentResult run(SegmentPlan plan, int index, int gpu, int cpus, int attempt, SegmentListener listener,
            BooleanSupplier cancelled) throws ExportException {
        Segment seg = plan.segments().get(index);
        Path log = plan.workDir().resolve("." + seg.file() + ".worker" + attempt + ".log");
        Process p;
        try {
            ProcessBuilder pb = WorkerLauncher.command(plan.planFile(), index, gpu, cpus);
            pb.redirectError(log.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            p = pb.start();
        } catch (IOException e) {
            throw new ExportException("segment " + index + ": cannot start a worker process (" + e.getMessage()
                    + ")", e);
        }
        String worker = "local:pid " + p.pid();
        String key = plan.id() + "#" + index;
        LIVE.put(key, p.toHandle());
        listener.state(index, "running on " + worker);
        String[] failed = {null};
        AtomicBoolean doneSaid = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    if (line.startsWith(WorkerMode.PROGRESS)) {
                        try {
                            listener.progress(index, Long.parseLong(line.substring(WorkerMode.PROGRESS.length())));
                        } catch (NumberFormatException ignored) {
                            // not ours
                        }
                    } else if (line.startsWith(WorkerMode.DONE)) {
                        doneSaid.set(true);
                    } else if (line.startsWith(WorkerMode.FAILED)) {
                        failed[0] = line.substring(WorkerMode.FAILED.length());
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        boolean exited;
        try {
            // a worker that said its segment is committed is done: its JVM's shutdown (framework, encoder and GPU
            // teardown) is not waited for, it ends on its own (reaped below)
            while (!(exited = p.waitFor(50, TimeUnit.MILLISECONDS)) && !doneSaid.get()) {
                if (cancelled.getAsBoolean()) {
                    p.destroy();
                    if (!p.waitFor(2, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        p.waitFor(10, TimeUnit.SECONDS);
                    }
                    throw new ExportException("segment " + index + ": cancelled", null, true);
                }
            }
            if (exited) {
                reader.join(2000);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExportException("segment " + index + ": interrupted", e, true);
        } finally {
            LIVE.remove(key, p.toHandle());
        }
        if (!exited) {
            Thread.ofVirtual().start(() -> reap(p));
        }
        int code = exited ? p.exitValue() : 0;
        if (code == 0) {
            try {
                SegmentResult r = Commits.committed(plan, seg);
                if (r != null) {
                    return r;
                }
            } catch (IOException e) {
                throw new ExportException("segment " + index + " on " + worker + ": " + e.getMessage(), e);
            }
            throw new ExportException("segment " + index + " on " + worker + ": the worker ended without"
                    + " committing it", null);
        }
        String why = failed[0] != null ? failed[0]
                : (code > 128 ? "the worker process died (signal " + (code - 128) + ")"
                        : "the worker process exited with code " + code) + lastLines(log);
        throw new ExportException("segment " + index + " on " + worker + ": " + why, null);
    }

    /** Waits for a worker that has committed its segment to end, ending it if it lingers. */
    private static void reap(Process p) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return tail.isEmpty() ? "" : "; its last words: " + String.join(" | ", tail);
        } catch (IOException e) {
            return "";
        }
    }
}
