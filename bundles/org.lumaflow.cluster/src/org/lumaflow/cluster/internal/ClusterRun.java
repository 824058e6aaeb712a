package org.lumaflow.cluster.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.durableexecutor.DurableExecutorServiceFuture;
import com.hazelcast.durableexecutor.StaleTaskIdException;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;

import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * One segmented export on a cluster (or the embedded member): one durable task per segment, spread over the members;
 * a task whose member dies is re-run by Hazelcast on the partition's backup member, and this side then waits for
 * that run's result; a task that fails is submitted again up to {@link #ATTEMPTS} times in all.
 */
final class ClusterRun {

    /** Runs of one segment before the export fails (lost members not counted: Hazelcast re-runs those). */
    static final int ATTEMPTS = 3;
    /** Lost members waited out per segment before it fails. */
    static final int LOSSES = 5;

    private final HazelcastInstance hz;
    private final SegmentPlan plan;
    private final SegmentListener listener;
    private final BooleanSupplier cancelled;

    private final class Pending {
        final Segment seg;
        DurableExecutorServiceFuture<SegmentTask.Outcome> future;
        int attempts;
        int losses;
        SegmentTask.Outcome done;
        String lastState = "";

        Pending(Segment seg) {
            this.seg = seg;
        }
    }

    ClusterRun(HazelcastInstance hz, SegmentPlan plan, SegmentListener listener, BooleanSupplier cancelled) {
        this.hz = hz;
        this.plan = plan;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    List<SegmentResult> run() throws ExportException {
        String planText;
        try {
            planText = Files.readString(plan.planFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException("cannot read the plan " + plan.planFile() + ": " + e.getMessage(), e);
        }
        DurableExecutorService ex = hz.getDurableExecutorService(Configs.EXECUTOR);
        IMap<String, String> status = hz.getMap(Configs.STATUS);
        List<Member> members = new ArrayList<>(hz.getCluster().getMembers());
        reportMembers();
        List<Pending> pending = new ArrayList<>();
        for (Segment s : plan.segments()) {
            Pending p = new Pending(s);
            status.set(SegmentState.key(plan.id(), s.index()),
                    new SegmentState("queued", 0, s.frames(), "", System.currentTimeMillis()).encode());
            listener.state(s.index(), "queued");
            p.future = ex.submitToKeyOwner(task(s, planText), key(s.index(), members));
            p.attempts = 1;
            pending.add(p);
        }
        int left = pending.size();
        while (left > 0) {
            if (cancelled.getAsBoolean()) {
                hz.getMap(Configs.CANCELLED).set(plan.id(), "cancelled");
                throw new ExportException("segmented export cancelled", null, true);
            }
            for (Pending p : pending) {
                if (p.done == null && p.future.isDone()) {
                    left -= collect(ex, p, planText, members) ? 1 : 0;
                }
            }
            report(status, pending);
            if (left > 0) {
                sleep(100);
            }
        }
        report(status, pending);
        List<SegmentResult> out = new ArrayList<>();
        for (Pending p : pending) {
            out.add(p.done.result());
        }
        return out;
    }

    /** Looks at a finished future: true when the segment is committed; resubmits or waits out a lost member. */
    private boolean collect(DurableExecutorService ex, Pending p, String planText, List<Member> members)
            throws ExportException {
        int i = p.seg.index();
        SegmentTask.Outcome o;
        try {
            o = p.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("segmented export interrupted", e, true);
        } catch (ExecutionException e) {
            // not the task (it never throws): its member left or the call was lost; Hazelcast re-runs the task on
            // the partition's backup, so wait for that run's result (or submit again when it is gone)
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (++p.losses > LOSSES) {
                throw new ExportException("segment " + i + " lost " + LOSSES + " times, last: " + c, c);
            }
            listener.state(i, "lost its worker (" + c.getClass().getSimpleName() + "), waiting for the re-run");
            long taskId = p.future.getTaskId();
            if (c instanceof StaleTaskIdException) {
                p.future = ex.submitToKeyOwner(task(p.seg, planText), key(i, members));
            } else {
                p.future = retrieve(ex, taskId);
            }
            return false;
        }
        if (o.error() == null) {
            p.done = o;
            listener.state(i, "done on " + o.worker());
            return true;
        }
        if (o.cancelled()) {
            throw new ExportException("segment " + i + " was cancelled on " + o.worker(), null, true);
        }
        if (p.attempts >= ATTEMPTS) {
            throw new ExportException("segment " + i + " failed on " + o.worker() + " after " + p.attempts
                    + " attempts: " + o.error(), null);
        }
        p.attempts++;
        listener.state(i, "retry " + p.attempts + ": " + o.error());
        members.clear();
        members.addAll(hz.getCluster().getMembers());
        // the next member in turn, so a worker that refused the segment is not asked again while others are there
        p.future = ex.submitToKeyOwner(task(p.seg, planText), key(i + p.attempts - 1, members));
        return false;
    }

    @SuppressWarnings("unchecked")
    private static DurableExecutorServiceFuture<SegmentTask.Outcome> retrieve(DurableExecutorService ex,
            long taskId) {
        return (DurableExecutorServiceFuture<SegmentTask.Outcome>) (Object) ex.retrieveResult(taskId);
    }

    private SegmentTask task(Segment s, String planText) {
        return new SegmentTask(plan.id(), plan.planFile().toString(), planText, s.index(), s.frames());
    }

    /** A key whose partition the {@code n}-th member (in turn) owns, so segments spread evenly over the members. */
    private String key(int n, List<Member> members) {
        String base = plan.id() + "/" + n;
        if (members.isEmpty()) {
            return base;
        }
        Member target = members.get(Math.floorMod(n, members.size()));
        for (int salt = 0; salt < 2000; salt++) {
            String k = base + "#" + salt;
            Partition part = hz.getPartitionService().getPartition(k);
            if (part != null && target.equals(part.getOwner())) {
                return k;
            }
        }
        return base;
    }

    private final Map<Integer, Long> lastProgress = new HashMap<>();
    private final Set<String> seenStates = new HashSet<>();

    private List<String> lastMembers = List.of();

    /** Tells the listener the members ({@code host:port, N slots}) when they changed. */
    private void reportMembers() {
        List<String> now = new ArrayList<>();
        try {
            for (Member m : hz.getCluster().getMembers()) {
                String slots = m.getAttribute(Configs.ATTR_SLOTS);
                now.add(m.getAddress().getHost() + ":" + m.getAddress().getPort() + ", "
                        + (slots == null ? "1" : slots) + ("1".equals(slots) || slots == null ? " slot" : " slots"));
            }
        } catch (RuntimeException e) {
            return; // the client is reconnecting: next time
        }
        if (!now.equals(lastMembers)) {
            lastMembers = List.copyOf(now);
            listener.members(lastMembers);
        }
    }

    /** Forwards membership, state changes and progress from the status map to the listener. */
    private void report(IMap<String, String> status, List<Pending> pending) {
        reportMembers();
        Set<String> keys = new HashSet<>();
        for (Pending p : pending) {
            keys.add(SegmentState.key(plan.id(), p.seg.index()));
        }
        Map<String, String> now;
        try {
            now = status.getAll(keys);
        } catch (RuntimeException e) {
            return; // a member is leaving: next time
        }
        for (Pending p : pending) {
            SegmentState s = SegmentState.decode(now.get(SegmentState.key(plan.id(), p.seg.index())));
            if (s == null) {
                continue;
            }
            int i = p.seg.index();
            String st = s.state().equals("running") ? "running on " + s.worker() : null;
            if (st != null && !st.equals(p.lastState) && seenStates.add(i + " " + st + " " + p.attempts)) {
                p.lastState = st;
                listener.state(i, st);
            }
            Long before = lastProgress.get(i);
            if (before == null || before != s.done()) {
                lastProgress.put(i, s.done());
                listener.progress(i, s.done());
            }
        }
    }

    private static void sleep(long ms) throws ExportException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("segmented export interrupted", e, true);
        }
    }
}
