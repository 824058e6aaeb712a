package org.lumaflow.ui.internal.parts.bin;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.VideoStreamInfo;

/**
 * The duration the bin shows for a file: the length its clip gets on the timeline (the video stream's, a still's
 * default, else the audio's), never the container's, which can be longer than either stream.
 */
public final class BinDurations {

    private BinDurations() {
    }

    /** Ticks a clip of {@code info} lasts, 0 when unknown. */
    public static long clipTicks(MediaInfo info) {
        VideoStreamInfo v = info.firstVideo();
        if (v != null) {
            if (v.durationTicks() > 0) {
                return v.durationTicks();
            }
            if (MediaClips.isStill(info)) {
                return Ticks.ofSeconds(MediaClips.STILL_SECONDS);
            }
            return info.durationTicks();
        }
        if (!info.audio().isEmpty() && info.audio().get(0).durationTicks() > 0) {
            return info.audio().get(0).durationTicks();
        }
        return info.durationTicks();
    }

    /** The bin's text: timecode at {@code rate} (the project's), the way the timeline shows times. */
    public static String text(MediaInfo info, FrameRate rate) {
        long t = clipTicks(info);
        if (t <= 0) {
            return "?";
        }
        return org.lumaflow.core.time.Timecode.format(rate.ticksToFrame(t, java.math.RoundingMode.FLOOR), rate,
                org.lumaflow.core.time.Timecode.defaultDropFrame(rate));
    }
}
