package org.lumaflow.ui.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A virtual sound card for the UI test: a private PulseAudio daemon (user mode, its own runtime folder, exits by itself
 * when idle) with one null sink, whose monitor is recorded by {@code parec} while the studio plays into the sink. Each
 * chunk read is stamped with System.nanoTime(), so a captured sample can be placed in time next to the viewer's
 * frames. Needs the Debian packages {@code pulseaudio} and {@code pulseaudio-utils} (releng/setup/system-packages.sh).
 */
final class NullSink implements AutoCloseable {

    static final int RATE = 48_000;
    static final String SINK = "lumaflow_test";

    private final Path dir;
    private final Process daemon;
    private Process parec;
    private Thread reader;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    /** (nanoTime after a read, samples read so far), one pair per read. */
    private final List<long[]> stamps = new ArrayList<>();

    private NullSink(Path dir, Process daemon) {
        this.dir = dir;
        this.daemon = daemon;
    }

    /** The daemon's socket, as PulseAudio clients name a server. */
    String server() {
        return "unix:" + dir.resolve("native");
    }

    /** Starts the daemon and waits for its socket (10 s at most). */
    static NullSink start() throws IOException, InterruptedException {
        for (String tool : List.of("pulseaudio", "parec")) {
            if (!onPath(tool)) {
                throw new AssertionError("'" + tool + "' is missing: the audio steps need the Debian packages "
                        + "pulseaudio and pulseaudio-utils (releng/setup/system-packages.sh test installs them)");
            }
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "lumaflow-pulse");
        ProcessBuilder pb = new ProcessBuilder("pulseaudio", "--daemonize=no", "--use-pid-file=no", "-n",
                "--exit-idle-time=20", "--disallow-exit=no", "--log-target=file:" + dir.resolve("pulse.log"),
                "--load=module-null-sink sink_name=" + SINK + " rate=" + RATE + " channels=2",
                "--load=module-native-protocol-unix socket=" + dir.resolve("native") + " auth-anonymous=1");
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("PULSE_RUNTIME_PATH", dir.toString());
        pb.environment().put("PULSE_STATE_PATH", dir.resolve("state").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("pulse.out").toFile());
        NullSink sink = new NullSink(dir, pb.start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(dir.resolve("native"))) {
            if (!sink.daemon.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(dir.resolve("pulse.out")) ? Files.readString(dir.resolve("pulse.out")) : "";
                sink.close();
                throw new AssertionError("the PulseAudio daemon did not start: " + log);
            }
            Thread.sleep(50);
        }
        return sink;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Starts recording the sink's monitor (s16le stereo 48 kHz, 10 ms latency). */
    void record() throws IOException, InterruptedException {
        parec = new ProcessBuilder("parec", "--server=" + server(), "--device=" + SINK + ".monitor",
                "--format=s16le", "--rate=" + RATE, "--channels=2", "--raw", "--latency-msec=10")
                .redirectError(dir.resolve("parec.err").toFile()).start();
        InputStream in = parec.getInputStream();
        reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0;) {
                    long now = System.nanoTime();
                    synchronized (this) {
                        pcm.write(buf, 0, n);
                        stamps.add(new long[] {now, pcm.size() / 4});
                    }
                }
            } catch (IOException ignored) {
                // parec ended
            }
        }, "parec reader");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (samples() < RATE / 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (samples() == 0) {
            throw new AssertionError("parec recorded nothing from " + SINK + ".monitor: "
                    + Files.readString(dir.resolve("parec.err")));
        }
    }

    synchronized int samples() {
        return pcm.size() / 4;
    }

    /** The captured left and right channels, -1..1. */
    synchronized float[][] channels() {
        byte[] b = pcm.toByteArray();
        int n = b.length / 4;
        float[][] out = new float[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = (short) ((b[4 * i] & 0xff) | b[4 * i + 1] << 8) / 32768f;
            out[1][i] = (short) ((b[4 * i + 2] & 0xff) | b[4 * i + 3] << 8) / 32768f;
        }
        return out;
    }

    /**
     * When captured sample {@code s} was recorded (System.nanoTime() terms): the latest time consistent with every
     * read (a sample arrives after it was recorded), so true to within parec's 10 ms latency.
     */
    synchronized long nanosOf(int s) {
        long best = Long.MAX_VALUE;
        for (long[] st : stamps) {
            if (st[1] > s) {
                best = Math.min(best, st[0] - (long) ((st[1] - s) * 1e9 / RATE));
            }
        }
        return best;
    }

    @Override
    public void close() throws InterruptedException {
        if (parec != null) {
            parec.destroy();
            parec.waitFor(5, TimeUnit.SECONDS);
        }
        daemon.destroy();
        if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
        try (var files = Files.walk(dir)) { // the private runtime folder goes with the daemon
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
