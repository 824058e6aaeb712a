package org.lumaflow.live.internal.capture;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.live.CaptureSink;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.internal.pipe.TripleBuffer;

/**
 * The {@link CaptureSink} a session creates for each source: pictures go into a {@link TripleBuffer} (the consumer
 * takes the newest with {@link #video()}{@code .take()}; overwritten pictures count as dropped at capture), sound
 * into an {@link AudioRing} of one second of 48 kHz stereo s16 (read with {@link #audio()}), and the end of the source
 * into {@link #failure()} / {@link #isEnded()} flags. The capture thread never blocks here. Create one per source;
 * {@link #close()} after the source has been closed.
 */
public final class BufferedSink implements CaptureSink, AutoCloseable {

    /** The rate sources deliver sound at. */
    public static final int SAMPLE_RATE = 48_000;
    /** The channels sources deliver. */
    public static final int CHANNELS = 2;

    private final TripleBuffer video;
    private final AudioRing audio = new AudioRing(SAMPLE_RATE, CHANNELS, SAMPLE_RATE);
    private final Consumer<String> onEnd;
    private volatile String failure;
    private volatile boolean ended;
    private volatile long audioMismatch;

    /** A sink whose pictures are leased from {@code pool}. */
    public BufferedSink(FramePool pool) {
        this(pool, null);
    }

    /**
     * A sink whose pictures are leased from {@code pool}; {@code onEnd} (may be null) is called once, on the capture
     * thread, with the failure message or null when the source ended normally.
     */
    public BufferedSink(FramePool pool, Consumer<String> onEnd) {
        this.video = new TripleBuffer(pool);
        this.onEnd = onEnd;
    }

    @Override
    public Frame beginFrame(int width, int height, PixelFormat format) {
        return video.begin(width, height, format);
    }

    @Override
    public void publishFrame(long captureNanos) {
        video.publish(captureNanos);
    }

    @Override
    public void audio(ByteBuffer data, int samples, int sampleRate, int channels, long captureNanos) {
        if (sampleRate != SAMPLE_RATE || channels != CHANNELS) {
            audioMismatch += samples; // sources resample to 48 kHz stereo; anything else is not mixed
            return;
        }
        audio.write(data, samples, captureNanos);
    }

    @Override
    public void failed(String message) {
        if (failure == null && !ended) {
            failure = Secrets.mask(message);
            if (onEnd != null) {
                onEnd.accept(failure);
            }
        }
    }

    @Override
    public void ended() {
        if (failure == null && !ended) {
            ended = true;
            if (onEnd != null) {
                onEnd.accept(null);
            }
        }
    }

    /** Consumer side of the pictures: {@code take()} the newest, {@code current()}, {@code published()}. */
    public TripleBuffer video() {
        return video;
    }

    /** Consumer side of the sound (48 kHz stereo s16). */
    public AudioRing audio() {
        return audio;
    }

    /** Pictures overwritten before the consumer took them (dropped at capture). */
    public long droppedAtCapture() {
        return video.dropped();
    }

    /** Sample frames delivered in a format other than 48 kHz stereo and so ignored (0 for the built-in sources). */
    public long audioIgnored() {
        return audioMismatch;
    }

    /** Why the source failed (masked, naming the source), or null. */
    public String failure() {
        return failure;
    }

    /** Whether the source ended normally. */
    public boolean isEnded() {
        return ended;
    }

    /** Whether the source stopped delivering (failed or ended). */
    public boolean done() {
        return ended || failure != null;
    }

    /** Releases the pictures; call once the source is closed. */
    @Override
    public void close() {
        video.close();
    }
}
