package org.lumaflow.cluster.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;

import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.segment.SegmentExecutor;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code hazelcast} segment executor. As a service it runs segments on an embedded single Hazelcast member in this
 * process (no network: no join, no multicast, no phone home, no server socket); {@link #with} options
 * {@code cluster=NAME} and {@code members=host1,host2:5702,...} give one that joins that cluster as a client and runs
 * one durable task per segment on its workers. Both take the same path ({@link ClusterRun}).
 */
@Component(service = SegmentExecutor.class, property = "name=hazelcast")
public final class HazelcastSegmentExecutor implements SegmentExecutor {

    @Reference
    private SegmentedExporter exporter;
    @Reference
    private NodeRegistry registry;

    private final String cluster;
    private final List<String> members;
    private final int slots;
    private Worker embedded;

    /** For DS: the embedded member. */
    public HazelcastSegmentExecutor() {
        this(null, null, null, List.of(), Integer.getInteger("lumaflow.cluster.localSlots", 1));
    }

    /** Outside OSGi, or configured: {@code cluster == null} = the embedded member with {@code slots} slots. */
    public HazelcastSegmentExecutor(SegmentedExporter exporter, NodeRegistry registry, String cluster,
            List<String> members, int slots) {
        this.exporter = exporter;
        this.registry = registry;
        this.cluster = cluster;
        this.members = List.copyOf(members);
        this.slots = Math.max(1, slots);
    }

    @Override
    public String name() {
        return "hazelcast";
    }

    /** {@code cluster} (a cluster name: join it as a client), {@code members} (comma-separated), {@code slots}. */
    @Override
    public SegmentExecutor with(Map<String, String> options) {
        String c = options.get("cluster");
        String m = options.get("members");
        int s = options.containsKey("slots") ? Integer.parseInt(options.get("slots")) : slots;
        if (c == null) {
            return s == slots ? this : new HazelcastSegmentExecutor(exporter, registry, null, List.of(), s);
        }
        return new HazelcastSegmentExecutor(exporter, registry, c, Configs.members(m == null ? "127.0.0.1" : m), s);
    }

    @Override
    public int parallelism() {
        if (cluster == null) {
            return slots;
        }
        HazelcastInstance hz = connect();
        try {
            return parallelism(hz);
        } finally {
            hz.shutdown();
        }
    }

    /** Slots over the cluster's members (at least 1). */
    static int parallelism(HazelcastInstance hz) {
        int n = 0;
        for (Member m : hz.getCluster().getMembers()) {
            String s = m.getAttribute(Configs.ATTR_SLOTS);
            n += s == null ? 1 : Math.max(1, Integer.parseInt(s));
        }
        return Math.max(1, n);
    }

    @Override
    public List<SegmentResult> run(SegmentPlan plan, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException {
        if (cluster == null) {
            return new ClusterRun(embedded().hz(), plan, listener, cancelled).run();
        }
        HazelcastInstance hz;
        try {
            hz = connect();
        } catch (RuntimeException e) {
            throw new ExportException("cannot join cluster '" + cluster + "' at " + members + ": " + e.getMessage()
                    + " (are workers running there with --cluster " + cluster + "?)", e);
        }
        try {
            return new ClusterRun(hz, plan, listener, cancelled).run();
        } finally {
            hz.shutdown();
        }
    }

    private HazelcastInstance connect() {
        return HazelcastClient.newHazelcastClient(Configs.client(cluster, members));
    }

    /** The embedded member (started on first use). */
    public synchronized Worker embedded() {
        if (embedded == null) {
            HazelcastInstance hz = HazelcastInstanceFactory.newHazelcastInstance(Configs.embedded(slots), null,
                    Configs.noNetwork());
            embedded = new Worker(hz, exporter, registry, null).register();
        }
        return embedded;
    }

    @Deactivate
    public synchronized void deactivate() {
        if (embedded != null) {
            embedded.shutdown();
            embedded = null;
        }
    }
}
