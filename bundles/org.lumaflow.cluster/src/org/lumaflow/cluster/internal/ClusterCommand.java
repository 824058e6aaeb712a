package org.lumaflow.cluster.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;
import org.osgi.service.component.annotations.Component;

/** {@code lumaflow cluster status --cluster NAME}: members, segment states and progress. */
@Component(service = CliCommand.class)
public final class ClusterCommand implements CliCommand {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String summary() {
        return "show a segmented-export cluster: members, segments and their progress";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow cluster status --cluster NAME [--members HOST[:PORT],...]
                  connects to cluster NAME as a client and prints its members (address, slots, media roots) and
                  every segment it knows of: export, index, state, frames done of frames, worker.
                  --members LIST   members to connect to, comma-separated (default: 127.0.0.1)""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        String cluster = null;
        String members = "127.0.0.1";
        String verb = null;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            switch (a) {
                case "--cluster" -> cluster = Options.value(argv, ++i, a);
                case "--members" -> members = Options.value(argv, ++i, a);
                default -> {
                    if (verb != null) {
                        throw new UsageException("unexpected argument " + a);
                    }
                    verb = Options.positional(a);
                }
            }
        }
        if (!"status".equals(verb)) {
            throw new UsageException(verb == null ? "expected: status" : "unknown sub-command " + verb);
        }
        if (cluster == null) {
            throw new UsageException("--cluster NAME is required");
        }
        HazelcastInstance hz;
        try {
            hz = HazelcastClient.newHazelcastClient(Configs.client(cluster, Configs.members(members)));
        } catch (RuntimeException e) {
            err.println("lumaflow cluster: cannot connect to cluster '" + cluster + "' at " + members + ": "
                    + e.getMessage());
            return 1;
        }
        try {
            print(hz, cluster, out);
        } finally {
            hz.shutdown();
        }
        return 0;
    }

    static void print(HazelcastInstance hz, String cluster, PrintStream out) {
        var ms = hz.getCluster().getMembers();
        out.printf(Locale.ROOT, "cluster %s: %d member(s), %d slot(s)%n", cluster, ms.size(),
                HazelcastSegmentExecutor.parallelism(hz));
        for (Member m : ms) {
            out.printf(Locale.ROOT, "  member %s:%d  slots %s  media roots %s%n", m.getAddress().getHost(),
                    m.getAddress().getPort(), m.getAttribute(Configs.ATTR_SLOTS), m.getAttribute(Configs.ATTR_ROOTS));
        }
        Map<String, String> segs = new TreeMap<>(hz.<String, String>getMap(Configs.STATUS));
        out.printf(Locale.ROOT, "segments: %d%n", segs.size());
        long now = System.currentTimeMillis();
        for (Map.Entry<String, String> e : segs.entrySet()) {
            SegmentState s = SegmentState.decode(e.getValue());
            if (s == null) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-44s %-9s %6d/%-6d %s (%ds ago)%n", e.getKey(),
                    s.state().length() > 60 ? s.state().substring(0, 60) + "..." : s.state(), s.done(), s.frames(),
                    s.worker().isEmpty() ? "-" : s.worker(), Math.max(0, (now - s.updated()) / 1000));
        }
    }
}
