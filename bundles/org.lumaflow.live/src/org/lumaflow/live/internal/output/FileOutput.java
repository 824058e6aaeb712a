package org.lumaflow.live.internal.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;

/**
 * A recording: fragmented MP4/MOV (a fragment about every second) or Matroska (a cluster about every second), written
 * as {@code NAME.recording.EXT} beside the target and flushed as it goes, so a crash or {@code kill -9} leaves a
 * playable file up to the last second; renamed atomically onto the target on a clean close.
 */
final class FileOutput extends SendOutput {

    private final Path target;
    private final Path temporary;
    private final String muxer;
    private final Map<String, String> options;

    FileOutput(Path target, StreamFormat format) throws LiveException {
        super("file " + target, format, "aac", 0);
        this.target = target.toAbsolutePath();
        this.temporary = temporaryOf(this.target);
        String ext = extension(target);
        if (ext.equals("mkv")) {
            muxer = "matroska";
            options = Map.of("cluster_time_limit", "1000", "cluster_size_limit", "8388608");
        } else {
            muxer = ext.equals("mov") ? "mov" : "mp4";
            options = Map.of("movflags", "frag_keyframe+empty_moov+default_base_moof", "frag_duration", "1000000");
        }
        Path dir = this.target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new LiveException(Secrets.mask("recording " + target + ": the folder " + dir + " does not exist"));
        }
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
        } catch (IOException e) {
            throw new LiveException(Secrets.mask("recording " + target + ": cannot write " + temporary.getFileName()
                    + " in " + dir + " (" + (e.getMessage() == null ? "not writable" : e.getMessage()) + ")"), e);
        }
        start();
    }

    /** {@code NAME.recording.EXT} beside {@code target} (players still recognise the extension). */
    static Path temporaryOf(Path target) {
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return target.resolveSibling(file.substring(0, dot) + ".recording" + file.substring(dot));
    }

    static String extension(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file being written until the clean close renames it. */
    Path temporary() {
        return temporary;
    }

    @Override
    Muxer connect(byte[] sps) throws LiveException {
        return new Muxer(name, muxer, temporary.toString(), Map.of(), options, format, audioCodec(), sps, true);
    }

    @Override
    boolean reconnects() {
        return false;
    }

    @Override
    long flushMillis() {
        return 15_000;
    }

    @Override
    void finished(boolean clean) throws LiveException {
        if (!clean) {
            try {
                if (Files.size(temporary) == 0) {
                    Files.delete(temporary); // nothing was recorded
                }
            } catch (IOException e) {
                // left as it is
            }
            return;
        }
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LiveException(Secrets.mask("recording " + target + ": cannot rename "
                    + temporary.getFileName() + " into place (" + e.getMessage() + ")"), e);
        }
    }
}
