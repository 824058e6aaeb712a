package org.lumaflow.core.internal;

import java.io.File;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Where unpacked native libraries and other caches go: a folder the product owns, never a user-wide shared one.
 * {@code -Dlumaflow.cache.dir=DIR} wins; else the data area of the bundle that owns {@code anchor} (inside the
 * product's configuration); else {@code ~/.cache/lumaflow}.
 */
public final class ProductCache {

    private ProductCache() {
    }

    /** The cache folder {@code name} for the bundle of {@code anchor}. */
    public static File dir(String name, Class<?> anchor) {
        String base = System.getProperty("lumaflow.cache.dir");
        if (base != null) {
            return new File(base, name);
        }
        File data = bundleData(anchor, name);
        return data != null ? data : Path.of(System.getProperty("user.home"), ".cache", "lumaflow", name).toFile();
    }

    private static File bundleData(Class<?> anchor, String name) {
        try {
            Bundle b = FrameworkUtil.getBundle(anchor);
            return b == null || b.getBundleContext() == null ? null : b.getBundleContext().getDataFile(name);
        } catch (NoClassDefFoundError notInOsgi) {
            return null;
        }
    }
}
