package org.lumaflow.ui.internal.parts.viewer;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.export.audio.TimelineAudio;
import org.lumaflow.ui.internal.audio.AudioPlayer;

/**
 * The viewer's side of A/V sync (render thread): starts and stops the {@link AudioPlayer} with playback (sound at
 * normal speed only; shuttling is silent), re-bases the {@link PlaybackClock} on the sound being heard (the master
 * clock; while an open device starts, the first frame is held) and measures how far the sound heard is ahead of each
 * frame when it reaches the screen.
 */
final class SoundSync {

    private volatile AudioPlayer audio;
    private long startFrame;
    private volatile double offsetMs = Double.NaN;
    private volatile double maxMs = Double.NaN;

    void setAudio(AudioPlayer player) {
        audio = player;
    }

    /** Playback starts (or changes speed) at {@code frame}. */
    void start(long frame, double speed, FrameRate rate) {
        AudioPlayer a = audio;
        startFrame = frame;
        offsetMs = Double.NaN;
        maxMs = Double.NaN;
        if (a == null) {
            return;
        }
        if (speed == 1) {
            a.play(TimelineAudio.sampleAt(rate.frameToTicks(frame)));
        } else {
            a.stop();
        }
    }

    void stop() {
        AudioPlayer a = audio;
        if (a != null) {
            a.stop();
        }
    }

    /** Follows the sound's clock at {@code now}; while the device starts, holds the first frame. */
    void sync(PlaybackClock clock, double speed, FrameRate rate, long now) {
        AudioPlayer a = audio;
        if (a == null || speed != 1) {
            return;
        }
        double heard = a.heardSample(now);
        if (heard >= 0) {
            clock.sync(heard / TimelineAudio.SAMPLE_RATE * rate.toDouble(), now);
        } else if (a.waiting(now)) {
            clock.start(startFrame, speed, now);
        }
    }

    /** Measures the offset of {@code frame}, on screen at {@code nanos} while playing at {@code speed} (UI thread). */
    void measure(long frame, double speed, FrameRate rate, long nanos) {
        AudioPlayer a = audio;
        double heard = a == null || speed != 1 ? -1 : a.heardSample(nanos);
        if (heard < 0) {
            return;
        }
        offsetMs = (heard / TimelineAudio.SAMPLE_RATE - frame / rate.toDouble()) * 1000;
        maxMs = Double.isNaN(maxMs) ? Math.abs(offsetMs) : Math.max(maxMs, Math.abs(offsetMs));
    }

    /** The last offset, ms (sound ahead of picture; NaN without a sound clock). */
    double offsetMs() {
        return offsetMs;
    }

    /** The largest offset of this playback, ms. */
    double maxMs() {
        return maxMs;
    }
}
