package org.lumaflow.cluster.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Worker JVMs for the cluster test: each is a separate Java process (small heap) running an Equinox framework with
 * this test runtime's bundles (so exactly the code under test, compiled once) and the {@code lumaflow worker} command
 * in it ({@link WorkerMain}), on 127.0.0.1.
 */
final class ClusterWorkers implements AutoCloseable {

    private static final Pattern JOINED = Pattern.compile("worker (hazelcast:\\S+) joined");

    /** A worker process and its id ({@code hazelcast:127.0.0.1:PORT}, once it joined). */
    record Node(Process process, String id, StringBuffer log) {
    }

    final List<Node> nodes = new ArrayList<>();
    final String members;
    private final Map<Process, String> ids = new ConcurrentHashMap<>();

    /** Starts {@code n} workers of {@code cluster} with media root {@code root}; waits until each has joined. */
    ClusterWorkers(BundleContext bc, Path work, String cluster, int n, Path root) throws Exception {
        String classpath = prepare(bc, work);
        Path bundles = work.resolve("bundles.txt");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(freePort());
        }
        StringBuilder m = new StringBuilder();
        for (int p : ports) {
            m.append(m.isEmpty() ? "" : ",").append("127.0.0.1:").append(p);
        }
        members = m.toString();
        List<CountDownLatch> joined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process p = command(classpath, bundles, work.resolve("osgi-" + i), "worker", "--cluster", cluster,
                    "--members", members, "--port", Integer.toString(ports.get(i)), "--media-root",
                    root.toString()).start();
            StringBuffer log = new StringBuffer();
            CountDownLatch j = new CountDownLatch(1);
            joined.add(j);
            Thread t = new Thread(() -> pump(p, log, j), "worker-" + i + "-output");
            t.setDaemon(true);
            t.start();
            nodes.add(new Node(p, null, log));
        }
        for (int i = 0; i < n; i++) {
            if (!joined.get(i).await(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("worker " + i + " did not join within 90 s; its output:\n"
                        + nodes.get(i).log());
            }
        }
    }

    /** Writes the bundle list and the launcher class under {@code work}; returns the child's class path. */
    static String prepare(BundleContext bc, Path work) throws Exception {
        Files.writeString(work.resolve("bundles.txt"), bundleList(bc));
        Path cp = work.resolve("cp");
        String res = "org/lumaflow/cluster/tests/WorkerMain.class";
        Files.createDirectories(cp.resolve(res).getParent());
        try (InputStream in = WorkerMain.class.getClassLoader().getResourceAsStream(res)) {
            Files.copy(in, cp.resolve(res));
        }
        return equinoxJar() + ":" + cp;
    }

    /** A JVM (384 MB heap) running {@code lumaflow ARGS} in a framework of the listed bundles. */
    static ProcessBuilder command(String classpath, Path bundles, Path storage, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx384m");
        cmd.add("-XX:+UseSerialGC");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--enable-native-access") || a.startsWith("--add-modules")
                    || a.startsWith("-Dorg.bytedeco") || a.equals("-Djava.awt.headless=true")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED", "-cp", classpath, WorkerMain.class.getName(),
                bundles.toString(), storage.toString()));
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ProcessBuilder(cmd).directory(storage.toFile()).redirectErrorStream(true);
    }

    private void pump(Process p, StringBuffer log, CountDownLatch joined) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null;) {
                log.append(l).append('\n');
                Matcher mt = JOINED.matcher(l);
                if (mt.find()) {
                    ids.put(p, mt.group(1));
                    joined.countDown();
                }
            }
        } catch (IOException e) {
            log.append("(output: ").append(e).append(")\n");
        }
    }

    /** The id of worker {@code i} ({@code hazelcast:127.0.0.1:PORT}). */
    String id(int i) {
        return ids.get(nodes.get(i).process());
    }

    /** The worker index of id {@code id}, or -1. */
    int indexOf(String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (id.equals(id(i))) {
                return i;
            }
        }
        return -1;
    }

    /** All workers' output, for failure messages. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            String l = nodes.get(i).log().toString();
            b.append("--- worker ").append(i).append(" (").append(id(i)).append("):\n")
                    .append(l.length() > 4000 ? "..." + l.substring(l.length() - 4000) : l);
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.process().destroyForcibly();
        }
    }

    /** Bundle locations of this runtime (not the framework itself, JUnit or the test fragment), and the properties. */
    private static String bundleList(BundleContext bc) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("osgi.dev", "org.osgi.framework.bootdelegation", "osgi.compatibility.bootdelegation",
                "org.osgi.framework.system.packages.extra")) {
            String v = bc.getProperty(k);
            if (v != null) {
                b.append("prop:").append(k).append('=').append(v).append('\n');
            }
        }
        for (Bundle x : bc.getBundles()) {
            String n = x.getSymbolicName();
            if (x.getBundleId() == 0 || n == null || n.contains("junit") || n.contains("surefire")
                    || n.contains("tycho") || n.contains("opentest4j") || n.contains("apiguardian")
                    || n.equals("org.lumaflow.cluster.tests")) {
                continue;
            }
            b.append(absolute(x.getLocation(), bc.getProperty("osgi.install.area"))).append('\n');
        }
        return b.toString();
    }

    /** Tycho's {@code initial@reference:file:RELATIVE} as {@code reference:file:/ABSOLUTE}. */
    private static String absolute(String location, String installArea) {
        String l = location.startsWith("initial@") ? location.substring(8) : location;
        String prefix = l.startsWith("reference:") ? "reference:" : "";
        String rest = l.substring(prefix.length());
        if (rest.startsWith("file:") && !rest.startsWith("file:/") && installArea != null) {
            Path base = Path.of(URI.create(installArea.endsWith("/") ? installArea : installArea + "/"));
            return prefix + base.resolve(rest.substring(5)).normalize().toUri();
        }
        return prefix + rest;
    }

    private static String equinoxJar() throws Exception {
        String f = System.getProperty("osgi.framework");
        if (f != null && f.startsWith("file:")) {
            return Path.of(URI.create(f)).toString();
        }
        return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
