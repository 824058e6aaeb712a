package org.lumaflow.export.tests;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.lumaflow.core.internal.PartialFile;

/**
 * Run in a second JVM by {@link StaleTemporaryTest}: takes a locked temporary beside {@code args[0]} exactly as an
 * export does, prints its path, then keeps writing to it until killed.
 */
public final class PartialWriterMain {

    private PartialWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PartialFile p = PartialFile.beside(Path.of(args[0]), ".partial");
        System.out.println(p.path());
        System.out.flush();
        byte[] chunk = new byte[4096];
        while (true) {
            try (OutputStream out = Files.newOutputStream(p.path(), StandardOpenOption.APPEND)) {
                out.write(chunk); // opened and closed again and again, as a muxer may: the lock must survive it
            }
            Thread.sleep(20);
        }
    }
}
