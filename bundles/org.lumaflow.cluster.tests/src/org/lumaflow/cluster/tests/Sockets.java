package org.lumaflow.cluster.tests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The network sockets (TCP and UDP, IPv4 and IPv6) this process has open, from /proc (Linux). */
final class Sockets {

    private Sockets() {
    }

    /** Socket inodes of this process that are TCP or UDP sockets, as {@code proto:local_address:state}. */
    static Set<String> inet() throws IOException {
        Set<String> mine = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String t = Files.readSymbolicLink(fd).toString();
                    if (t.startsWith("socket:[")) {
                        mine.add(t.substring(8, t.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/net/" + proto));
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.trim().split("\\s+");
                if (f.length > 9 && mine.contains(f[9])) {
                    out.add(proto + ":" + f[1] + ":" + f[3] + ":inode " + f[9]);
                }
            }
        }
        return out;
    }
}
