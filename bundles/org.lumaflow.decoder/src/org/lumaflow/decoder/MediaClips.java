package org.lumaflow.decoder;

import java.math.RoundingMode;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Rational;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;

/** Timeline pieces for media files: a {@code media.video} clip, or a whole timeline that plays one file. */
public final class MediaClips {

    private MediaClips() {
    }

    /** How long a still image lasts as a clip (and as an exported file) unless told otherwise: {@value} s. */
    public static final int STILL_SECONDS = 5;

    /**
     * Whether {@code info}'s first video stream is a still image (PNG, JPEG, a one-picture file: at most one frame and
     * no duration of its own); it is shown for as long as its clip lasts.
     */
    public static boolean isStill(MediaInfo info) {
        VideoStreamInfo v = info.firstVideo();
        return v != null && v.frames() <= 1 && v.durationTicks() <= 0;
    }

    /**
     * A clip showing the first video stream of {@code info} from its start, at timeline time {@code start}; a still
     * image lasts {@link #STILL_SECONDS}.
     */
    public static Clip clip(String id, MediaInfo info, long start) throws MediaException {
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new MediaException(info.path(), "has no video stream");
        }
        long duration = v.durationTicks() > 0 ? v.durationTicks() : info.durationTicks();
        if (duration <= 0 && isStill(info)) {
            duration = Ticks.ofSeconds(STILL_SECONDS);
        }
        if (duration <= 0) {
            throw new MediaException(info.path(), "has no known duration");
        }
        GraphNode src = new GraphNode(id, "media.video").set("file", info.path().toAbsolutePath().toString());
        return new Clip(id, src, start, 0, duration);
    }

    /**
     * A timeline at the file's display size and exact frame rate (a stream rate that cannot be a {@link FrameRate}, such
     * as 0/0 or one beyond int/int, is replaced by the nearest common rate) holding the file as its only clip, trimmed
     * to whole frames: exporting it transcodes the file.
     */
    public static Timeline timeline(MediaInfo info) throws MediaException {
        VideoStreamInfo v = info.firstVideo();
        if (v == null) {
            throw new MediaException(info.path(), "has no video stream");
        }
        Timeline tl = new Timeline(new VideoFormat(v.displayWidth(), v.displayHeight(), rate(v.frameRate())));
        Track t = new Track("V1");
        Clip c = clip("media", info, 0);
        FrameRate rate = tl.format().rate();
        long frames = Math.max(1, rate.ticksToFrame(c.duration(), RoundingMode.FLOOR));
        c.trim(0, rate.frameToTicks(frames));
        t.clips().add(c);
        tl.tracks().add(t);
        return tl;
    }

    /**
     * A timeline holding an audio-only file as its only clip (a {@code media.video} clip: its audio is mixed, it has
     * no picture), lasting exactly the audio's duration; its picture format is a placeholder (16x16 at 25 fps) that an
     * audio-only export never renders.
     *
     * @throws MediaException when the file has no audio stream or no known duration
     */
    public static Timeline audioTimeline(MediaInfo info) throws MediaException {
        if (info.audio().isEmpty()) {
            throw new MediaException(info.path(), "has neither a video nor an audio stream");
        }
        long duration = info.audio().get(0).durationTicks() > 0 ? info.audio().get(0).durationTicks()
                : info.durationTicks();
        if (duration <= 0) {
            throw new MediaException(info.path(), "has no known duration");
        }
        Timeline tl = new Timeline(new VideoFormat(16, 16, FrameRate.FPS_25));
        Track t = new Track("A1");
        GraphNode src = new GraphNode("media", "media.video").set("file", info.path().toAbsolutePath().toString());
        t.clips().add(new Clip("media", src, 0, 0, duration));
        tl.tracks().add(t);
        return tl;
    }

    /** The stream's rate exactly when it is a valid {@link FrameRate}, else the nearest common rate. */
    static FrameRate rate(Rational r) {
        if (r.num() > 0 && r.den() > 0 && r.num() <= Integer.MAX_VALUE && r.den() <= Integer.MAX_VALUE) {
            try {
                return new FrameRate((int) r.num(), (int) r.den());
            } catch (IllegalArgumentException fasterThanATick) {
                // fall through to the nearest common rate
            }
        }
        FrameRate best = FrameRate.FPS_30;
        double want = r.toDouble();
        for (FrameRate f : new FrameRate[] {FrameRate.FPS_23_976, FrameRate.FPS_24, FrameRate.FPS_25,
                FrameRate.FPS_29_97, FrameRate.FPS_30, FrameRate.FPS_48, FrameRate.FPS_50, FrameRate.FPS_59_94,
                FrameRate.FPS_60, FrameRate.FPS_119_88, FrameRate.FPS_120}) {
            if (Math.abs(f.toDouble() - want) < Math.abs(best.toDouble() - want)) {
                best = f;
            }
        }
        return best;
    }
}
