package org.lumaflow.media.ffmpeg.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.Loader;
import org.lumaflow.core.natives.NativeLibrarySet;
import org.lumaflow.media.ffmpeg.FFmpeg;
import org.osgi.service.component.annotations.Component;

/**
 * FFmpeg's libraries, avdevice (which JavaCV's grabbers load, and which needs PulseAudio, ALSA and XCB) and the
 * {@code ffmpeg} program, as unpacked into the product's JavaCPP cache.
 */
@Component(service = NativeLibrarySet.class)
public final class FFmpegNatives implements NativeLibrarySet {

    @Override
    public String name() {
        return "FFmpeg (" + (FFmpeg.codecPack() ? "GPL codec pack" : "LGPL build") + ")";
    }

    @Override
    public List<Path> unpack() throws IOException {
        CacheDirs.configureJavacpp(FFmpeg.class);
        try {
            FFmpeg.load();
            Loader.load(avdevice.class);
            FFmpeg.commandLine();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError missingLibrary) {
            // unpacked but not loadable: the check names what is missing
        }
        return folders(Path.of(System.getProperty(CacheDirs.JAVACPP_CACHE)));
    }

    /** The platform folders of a JavaCPP cache ({@code linux-x86_64}, {@code linux-x86_64-gpl}, ...). */
    public static List<Path> folders(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            throw new IOException("nothing was unpacked into " + cache);
        }
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }
}
