package org.lumaflow.cli.internal;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;

/**
 * The timeline a media file is exported (transcoded) as: its video at its own size and rate, a still image for
 * {@link MediaClips#STILL_SECONDS} seconds, an audio-only file as audio, a picture outside the 16..16384 pixels a
 * timeline takes only scaled with {@code --size}.
 *
 * @param timeline the timeline holding the file as its one clip
 * @param note what the user should know about it (a still's duration), or null
 * @param audioOnly whether the file has no video stream (its audio is exported alone)
 */
record MediaTimeline(Timeline timeline, String note, boolean audioOnly) {

    private static final int MIN = 16;
    private static final int MAX = 16384;

    /**
     * @param duration {@code --duration} in seconds (a still's length; an upper bound for the others), or null
     * @param size {@code --size} {width, height}, or null
     */
    static MediaTimeline of(MediaService media, Path in, Double duration, int[] size) throws MediaException {
        MediaInfo info = media.probe(in);
        VideoStreamInfo v = info.firstVideo();
        Timeline tl;
        String note = null;
        if (v == null) {
            if (info.audio().isEmpty()) {
                throw new MediaException(in, "has neither a video nor an audio stream: nothing to export");
            }
            tl = MediaClips.audioTimeline(info);
        } else {
            int w = v.displayWidth();
            int h = v.displayHeight();
            if (w < MIN || h < MIN || w > MAX || h > MAX) {
                if (size == null) {
                    throw new MediaException(in, "the picture is " + w + "x" + h + ", outside the " + MIN + ".." + MAX
                            + " pixels per side a timeline takes; export it scaled with --size WxH (for example --size "
                            + scaled(w, h) + ")");
                }
                // the timeline at the requested size; the clip's picture is fitted into it when rendered
                v = new VideoStreamInfo(v.index(), v.codec(), size[0], size[1], v.pixelFormat(), v.frameRate(),
                        v.variableFrameRate(), v.frames(), v.durationTicks(), 0, v.colorSpace(), v.colorPrimaries(),
                        v.colorTransfer(), v.colorRange());
                info = new MediaInfo(info.path(), info.container(), info.durationTicks(), info.bitRate(),
                        java.util.List.of(v), info.audio());
            }
            tl = MediaClips.timeline(info);
            if (MediaClips.isStill(info)) {
                double secs = duration != null ? duration : MediaClips.STILL_SECONDS;
                note = String.format(Locale.ROOT, "%s is a still image: exported as %s s at %s fps%s",
                        in.getFileName(), trim(secs), trim(tl.format().rate().toDouble()),
                        duration != null ? "" : " (--duration SECONDS to change)");
            }
        }
        if (duration != null) {
            Clip c = tl.tracks().get(0).clips().get(0);
            long want = Ticks.fromSeconds(duration, RoundingMode.HALF_UP);
            c.trim(c.in(), MediaClips.isStill(info) ? want : Math.min(want, c.duration()));
            tl.touch();
        }
        return new MediaTimeline(tl, note, v == null);
    }

    /** A size of at least 16 pixels per side with the picture's aspect ratio, even, for the hint. */
    private static String scaled(int w, int h) {
        double f = w < MIN || h < MIN ? (double) MIN / Math.min(w, h) : (double) MAX / Math.max(w, h);
        int sw = Math.max(MIN, Math.min(MAX, (int) Math.round(w * f))) & ~1;
        int sh = Math.max(MIN, Math.min(MAX, (int) Math.round(h * f))) & ~1;
        return sw + "x" + sh;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
