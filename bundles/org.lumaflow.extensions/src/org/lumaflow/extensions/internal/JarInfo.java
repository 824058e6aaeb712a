package org.lumaflow.extensions.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A jar read from the dropins folder: its bytes (installed from memory, so the file can be replaced or deleted at
 * any time), their SHA-256, and the bundle identity from its manifest, or why it is not a bundle.
 *
 * @param bytes        the content
 * @param sha256       hex digest of the content
 * @param symbolicName Bundle-SymbolicName without attributes, or null
 * @param version      Bundle-Version, or "0.0.0"
 * @param error        why it cannot be installed, or null
 */
record JarInfo(byte[] bytes, String sha256, String symbolicName, String version, String error) {

    /** Reads {@code jar}; I/O problems are reported as {@link #error}. */
    static JarInfo read(Path jar) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            return new JarInfo(new byte[0], "", null, "0.0.0", "cannot read " + jar.getFileName() + ": " + e);
        }
        String sha = sha256(bytes);
        if (!hasEndOfCentralDirectory(bytes)) {
            return new JarInfo(bytes, sha, null, "0.0.0", jar.getFileName()
                    + " is not a valid jar (no zip central directory: truncated or not a zip)");
        }
        Manifest mf;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            mf = in.getManifest();
            while (in.getNextJarEntry() != null) {
                // walk every entry: a truncated or corrupt archive fails here rather than when the framework loads it
            }
        } catch (IOException | RuntimeException e) {
            return new JarInfo(bytes, sha, null, "0.0.0", jar.getFileName() + " is not a valid jar: " + e.getMessage());
        }
        String bsn = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            return new JarInfo(bytes, sha, null, "0.0.0", jar.getFileName()
                    + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        }
        String version = mf.getMainAttributes().getValue("Bundle-Version");
        return new JarInfo(bytes, sha, bsn.split(";")[0].trim(), version == null ? "0.0.0" : version.trim(), null);
    }

    /** Whether the zip's end-of-central-directory record is present (a complete archive; lenient streams skip it). */
    static boolean hasEndOfCentralDirectory(byte[] b) {
        int stop = Math.max(0, b.length - 22 - 65_535);
        for (int i = b.length - 22; i >= stop; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
