package org.lumaflow.cluster.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceFactory;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.export.segment.SegmentedExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code lumaflow worker --cluster NAME --members ...}: a render node of a segmented-export cluster. */
@Component(service = CliCommand.class)
public final class WorkerCommand implements CliCommand {

    @Reference
    private SegmentedExporter exporter;
    @Reference
    private NodeRegistry registry;

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String summary() {
        return "run as a render node of a segmented-export cluster (Hazelcast member)";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow worker --cluster NAME [--members HOST[:PORT],...] [--media-root DIR|FROM=TO ...]
                                       [--port P] [--slots N]
                  joins cluster NAME as a member and encodes the segments that `lumaflow export --cluster NAME`
                  submits, until stopped (Ctrl-C). Cluster traffic is not encrypted: use a trusted network
                  (see docs/cluster.md).
                  --cluster NAME   the cluster's name (members and clients of other names are ignored)
                  --members LIST   the members to join, comma-separated (default: 127.0.0.1)
                  --media-root D   a folder media, projects and work folders may be in (repeatable; default: the
                                   current folder); FROM=TO maps the exporting side's FROM to this node's TO
                  --port P         first port to listen on (default 5701; the next free one up to P+99)
                  --slots N        segments encoded at once (default 1: an encoder uses all cores)""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        String cluster = null;
        String members = "127.0.0.1";
        List<String> roots = new ArrayList<>();
        int port = 5701;
        int slots = 1;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "--cluster" -> cluster = Options.value(argv, ++i, a);
                case "--members" -> members = Options.value(argv, ++i, a);
                case "--media-root" -> roots.add(Options.value(argv, ++i, a));
                case "--port" -> port = positiveInt(Options.value(argv, ++i, a), a, 65535);
                case "--slots" -> slots = positiveInt(Options.value(argv, ++i, a), a, 64);
                default -> throw new UsageException("unexpected argument " + Options.positional(a));
            }
        }
        if (cluster == null || cluster.isBlank()) {
            throw new UsageException("--cluster NAME is required");
        }
        if (roots.isEmpty()) {
            roots.add(".");
        }
        MediaRoots mr = MediaRoots.parse(roots);
        HazelcastInstance hz;
        try {
            hz = HazelcastInstanceFactory.newHazelcastInstance(
                    Configs.member(cluster, Configs.members(members), port, slots, mr));
        } catch (RuntimeException e) {
            err.println("lumaflow worker: cannot start a member of cluster '" + cluster + "': " + e.getMessage());
            return 1;
        }
        Worker w = new Worker(hz, exporter, registry, mr).register();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            w.shutdown(); // leave cleanly: running segments are re-run by the others
            stop.countDown();
        }, "lumaflow-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("worker " + w.id() + " joined cluster '" + cluster + "' (" + hz.getCluster().getMembers().size()
                + " members); media roots " + mr.describe() + "; " + slots + " slot(s)");
        out.flush();
        stop.await();
        return 0;
    }

    private static int positiveInt(String v, String opt, int max) throws UsageException {
        double d = Options.nonNegative(v, opt);
        if (d < 1 || d > max || d != Math.rint(d)) {
            throw new UsageException("bad " + opt + " '" + v + "': expected a whole number 1.." + max);
        }
        return (int) d;
    }
}
