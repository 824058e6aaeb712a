package org.lumaflow.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Child JVMs for tests that need a separate process (a cluster member, a recording killed with {@code kill -9}): each
 * runs an Equinox framework with this test runtime's bundles (exactly the code under test, compiled once, less the
 * test fragments, JUnit and Tycho's own) and one {@code lumaflow} CLI command in it ({@link ChildFrameworkMain}).
 * <p>
 * {@link #prepare} writes the bundle list and the launcher class under a work folder once; {@link #start} starts a
 * child whose output (stdout and stderr together) is collected by a daemon thread; {@link Child#await} waits for a
 * line of it. {@link #close} kills every child still running ({@code destroyForcibly}, i.e. SIGKILL on Linux).
 */
public final class ChildFramework implements AutoCloseable {

    private final String classpath;
    private final Path bundles;
    private final Path work;
    private final String heap;
    private final List<Child> children = new ArrayList<>();

    private ChildFramework(String classpath, Path bundles, Path work, String heap) {
        this.classpath = classpath;
        this.bundles = bundles;
        this.work = work;
        this.heap = heap;
    }

    /**
     * Writes the bundle list of {@code bc}'s framework and the launcher class under {@code work}; children get a heap
     * of {@code heap} (a {@code -Xmx} value such as {@code 384m}) and the serial collector.
     */
    public static ChildFramework prepare(BundleContext bc, Path work, String heap) throws IOException {
        Files.createDirectories(work);
        Path list = work.resolve("bundles.txt");
        Files.writeString(list, bundleList(bc));
        Path cp = work.resolve("cp");
        String res = ChildFrameworkMain.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(cp.resolve(res).getParent());
        try (InputStream in = ChildFrameworkMain.class.getClassLoader().getResourceAsStream(res)) {
            Files.copy(in, cp.resolve(res), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new ChildFramework(equinoxJar() + ":" + cp, list, work, heap);
    }

    /**
     * Starts a child running {@code lumaflow ARGS}, with its framework storage (and working folder)
     * {@code WORK/osgi-NAME}.
     */
    public Child start(String name, String... args) throws IOException {
        Path storage = work.resolve("osgi-" + name);
        Files.createDirectories(storage);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--enable-native-access") || a.startsWith("--add-modules")
                    || a.startsWith("-Dorg.bytedeco") || a.equals("-Djava.awt.headless=true")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED", "-cp", classpath, ChildFrameworkMain.class.getName(),
                bundles.toString(), storage.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(storage.toFile()).redirectErrorStream(true).start();
        Child c = new Child(name, p);
        Thread t = new Thread(c::pump, "child-" + name + "-output");
        t.setDaemon(true);
        t.start();
        synchronized (children) {
            children.add(c);
        }
        return c;
    }

    /** Kills every child still running (SIGKILL). */
    @Override
    public void close() {
        synchronized (children) {
            for (Child c : children) {
                c.kill();
            }
        }
    }

    /** A TCP port free on this machine now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A running child: its process and the lines it printed so far. */
    public static final class Child {

        private final String name;
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private boolean ended;

        Child(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        /** The child's process. */
        public Process process() {
            return process;
        }

        /** The name given to {@link ChildFramework#start}. */
        public String name() {
            return name;
        }

        /**
         * Waits for a line of output in which {@code pattern} is found (lines printed before included; the first
         * such line).
         *
         * @return the matcher of that line
         * @throws IllegalStateException with the output when the child ends or {@code timeout} passes first
         */
        public Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            synchronized (lines) {
                while (true) {
                    for (; seen < lines.size(); seen++) {
                        Matcher m = pattern.matcher(lines.get(seen));
                        if (m.find()) {
                            return m;
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (ended || left <= 0) {
                        throw new IllegalStateException("child " + name + (ended ? " ended" : " printed nothing")
                                + " matching '" + pattern + "'" + (ended ? "" : " within " + timeout)
                                + "; its output:\n" + tail(6000));
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        /** Waits up to {@code timeout} for the child to exit; its exit code, or throws with the output. */
        public int waitFor(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("child " + name + " still runs after " + timeout + "; its output:\n"
                        + tail(6000));
            }
            return process.exitValue();
        }

        /** Kills the child with SIGKILL ({@code destroyForcibly}) and waits until it is gone. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Everything printed so far. */
        public String output() {
            return tail(Integer.MAX_VALUE);
        }

        /** The last {@code chars} characters printed (for failure messages). */
        public String tail(int chars) {
            StringBuilder b = new StringBuilder();
            synchronized (lines) {
                for (String l : lines) {
                    b.append(l).append('\n');
                }
            }
            return b.length() > chars ? "..." + b.substring(b.length() - chars) : b.toString();
        }

        private void pump() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null;) {
                    add(l);
                }
            } catch (IOException e) {
                add("(output: " + e + ")");
            } finally {
                synchronized (lines) {
                    ended = true;
                    lines.notifyAll();
                }
            }
        }

        private void add(String line) {
            synchronized (lines) {
                lines.add(line);
                lines.notifyAll();
            }
        }
    }

    /** Bundle locations of this runtime (not the framework, JUnit, Tycho or test fragments), and the properties. */
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
                    || (n.startsWith("org.lumaflow.") && n.endsWith(".tests"))) {
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

    private static String equinoxJar() {
        String f = System.getProperty("osgi.framework");
        if (f != null && f.startsWith("file:")) {
            return Path.of(URI.create(f)).toString();
        }
        try {
            return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot locate the OSGi framework jar", e));
        }
    }
}
