package org.lumaflow.cluster.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.core.HazelcastInstance;

import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.export.segment.SegmentedExporter;

/**
 * What a member's segment tasks work with: this product's exporter and node registry, and the member's media roots
 * (null = the embedded local member, which reads what the exporting process itself may read). Registered by
 * Hazelcast instance name so a {@link SegmentTask} deserialized on the member finds it.
 */
public record Worker(HazelcastInstance hz, SegmentedExporter exporter, NodeRegistry registry, MediaRoots roots) {

    private static final Map<String, Worker> BY_INSTANCE = new ConcurrentHashMap<>();

    /** Registers this worker for its instance; returns it. */
    public Worker register() {
        BY_INSTANCE.put(hz.getName(), this);
        return this;
    }

    /** The worker of instance {@code name}, or null. */
    public static Worker of(String name) {
        return BY_INSTANCE.get(name);
    }

    /** {@code hazelcast:HOST:PORT} (or {@code hazelcast:local} for the embedded member). */
    public String id() {
        return roots == null ? "hazelcast:local"
                : "hazelcast:" + hz.getCluster().getLocalMember().getAddress().getHost() + ":"
                        + hz.getCluster().getLocalMember().getAddress().getPort();
    }

    /** Leaves the cluster and forgets this worker. */
    public void shutdown() {
        BY_INSTANCE.remove(hz.getName());
        hz.shutdown();
    }
}
