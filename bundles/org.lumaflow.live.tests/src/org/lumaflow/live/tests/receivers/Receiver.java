package org.lumaflow.live.tests.receivers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real receiving program on loopback started by a test (the bundled ffmpeg listening, nginx-rtmp,
 * srt-live-transmit, the werift WHIP receiver): its command, log file and output file. {@link #kill()} and
 * {@link #start()} again simulate a receiver going away and coming back.
 */
public class Receiver implements AutoCloseable {

    protected final List<String> command;
    protected final Path log;
    protected final Path output;
    protected final Path dir;
    private Process process;

    protected Receiver(List<String> command, Path dir, Path output, String name) {
        this.command = command;
        this.dir = dir;
        this.output = output;
        this.log = dir.resolve(name + ".log");
    }

    /** Starts (or restarts) the program. */
    public Receiver start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        return this;
    }

    /** For subclasses that start the process themselves. */
    protected void started(Process p) {
        process = p;
    }

    /** Kills it at once (SIGKILL), as a crash or a pulled cable would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Asks it to stop (SIGTERM) and waits up to {@code seconds}; the program finalises its file. */
    public void stop(int seconds) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits for the program to end on its own (e.g. ffmpeg after the stream closed). */
    public boolean waitFor(int seconds) throws InterruptedException {
        return process == null || process.waitFor(seconds, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The pid (for signals). */
    public long pid() {
        return process.pid();
    }

    /** What the program received. */
    public Path output() {
        return output;
    }

    /** The program's log so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(5);
    }

    /** A free TCP port on loopback. */
    public static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A free UDP port on loopback. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Fails with a clear message when {@code program} is missing (CI installs it). */
    public static void require(Path program, String what) {
        if (!Files.isExecutable(program)) {
            throw new AssertionError(program + " is missing: install " + what
                    + " (releng/setup/system-packages.sh test)");
        }
    }

    /**
     * Waits until something listens on TCP {@code port} (read from /proc/net/tcp, without connecting: a one-shot
     * listener such as {@code ffmpeg -listen 1} would take a probe connection for the stream).
     */
    public static void awaitListening(int port, int millis) throws InterruptedException {
        String hex = String.format(":%04X ", port);
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
                try {
                    for (String line : Files.readAllLines(Path.of(table))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 3 && (f[1] + " ").contains(hex) && f[3].equals("0A")) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    // table absent: try the other
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing listens on TCP port " + port + " after " + millis + " ms");
    }

    /** Waits until the TCP {@code port} accepts connections (the receiver is listening). */
    public static void awaitTcp(int port, int millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port + " after " + millis + " ms");
    }
}
