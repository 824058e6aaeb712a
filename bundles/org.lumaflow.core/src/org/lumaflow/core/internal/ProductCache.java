package org.lumaflow.core.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where unpacked native libraries and other caches go: a folder the product owns, never a user-wide shared one.
 * {@code -Dlumaflow.cache.dir=DIR} wins; else the calling bundle's data area (inside the product's configuration);
 * else {@code ~/.cache/lumaflow}.
 */
public final class ProductCache {

    private ProductCache() {
    }

    /**
     * The cache folder {@code name}.
     *
     * @param bundleData the caller's OSGi data file for a name, or null outside OSGi (may return null)
     */
    public static File dir(String name, Function<String, File> bundleData) {
        String base = System.getProperty("lumaflow.cache.dir");
        if (base != null) {
            return new File(base, name);
        }
        File data = bundleData == null ? null : bundleData.apply(name);
        return data != null ? data : Path.of(System.getProperty("user.home"), ".cache", "lumaflow", name).toFile();
    }
}
