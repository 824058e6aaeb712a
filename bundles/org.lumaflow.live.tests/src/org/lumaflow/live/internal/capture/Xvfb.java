package org.lumaflow.live.internal.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb display for a test (on the first free display number from 140), and an undecorated AWT window
 * filling it with coloured rectangles, drawn by a separate {@code java Draw.java} of the test's own JDK.
 */
final class Xvfb implements AutoCloseable {

    private static final String DRAW = """
            import java.awt.*;
            public class Draw {
                public static void main(String[] a) throws Exception {
                    int w = Integer.parseInt(a[0]), h = Integer.parseInt(a[1]);
                    Frame f = new Frame();
                    f.setUndecorated(true);
                    f.setBounds(0, 0, w, h);
                    Canvas c = new Canvas() {
                        public void paint(Graphics g) {
                            for (int i = 2; i + 4 < a.length; i += 5) {
                                g.setColor(new Color(Integer.parseInt(a[i + 4], 16)));
                                g.fillRect(Integer.parseInt(a[i]), Integer.parseInt(a[i + 1]),
                                        Integer.parseInt(a[i + 2]), Integer.parseInt(a[i + 3]));
                            }
                        }
                    };
                    f.add(c);
                    f.setVisible(true);
                    Toolkit.getDefaultToolkit().sync();
                    System.out.println("shown");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    final String display;
    private final Process server;
    private Process client;
    private final Path dir;

    private Xvfb(String display, Process server, Path dir) {
        this.display = display;
        this.server = server;
        this.dir = dir;
    }

    /** Starts Xvfb with one {@code width x height x 24} screen; fails clearly when Xvfb is not installed. */
    static Xvfb start(int width, int height, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            throw new IllegalStateException("Xvfb is not installed (apt-get install xvfb; see "
                    + "releng/setup/system-packages.sh)");
        }
        for (int n = 140; n < 240; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("/usr/bin/Xvfb", ":" + n, "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile())
                    .start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until && p.isAlive()
                    && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                Thread.sleep(20);
            }
            if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return new Xvfb(":" + n, p, dir);
            }
            p.destroyForcibly().waitFor();
        }
        throw new IllegalStateException("no free X display number for Xvfb");
    }

    /**
     * Shows a window filling the {@code width x height} screen with rectangles {@code x, y, w, h, rrggbb} (later ones
     * on top) and waits until it is painted.
     */
    void draw(int width, int height, List<String> rects) throws IOException, InterruptedException {
        Path src = dir.resolve("Draw.java");
        Files.writeString(src, DRAW);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, src.toString(), Integer.toString(width),
                Integer.toString(height)));
        cmd.addAll(rects);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("draw.log").toFile());
        pb.environment().put("DISPLAY", display);
        client = pb.start();
        byte[] line = new byte[6];
        int got = client.getInputStream().readNBytes(line, 0, 6);
        if (got < 5 || !new String(line, 0, 5).equals("shown")) {
            throw new IllegalStateException("the drawing client did not start: " + Files.readString(dir.resolve(
                    "draw.log")));
        }
        Thread.sleep(700); // first paint
    }

    @Override
    public void close() throws InterruptedException {
        if (client != null) {
            client.destroyForcibly().waitFor();
        }
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
