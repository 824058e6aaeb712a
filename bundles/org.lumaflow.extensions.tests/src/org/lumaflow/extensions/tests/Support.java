package org.lumaflow.extensions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.extensions.ExtensionService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Shared helpers: services, the reactor-built example jars, jar surgery, waiting. */
final class Support {

    private Support() {
    }

    static BundleContext context() throws Exception {
        Bundle self = FrameworkUtil.getBundle(Support.class);
        if (self.getState() != Bundle.ACTIVE) {
            self.start();
        }
        return self.getBundleContext();
    }

    static <T> T service(Class<T> type) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(context(), type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " service (is DS running?)");
        return s;
    }

    /** The jar the reactor built for the example module {@code module} (path under {@code examples/}). */
    static Path exampleJar(String module) throws IOException {
        Path target = Path.of(System.getProperty("lumaflow.examples.dir", "../../examples")).resolve(module)
                .resolve("target");
        try (Stream<Path> s = Files.list(target)) {
            Path jar = s.filter(p -> p.getFileName().toString().endsWith(".jar")
                    && !p.getFileName().toString().contains("-sources")).findFirst().orElse(null);
            assertNotNull(jar, "built jar in " + target + " (build the examples first: ./mvnw -B verify)");
            return jar;
        }
    }

    /** A copy of {@code jar} whose manifest has the given main attributes changed. */
    static Path withManifest(Path jar, String... keyValues) throws IOException {
        Path out = Files.createTempFile("ext", ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest mf = new Manifest(in.getManifest());
            for (int i = 0; i < keyValues.length; i += 2) {
                mf.getMainAttributes().putValue(keyValues[i], keyValues[i + 1]);
            }
            try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(out), mf)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    jos.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jos);
                    jos.closeEntry();
                }
            }
        }
        return out;
    }

    /** A jar with only a manifest of the given main attributes. */
    static Path manifestOnly(String... keyValues) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < keyValues.length; i += 2) {
            mf.getMainAttributes().putValue(keyValues[i], keyValues[i + 1]);
        }
        Path out = Files.createTempFile("ext", ".jar");
        try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(out), mf)) {
            jos.putNextEntry(new JarEntry("readme.txt"));
            jos.write("nothing here".getBytes());
            jos.closeEntry();
        }
        return out;
    }

    /** Drops {@code jar} into the folder as {@code name} the way a careful copier does: temp file, then rename. */
    static void drop(Path jar, Path dropins, String name) throws IOException {
        Path tmp = dropins.resolve("." + name + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dropins.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes every jar in the folder and waits until the service lists nothing. */
    static void clean(ExtensionService ext) throws Exception {
        try (Stream<Path> s = Files.list(ext.dropins())) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        waitFor(() -> ext.extensions().isEmpty(), 5000);
    }

    /** Waits until {@code cond} holds (fails after {@code ms}); returns the milliseconds waited. */
    static long waitFor(BooleanSupplier cond, long ms) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() - t0 < ms * 1_000_000L, "timed out after " + ms + " ms");
            Thread.sleep(1);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Pixel (x, y) of an RGBA8 frame as 0xAABBGGRR. */
    static int pixel(Frame f, int x, int y) {
        return f.buffer().getInt((y * f.width() + x) * 4);
    }

    static void assertPixel(int expected, Frame f) {
        assertEquals(Integer.toHexString(expected), Integer.toHexString(pixel(f, 1, 1)));
    }
}
