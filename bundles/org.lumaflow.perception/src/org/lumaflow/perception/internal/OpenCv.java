package org.lumaflow.perception.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.lumaflow.core.internal.ProductCache;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.lumaflow.media.ffmpeg.internal.CacheDirs;

/**
 * Loads the embedded OpenCV natives (linux-x86_64, with OpenBLAS) into the JavaCPP cache the product owns, the same
 * folder the FFmpeg runtime uses ({@link CacheDirs}), and unpacks data files shipped inside the OpenCV jar.
 */
public final class OpenCv {

    /** Where the OpenCV jar keeps its data files. */
    static final String SHARE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    private static volatile boolean loaded;

    private OpenCv() {
    }

    /** Loads the libraries once (core, imgproc, objdetect and what they need); later calls return at once. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (loaded) {
                return;
            }
            CacheDirs.configureJavacpp(FFmpeg.class); // the FFmpeg runtime's cache, whoever loads first
            Loader.load(opencv_core.class);
            Loader.load(opencv_imgproc.class);
            Loader.load(opencv_objdetect.class);
            opencv_core.setNumThreads(1); // analyses run in parallel on their own threads instead
            loaded = true;
        }
    }

    private static volatile boolean dnn;

    /** {@link #load()} plus the dnn module (for ONNX models). */
    public static void loadDnn() {
        load();
        if (!dnn) {
            synchronized (OpenCv.class) {
                Loader.load(org.bytedeco.opencv.global.opencv_dnn.class);
                dnn = true;
            }
        }
    }

    /** OpenCV's version, e.g. {@code 4.13.0}. */
    public static String version() {
        load();
        return opencv_core.CV_VERSION();
    }

    /**
     * A data file from the OpenCV jar (e.g. {@code haarcascades/haarcascade_frontalface_alt.xml}) as a plain file in
     * the product's cache, unpacked on first use.
     */
    public static Path share(String name) throws IOException {
        File dir = ProductCache.dir("opencv-" + version(), OpenCv.class);
        Path target = dir.toPath().resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = OpenCv.class.getResourceAsStream(SHARE + name)) {
            if (in == null) {
                throw new IOException("OpenCV data file " + name + " is not in the embedded OpenCV jar");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".unpack", ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return target;
    }
}
