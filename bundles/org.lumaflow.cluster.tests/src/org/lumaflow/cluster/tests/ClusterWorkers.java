package org.lumaflow.cluster.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.lumaflow.testsupport.ChildFramework;
import org.lumaflow.testsupport.ChildFramework.Child;
import org.osgi.framework.BundleContext;

/**
 * Worker JVMs for the cluster test: each is a separate Java process (384 MB heap, {@link ChildFramework}) running the
 * {@code lumaflow worker} command on 127.0.0.1.
 */
final class ClusterWorkers implements AutoCloseable {

    private static final Pattern JOINED = Pattern.compile("worker (hazelcast:\\S+) joined");

    final List<Child> nodes = new ArrayList<>();
    final String members;
    private final List<String> ids = new ArrayList<>();
    private final ChildFramework children;

    /** Starts {@code n} workers of {@code cluster} with media root {@code root}; waits until each has joined. */
    ClusterWorkers(BundleContext bc, Path work, String cluster, int n, Path root) throws Exception {
        children = ChildFramework.prepare(bc, work, "384m");
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ports.add(ChildFramework.freePort());
            }
            StringBuilder m = new StringBuilder();
            for (int p : ports) {
                m.append(m.isEmpty() ? "" : ",").append("127.0.0.1:").append(p);
            }
            members = m.toString();
            for (int i = 0; i < n; i++) {
                nodes.add(children.start(Integer.toString(i), "worker", "--cluster", cluster, "--members", members,
                        "--port", Integer.toString(ports.get(i)), "--media-root", root.toString()));
            }
            for (Child c : nodes) {
                ids.add(c.await(JOINED, Duration.ofSeconds(90)).group(1));
            }
        } catch (Exception | Error e) {
            children.close();
            throw e;
        }
    }

    /** The id of worker {@code i} ({@code hazelcast:127.0.0.1:PORT}). */
    String id(int i) {
        return ids.get(i);
    }

    /** The worker index of id {@code id}, or -1. */
    int indexOf(String id) {
        return ids.indexOf(id);
    }

    /** All workers' output, for failure messages. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            b.append("--- worker ").append(i).append(" (").append(id(i)).append("):\n").append(nodes.get(i).tail(4000));
        }
        return b.toString();
    }

    @Override
    public void close() {
        children.close();
    }
}
