package org.lumaflow.media.ffmpeg.internal;

import java.io.File;

import org.lumaflow.core.internal.ProductCache;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Chooses the JavaCPP native cache directory: the product's own, never the user-wide {@code ~/.javacpp/cache}. */
public final class CacheDirs {

    /** System property JavaCPP reads. */
    public static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    private CacheDirs() {
    }

    /**
     * Sets {@link #JAVACPP_CACHE} unless the user set it: {@code lumaflow.cache.dir}/javacpp when that property is set
     * (the launcher sets it), else the bundle's data area inside the product's configuration, else
     * {@code ~/.cache/lumaflow/javacpp}.
     */
    public static void configureJavacpp(Class<?> anchor) {
        if (System.getProperty(JAVACPP_CACHE) != null) {
            return;
        }
        File dir = ProductCache.dir("javacpp", name -> bundleData(anchor, name));
        System.setProperty(JAVACPP_CACHE, dir.getAbsolutePath());
    }

    /** {@code anchor}'s bundle's data file {@code name}, or null outside OSGi or before the bundle starts. */
    public static File bundleData(Class<?> anchor, String name) {
        try {
            Bundle b = FrameworkUtil.getBundle(anchor);
            return b == null || b.getBundleContext() == null ? null : b.getBundleContext().getDataFile(name);
        } catch (NoClassDefFoundError notInOsgi) {
            return null;
        }
    }
}
