package org.lumaflow.ui.internal.parts.viewer;

/**
 * Maps wall time to the frame due at a playback speed: frame = origin + elapsed x fps x speed. Re-based whenever the
 * speed changes or (with {@link DropStrategy#NEVER}) when rendering falls behind, so the picture never jumps; while
 * sound plays, re-based on the sound device's clock ({@link #sync}), the master.
 */
public final class PlaybackClock {

    private final double fps;
    private double originFrame;
    private long originNanos;
    private double speed;

    public PlaybackClock(double fps) {
        this.fps = fps;
    }

    /** Starts counting from {@code frame} now at {@code speed} (signed; 0 = paused). */
    public void start(long frame, double speed, long nowNanos) {
        this.originFrame = frame;
        this.originNanos = nowNanos;
        this.speed = speed;
    }

    /** Re-bases on an outside (the sound's) clock: {@code frame}, fractional, is being heard at {@code nowNanos}. */
    public void sync(double frame, long nowNanos) {
        this.originFrame = frame;
        this.originNanos = nowNanos;
    }

    /** The frame due at {@code nowNanos} (may lie outside the timeline). */
    public long due(long nowNanos) {
        double elapsed = (nowNanos - originNanos) / 1e9;
        return (long) Math.floor(originFrame + elapsed * fps * speed + 1e-9);
    }

    /** The (fractional) frame of {@code nowNanos}. */
    public double position(long nowNanos) {
        return originFrame + (nowNanos - originNanos) / 1e9 * fps * speed;
    }

    /** When {@code frame} is due, in System.nanoTime() terms. */
    public long dueAt(long frame) {
        if (speed == 0) {
            return originNanos;
        }
        return originNanos + (long) ((frame - originFrame) / (fps * speed) * 1e9);
    }

    public double speed() {
        return speed;
    }
}
