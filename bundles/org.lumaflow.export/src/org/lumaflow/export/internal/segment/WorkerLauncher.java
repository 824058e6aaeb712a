package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.lumaflow.core.internal.AtomicFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The command line of a segment worker process. In the installed product: the product's own launcher,
 * {@code lumaflow segment-worker PLAN INDEX} (same JVM options, codec pack and bundles). Elsewhere (a development
 * or test runtime, which has no launcher): the running OSGi framework started again with the same bundles, the same
 * JVM options and a copy of its configuration, in worker mode ({@link WorkerMode}).
 */
final class WorkerLauncher {

    static final String WORKER_PROPERTY = "lumaflow.segment.worker";
    static final String PARENT_PROPERTY = "lumaflow.segment.parent";
    static final String GPU_PROPERTY = "lumaflow.gpu.device";
    /** The render backend ({@code --backend}): workers render where the export was asked to. */
    static final String BACKEND = "lumaflow.backend";
    static final String DECODE_THREADS = "lumaflow.decode.threads";
    static final String ENCODER_THREADS = "lumaflow.export.encoderThreads";

    private WorkerLauncher() {
    }

    /**
     * A worker for segment {@code index} of the plan in {@code planFile}, on GPU {@code gpu} (-1: any), with threads
     * sized for {@code cpus} cores (0: the whole machine's): the JVM's processor count (GC, JIT and pixel workers),
     * decoder threads and encoder threads (x264's own rule, 1.5 per core), each unless the parent was given one.
     */
    static ProcessBuilder command(Path planFile, int index, int gpu, int cpus) throws IOException {
        List<String> props = new ArrayList<>();
        props.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        if (gpu >= 0) {
            props.add("-D" + GPU_PROPERTY + "=" + gpu);
        }
        if (cpus > 0) {
            props.add("-XX:ActiveProcessorCount=" + cpus);
            props.add("-D" + DECODE_THREADS + "=" + cpus);
            props.add("-D" + ENCODER_THREADS + "=" + (cpus * 3 + 1) / 2);
        }
        for (String k : List.of("lumaflow.export.direct", "lumaflow.export.failEncoder", BACKEND, DECODE_THREADS,
                ENCODER_THREADS)) {
            if (System.getProperty(k) != null) {
                props.add("-D" + k + "=" + System.getProperty(k));
            }
        }
        String home = System.getProperty("lumaflow.home");
        if (home != null && Files.isExecutable(Path.of(home, "lumaflow"))) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(home, "lumaflow").toString(), "segment-worker",
                    planFile.toString(), Integer.toString(index));
            Map<String, String> env = pb.environment();
            env.put("LUMAFLOW_JAVA_OPTS", (env.getOrDefault("LUMAFLOW_JAVA_OPTS", "") + " " + String.join(" ", props))
                    .trim());
            return pb;
        }
        return relaunch(planFile, index, props);
    }

    private static ProcessBuilder relaunch(Path planFile, int index, List<String> props) throws IOException {
        String framework = System.getProperty("osgi.framework");
        String configArea = System.getProperty("osgi.configuration.area");
        if (framework == null || configArea == null) {
            throw new IOException("cannot start a segment worker: neither a product launcher (lumaflow.home) nor an"
                    + " Equinox framework (osgi.framework, osgi.configuration.area) to start again");
        }
        Path config = workerConfig(planFile.getParent(), Path.of(URI.create(configArea)));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-D" + WORKER_PROPERTY)
                    && !a.startsWith("-Dlumaflow.segments.inprocess") && !a.startsWith("-D" + GPU_PROPERTY)
                    && !a.startsWith("-D" + PARENT_PROPERTY)) {
                cmd.add(a);
            }
        }
        cmd.addAll(props);
        cmd.add("-D" + WORKER_PROPERTY + "=" + planFile + "#" + index);
        cmd.add("-cp");
        cmd.add(Path.of(URI.create(framework)).toString());
        cmd.add("org.eclipse.core.runtime.adaptor.EclipseStarter");
        cmd.add("-configuration");
        cmd.add(config.toUri().toString());
        return new ProcessBuilder(cmd);
    }

    /**
     * A configuration for worker frameworks (one per plan, in its work folder): the running one's bundles, no
     * application, the exporter started (its {@link WorkerMode} starts the rest).
     */
    private static synchronized Path workerConfig(Path workDir, Path area) throws IOException {
        Path dir = workDir.resolve(".worker-osgi");
        Path ini = dir.resolve("config.ini");
        if (Files.exists(ini)) {
            return dir;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(area.resolve("config.ini"))) {
            p.load(in);
        }
        Bundle self = FrameworkUtil.getBundle(WorkerLauncher.class);
        String location = self == null ? "" : self.getLocation();
        location = location.substring(location.lastIndexOf('/') + 1); // the jar (or folder) name
        String bundles = p.getProperty("osgi.bundles", "");
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String b : bundles.split(",")) {
            String path = b.contains("@") ? b.substring(0, b.indexOf('@')) : b;
            if (!location.isEmpty() && path.endsWith("/" + location) && !b.contains("@")) {
                b = b + "@start";
                found = true;
            }
            out.add(b);
        }
        if (!found) {
            throw new IOException("cannot start a segment worker: the exporter bundle (" + location + ") is not in "
                    + area.resolve("config.ini") + "'s osgi.bundles");
        }
        p.setProperty("osgi.bundles", String.join(",", out));
        p.remove("eclipse.application");
        p.remove("eclipse.product");
        p.setProperty("eclipse.ignoreApp", "true");
        p.setProperty("osgi.noShutdown", "true");
        p.setProperty("osgi.configuration.cascaded", "false");
        Files.createDirectories(dir);
        AtomicFiles.write(ini, (OutputStream o) -> p.store(o, "segment worker framework"));
        return dir;
    }
}
