package org.lumaflow.cluster.internal;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * One segment as a durable task: carries the plan file's path and contents and the segment index; on the member it
 * loads the plan (mapped to the member's media roots), checks media and plugins, runs
 * {@code SegmentedExporter.encode} and reports its state and progress in the status map. It never throws: failures
 * come back as an {@link Outcome} so the exporting side can tell them from a lost member.
 */
public final class SegmentTask implements Callable<SegmentTask.Outcome>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private final String planId;
    private final String planFile;
    private final String planText;
    private final int index;
    private final long frames;
    private transient HazelcastInstance hz;

    /** Segment {@code index} of the plan saved at {@code planFile} (with its contents {@code planText}). */
    public SegmentTask(String planId, String planFile, String planText, int index, long frames) {
        this.planId = planId;
        this.planFile = planFile;
        this.planText = planText;
        this.index = index;
        this.frames = frames;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hz = instance;
    }

    /** A task's result: the segment's result, or why it failed ({@code cancelled} when the export was cancelled). */
    public record Outcome(int index, String file, String sha256, long frames, long bytes, String worker,
            double seconds, String error, boolean cancelled) implements Serializable {

        /** The committed segment (null when failed). */
        public SegmentResult result() {
            return error != null ? null : new SegmentResult(index, file, sha256, frames, bytes, worker, seconds);
        }
    }

    @Override
    public Outcome call() {
        Worker w = Worker.of(hz.getName());
        String me = w == null ? "hazelcast:" + hz.getName() : w.id();
        IMap<String, String> status = hz.getMap(Configs.STATUS);
        String key = SegmentState.key(planId, index);
        put(status, key, "running", 0, me);
        long t0 = System.nanoTime();
        try {
            if (w == null) {
                throw new MediaRoots.Refusal("member " + me + " is not a lumaflow worker");
            }
            SegmentPlan plan = load(w);
            if (w.roots() != null) {
                plan = w.roots().remap(plan);
                ProjectCheck.check(plan, w.roots(), w.registry());
            }
            IMap<String, String> cancelledMap = hz.getMap(Configs.CANCELLED);
            BooleanSupplier cancelled = new BooleanSupplier() {
                private long next;
                private boolean last;

                @Override
                public boolean getAsBoolean() { // asked per frame: look at the cluster at most twice a second
                    long now = System.nanoTime();
                    if (!last && now - next >= 0) {
                        next = now + 500_000_000L;
                        last = cancelledMap.containsKey(planId);
                    }
                    return last;
                }
            };
            SegmentListener listener = new SegmentListener() {
                private long next;

                @Override
                public void progress(int i, long done) {
                    long now = System.nanoTime();
                    if (now - next >= 0) {
                        next = now + 250_000_000L;
                        put(status, key, "running", done, me);
                    }
                }
            };
            SegmentResult r = w.exporter().encode(plan, index, listener, cancelled);
            put(status, key, "done", r.frames(), me);
            return new Outcome(index, r.file(), r.sha256(), r.frames(), r.bytes(), me,
                    (System.nanoTime() - t0) / 1e9, null, false);
        } catch (ExportException e) {
            put(status, key, "failed: " + e.getMessage(), 0, me);
            return failed(me, e.getMessage(), e.cancelled(), t0);
        } catch (MediaRoots.Refusal e) {
            put(status, key, "refused: " + e.getMessage(), 0, me);
            return failed(me, e.getMessage(), false, t0);
        } catch (RuntimeException | IOException | LinkageError e) {
            put(status, key, "failed: " + e, 0, me);
            return failed(me, e.toString(), false, t0);
        }
    }

    private SegmentPlan load(Worker w) throws IOException, MediaRoots.Refusal {
        Path file = w.roots() == null ? Path.of(planFile) : w.roots().map(Path.of(planFile));
        if (!Files.isRegularFile(file)) {
            if (w.roots() != null) {
                w.roots().check(file, "plan file");
            }
            // not on this node's storage: the carried copy (its paths are mapped below; segments still go to the
            // plan's work folder, which must be shared)
            Path tmp = Files.createTempFile("lumaflow-plan-", ".json");
            Files.writeString(tmp, planText, StandardCharsets.UTF_8);
            try {
                return w.exporter().load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return w.exporter().load(file);
    }

    private Outcome failed(String me, String why, boolean cancelled, long t0) {
        return new Outcome(index, null, null, 0, 0, me, (System.nanoTime() - t0) / 1e9, why, cancelled);
    }

    private void put(IMap<String, String> status, String key, String state, long done, String me) {
        try {
            status.set(key, new SegmentState(state, done, frames, me, System.currentTimeMillis()).encode());
        } catch (RuntimeException e) {
            // status is informative only: never fail a segment for it
        }
    }
}
