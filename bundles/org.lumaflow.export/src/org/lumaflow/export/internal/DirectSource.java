package org.lumaflow.export.internal;

import java.nio.file.Path;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;

/**
 * Recognises a timeline whose output is, pixel for pixel, one video file's pictures (one track, one clip from the
 * file's start, no effects, no transitions, output at the file's size, 4:2:0 8-bit BT.709 limited range). Such an
 * export skips the RGB round trip: decoded YUV goes straight to the encoder, as in {@code ffmpeg -i in -c:v x out}.
 * Disable with {@code -Dlumaflow.export.direct=false}.
 */
final class DirectSource {

    private DirectSource() {
    }

    /** The file to pass through, or null when the timeline changes the picture. */
    static Path of(Timeline tl, Path baseDir, int width, int height, MediaService media) {
        if (media == null || !Boolean.parseBoolean(System.getProperty("lumaflow.export.direct", "true"))
                || tl.tracks().size() != 1) {
            return null;
        }
        Track t = tl.tracks().get(0);
        if (!t.enabled() || t.kind() != Track.Kind.VIDEO || t.opacity() != 1.0 || !t.transitions().isEmpty()
                || t.clips().size() != 1) {
            return null;
        }
        Clip c = t.clips().get(0);
        if (!c.effects().isEmpty() || c.start() != 0 || c.in() != 0 || !c.enabled() || !c.retime().isNormal()
                || c.retime().frames() != org.lumaflow.engine.timeline.Retime.Frames.NEAREST
                || !"media.video".equals(c.source().type())
                || !(c.source().params().get("file") instanceof String name)) {
            return null;
        }
        Path file = Path.of(name);
        if (!file.isAbsolute() && baseDir != null) {
            file = baseDir.resolve(file);
        }
        try {
            VideoStreamInfo v = media.probe(file).firstVideo();
            boolean bt709 = v.colorSpace().equals("bt709") || (v.colorSpace().equals("unknown") && v.height() >= 720);
            boolean tv = v.colorRange().equals("tv") || v.colorRange().equals("unknown");
            return media.yuvReadable(v) && v.width() == width && v.height() == height && bt709 && tv ? file : null;
        } catch (MediaException e) {
            return null; // the normal path renders black with a warning
        }
    }
}
