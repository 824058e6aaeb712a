package org.lumaflow.media.ffmpeg.internal;

import java.io.File;

import org.lumaflow.core.internal.ProductCache;

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
        File dir = ProductCache.dir("javacpp", anchor);
        System.setProperty(JAVACPP_CACHE, dir.getAbsolutePath());
    }
}
