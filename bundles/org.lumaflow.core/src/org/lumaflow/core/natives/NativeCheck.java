package org.lumaflow.core.natives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every native library in some folders resolves: runs the dynamic linker's {@code ldd} on each (with the
 * folders on {@code LD_LIBRARY_PATH}, as the libraries are loaded) and collects the system libraries that are not
 * found, with the Debian/Ubuntu package that provides each.
 */
public final class NativeCheck {

    /** A system library that a native library of ours needs and this machine lacks. */
    public record Missing(String soname, String debianPackage, List<Path> neededBy) {

        @Override
        public String toString() {
            return soname + " (package " + debianPackage + "), needed by " + neededBy.stream()
                    .map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        }
    }

    /** Sonames the native libraries link against that are not part of the C runtime, and their Debian package. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("libpulse.so.0", "libpulse0"), Map.entry("libpulse-simple.so.0", "libpulse0"),
            Map.entry("libasound.so.2", "libasound2"), Map.entry("libxcb.so.1", "libxcb1"),
            Map.entry("libxcb-shm.so.0", "libxcb-shm0"), Map.entry("libxcb-shape.so.0", "libxcb-shape0"),
            Map.entry("libxcb-xfixes.so.0", "libxcb-xfixes0"), Map.entry("libva.so.2", "libva2"),
            Map.entry("libva-drm.so.2", "libva-drm2"), Map.entry("libva-x11.so.2", "libva-x11-2"),
            Map.entry("libvdpau.so.1", "libvdpau1"), Map.entry("libdrm.so.2", "libdrm2"),
            Map.entry("libX11.so.6", "libx11-6"), Map.entry("libXext.so.6", "libxext6"),
            Map.entry("libXv.so.1", "libxv1"), Map.entry("libvulkan.so.1", "libvulkan1"),
            Map.entry("libfontconfig.so.1", "libfontconfig1"), Map.entry("libfreetype.so.6", "libfreetype6"),
            Map.entry("libgomp.so.1", "libgomp1"), Map.entry("libgfortran.so.5", "libgfortran5"),
            Map.entry("libz.so.1", "zlib1g"), Map.entry("libstdc++.so.6", "libstdc++6"),
            Map.entry("libgcc_s.so.1", "libgcc-s1"), Map.entry("libGL.so.1", "libgl1"),
            Map.entry("libEGL.so.1", "libegl1"), Map.entry("libgtk-3.so.0", "libgtk-3-0"),
            Map.entry("libgtk-x11-2.0.so.0", "libgtk2.0-0"), Map.entry("libgdk-x11-2.0.so.0", "libgtk2.0-0"),
            Map.entry("libdl.so.2", "libc6"), Map.entry("libpthread.so.0", "libc6"), Map.entry("libm.so.6", "libc6"),
            Map.entry("libc.so.6", "libc6"), Map.entry("librt.so.1", "libc6"));

    private NativeCheck() {
    }

    /** The Debian/Ubuntu package that provides {@code soname}, or a hint to search for it. */
    public static String debianPackage(String soname) {
        String p = PACKAGES.get(soname);
        return p != null ? p : "unknown: apt-file search " + soname;
    }

    /**
     * Returns the system libraries missing for the native libraries ({@code *.so*}, and executables) in
     * {@code folders}, sorted by name; empty when all resolve.
     *
     * @throws IOException if {@code ldd} cannot be run (it comes with the C library on every Linux system)
     */
    public static List<Missing> check(Collection<Path> folders) throws IOException {
        String path = folders.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(":"));
        Map<String, Set<Path>> missing = new TreeMap<>();
        for (Path lib : libraries(folders)) {
            for (String soname : unresolved(lib, path)) {
                missing.computeIfAbsent(soname, k -> new LinkedHashSet<>()).add(lib);
            }
        }
        List<Missing> out = new ArrayList<>();
        missing.forEach((soname, by) -> out.add(new Missing(soname, debianPackage(soname), List.copyOf(by))));
        return out;
    }

    /** The packages to install for {@code missing}, without repeats, e.g. {@code "libpulse0 libasound2"}. */
    public static String packages(List<Missing> missing) {
        return missing.stream().map(Missing::debianPackage).filter(p -> !p.startsWith("unknown"))
                .distinct().collect(Collectors.joining(" "));
    }

    /**
     * Where the dynamic linker would find the system library {@code soname}: the folders of {@code LD_LIBRARY_PATH},
     * of {@code /etc/ld.so.conf} (with its includes) and the default library folders, in that order; empty when it is
     * in none. File checks only (no process), so start-up paths may call it.
     */
    public static Optional<Path> findSystemLibrary(String soname) {
        for (String dir : libraryDirs()) {
            Path p = Path.of(dir, soname);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> libraryDirs() {
        List<String> dirs = new ArrayList<>();
        String env = System.getenv("LD_LIBRARY_PATH");
        if (env != null) {
            dirs.addAll(List.of(env.split(":")));
        }
        readLdConf(Path.of("/etc/ld.so.conf"), dirs, 0);
        dirs.addAll(List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib",
                "/usr/lib", "/usr/local/lib"));
        dirs.removeIf(String::isBlank);
        return dirs;
    }

    private static void readLdConf(Path conf, List<String> dirs, int depth) {
        if (depth > 4 || !Files.isRegularFile(conf)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(conf)) {
                String l = line.strip();
                if (l.startsWith("include ")) {
                    Path glob = Path.of(l.substring(8).strip());
                    if (glob.getParent() != null && Files.isDirectory(glob.getParent())) {
                        try (var files = Files.newDirectoryStream(glob.getParent(), glob.getFileName().toString())) {
                            for (Path f : files) {
                                readLdConf(f, dirs, depth + 1);
                            }
                        }
                    }
                } else if (!l.isEmpty() && !l.startsWith("#")) {
                    dirs.add(l);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the default folders still count
        }
    }

    private static List<Path> libraries(Collection<Path> folders) throws IOException {
        List<Path> libs = new ArrayList<>();
        for (Path dir : folders) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> Files.isRegularFile(f) && !Files.isSymbolicLink(f))
                        .filter(f -> f.getFileName().toString().contains(".so") || isElfProgram(f))
                        .sorted().forEach(libs::add);
            }
        }
        return libs;
    }

    private static boolean isElfProgram(Path f) {
        if (!Files.isExecutable(f)) {
            return false;
        }
        try (var in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> unresolved(Path lib, String libraryPath) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("ldd", lib.toString()).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", libraryPath);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run ldd to check " + lib + " (ldd comes with the C library): "
                    + e.getMessage(), e);
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ldd " + lib + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking " + lib, e);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int arrow = line.indexOf("=> not found");
            if (arrow > 0) {
                out.add(line.substring(0, arrow).strip());
            }
        }
        return out;
    }
}
