package org.lumaflow.decoder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proxy file names in the cache folder: {@code PATH-VERSION-WxH.mov}, where PATH is a hash of the original's absolute
 * path, VERSION a hash of its path, size and modification time (an edited file gets a new proxy; the old one is
 * removed when the new one is written) and {@code WxH} the original's display size (the shape previews keep).
 */
public final class ProxyNames {

    /** Proxy file suffix. */
    public static final String SUFFIX = ".mov";
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{16})-(\\d+)x(\\d+)\\.mov");

    private ProxyNames() {
    }

    /** {@code PATH-VERSION-} of {@code original} as it is now (absolute, normalised). */
    public static String prefix(Path original) throws IOException {
        BasicFileAttributes a = Files.readAttributes(original, BasicFileAttributes.class);
        String path = original.toString();
        return hash(path) + "-" + hash(path + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis()) + "-";
    }

    /** {@code PATH-} of {@code original}: every version of its proxies. */
    public static String pathPrefix(Path original) {
        return hash(original.toString()) + "-";
    }

    /** The file name of a proxy of {@code prefix}'s version of an original shown at {@code w x h}. */
    public static String name(String prefix, int w, int h) {
        return prefix + w + "x" + h + SUFFIX;
    }

    /** The original's display size named by a proxy file, or null when the name is not a proxy's. */
    public static int[] shape(Path proxy) {
        Matcher m = NAME.matcher(proxy.getFileName().toString());
        return m.matches() ? new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))} : null;
    }

    /** The proxy in {@code dir} whose name starts with {@code prefix}, or null. */
    public static Path find(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, prefix + "*" + SUFFIX)) {
            for (Path p : s) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    return p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
