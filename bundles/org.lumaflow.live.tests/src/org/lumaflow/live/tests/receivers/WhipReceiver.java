package org.lumaflow.live.tests.receivers;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WHIP endpoint on loopback: node running {@code whip/receiver.js} on npm {@code werift} 0.25.2 (pinned in
 * {@code whip/package-lock.json}, installed by {@code npm ci} into {@code target/whip} once). It answers the offer,
 * receives H.264 over RTP into an Annex B file and counts pictures, keyframes and Opus packets.
 */
public final class WhipReceiver extends Receiver {

    private final Path stats;
    private final int port;

    private WhipReceiver(List<String> command, Path dir, Path output, Path stats, int port) {
        super(command, dir, output, "whip-" + port);
        this.stats = stats;
        this.port = port;
    }

    /** A receiver on a free port; {@code token}: the bearer token it requires, or null. */
    public static WhipReceiver create(Path dir, String token) throws IOException, InterruptedException {
        Path home = install();
        int port = freeTcpPort();
        Path out = dir.resolve("whip-" + port + ".h264");
        Path stats = dir.resolve("whip-" + port + ".json");
        List<String> cmd = new ArrayList<>(List.of("node", home.resolve("receiver.js").toString(),
                Integer.toString(port), out.toString(), stats.toString()));
        if (token != null) {
            cmd.add(token);
        }
        return new WhipReceiver(cmd, dir, out, stats, port);
    }

    public int port() {
        return port;
    }

    /** A counter from the stats file (0 before it exists). */
    public long stat(String key) {
        String s = statsText();
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    public String statsText() {
        try {
            return Files.exists(stats) ? Files.readString(stats, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public Receiver start() throws IOException {
        super.start();
        try {
            awaitTcp(port, 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** Copies whip/ into target/whip and runs {@code npm ci} there unless werift is already in place. */
    static synchronized Path install() throws IOException, InterruptedException {
        Path src = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path c : List.of(d.resolve("whip"), d.resolve("bundles/org.lumaflow.live.tests/whip"))) {
                if (Files.exists(c.resolve("package-lock.json"))) {
                    src = c;
                    break;
                }
            }
            if (src != null) {
                break;
            }
        }
        assertNotNull(src, "whip/ (the WHIP receiver) not found above " + Path.of("").toAbsolutePath());
        Path dst = src.getParent().resolve("target/whip");
        Files.createDirectories(dst);
        for (String f : List.of("package.json", "package-lock.json", "receiver.js")) {
            Files.copy(src.resolve(f), dst.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dst.resolve("node_modules/werift"))) {
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dst.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "npm ci of werift failed (node and "
                    + "npm are needed: releng/setup/system-packages.sh test):\n" + log);
        }
        return dst;
    }
}
