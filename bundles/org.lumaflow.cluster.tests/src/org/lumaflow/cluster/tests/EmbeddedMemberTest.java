package org.lumaflow.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cluster.internal.Configs;
import org.lumaflow.cluster.internal.HazelcastSegmentExecutor;
import org.lumaflow.cluster.internal.SegmentState;
import org.lumaflow.cluster.internal.SegmentTask;
import org.lumaflow.cluster.internal.Worker;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.testsupport.OsgiTests;

import com.hazelcast.core.HazelcastInstance;

/** The embedded member (the executor's local default): a real Hazelcast member that opens no network socket. */
class EmbeddedMemberTest {

    @TempDir
    Path dir;

    @Test
    void embeddedMemberRunsDurableTasksWithoutOpeningASocket() throws Exception {
        NodeRegistry registry = OsgiTests.service(OsgiTests.startAll(EmbeddedMemberTest.class), NodeRegistry.class);
        Set<String> before = Sockets.inet();
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) { // the check sees a listening socket of this process
            Set<String> with = new HashSet<>(Sockets.inet());
            with.removeAll(before);
            assertEquals(1, with.size(), "the socket check sees a socket opened: " + with);
        }
        HazelcastSegmentExecutor ex = new HazelcastSegmentExecutor(null, registry, null, List.of(), 2);
        try {
            Worker w = ex.embedded();
            HazelcastInstance hz = w.hz();
            assertEquals(1, hz.getCluster().getMembers().size());
            assertEquals(2, ex.parallelism());
            assertEquals("hazelcast:local", w.id());
            // a real durable task through the member's executor and status map: a plan that is not there fails in
            // the task (an Outcome, not an exception), naming the file, and the status map says so
            Path missing = dir.resolve("job/plan.json");
            SegmentTask.Outcome o = hz.getDurableExecutorService(Configs.EXECUTOR)
                    .submitToKeyOwner(new SegmentTask("p0", missing.toString(), "{}", 3, 7), "k").get();
            assertNotNull(o.error());
            assertEquals(3, o.index());
            assertEquals("hazelcast:local", o.worker());
            SegmentState s = SegmentState.decode(hz.<String, String>getMap(Configs.STATUS).get(
                    SegmentState.key("p0", 3)));
            assertTrue(s.state().startsWith("failed: "), s.state());
            assertEquals(7, s.frames());
            Set<String> opened = new HashSet<>(Sockets.inet());
            opened.removeAll(before);
            assertEquals(Set.of(), opened, "sockets the embedded member opened");
        } finally {
            ex.deactivate();
        }
    }

    /** The executor's default, the embedded member, runs a whole segmented export in this process. */
    @Test
    void embeddedMemberRunsASegmentedExport() throws Exception {
        var bc = OsgiTests.startAll(EmbeddedMemberTest.class);
        var segmented = OsgiTests.service(bc, org.lumaflow.export.segment.SegmentedExporter.class);
        NodeRegistry registry = OsgiTests.service(bc, NodeRegistry.class);
        HazelcastSegmentExecutor ex = new HazelcastSegmentExecutor(segmented, registry, null, List.of(), 2);
        try {
            var plan = segmented.plan(ClusterExportTest.timeline(), dir,
                    org.lumaflow.export.ExportSettings.to(dir.resolve("local.mp4")).withQc(false), 3);
            List<List<String>> members = new java.util.concurrent.CopyOnWriteArrayList<>();
            var results = ex.run(plan, new org.lumaflow.export.segment.SegmentListener() {
                @Override
                public void members(List<String> m) {
                    members.add(m);
                }
            }, () -> false);
            assertEquals(3, results.size());
            // the listener hears the members once (they do not change): the embedded member with its 2 slots
            assertEquals(1, members.size(), members.toString());
            assertEquals(1, members.get(0).size(), members.toString());
            assertTrue(members.get(0).get(0).endsWith(":5701, 2 slots"), members.toString());
            for (var r : results) {
                assertEquals("hazelcast:local", r.worker());
            }
            var joined = segmented.join(plan, results, org.lumaflow.export.ExportListener.none(), () -> false);
            assertEquals(ClusterExportTest.FRAMES, joined.frames());
        } finally {
            ex.deactivate();
        }
    }
}
