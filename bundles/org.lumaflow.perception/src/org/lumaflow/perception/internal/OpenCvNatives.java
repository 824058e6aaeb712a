package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.natives.NativeLibrarySet;
import org.lumaflow.media.ffmpeg.internal.FFmpegNatives;
import org.bytedeco.javacpp.Loader;
import org.osgi.service.component.annotations.Component;

/** OpenCV (core, imgproc, objdetect) and OpenBLAS, as unpacked into the product's JavaCPP cache. */
@Component(service = NativeLibrarySet.class)
public final class OpenCvNatives implements NativeLibrarySet {

    @Override
    public String name() {
        return "OpenCV (with OpenBLAS)";
    }

    @Override
    public List<Path> unpack() throws IOException {
        try {
            OpenCv.load();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError missingLibrary) {
            // unpacked but not loadable: the check names what is missing
        }
        return FFmpegNatives.folders(Loader.getCacheDir().toPath()); // this bundle's own JavaCPP: where OpenCV went
    }
}
