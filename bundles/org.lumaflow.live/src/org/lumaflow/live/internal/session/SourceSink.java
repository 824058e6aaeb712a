package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.live.CaptureSink;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.internal.capture.AudioRing;
import org.lumaflow.live.internal.capture.BufferedSink;
import org.lumaflow.live.internal.pipe.TripleBuffer;

/** Where one source of a session delivers: its triple buffer, its audio ring, and its end or failure. */
final class SourceSink implements CaptureSink {

    /** What the sink reports to its session. */
    interface Events {
        void failed(SourceSink sink, String message);

        void ended(SourceSink sink);

        void warn(String message);
    }

    final int index;
    final LiveSource source;
    final String name;
    /** Index among the session's video sources (-1 without video). */
    final int videoIndex;
    final TripleBuffer video;
    final AudioRing audio;
    private final BufferedSink buffered;
    private final Events events;
    volatile boolean done;
    private boolean rateWarned;

    SourceSink(int index, LiveSource source, String name, int videoIndex, FramePool pool, Events events) {
        this.index = index;
        this.source = source;
        this.name = name;
        this.videoIndex = videoIndex;
        this.buffered = new BufferedSink(pool);
        this.video = buffered.video();
        this.audio = source.hasAudio() ? buffered.audio() : null;
        this.events = events;
    }

    @Override
    public Frame beginFrame(int width, int height, PixelFormat format) {
        return buffered.beginFrame(width, height, format);
    }

    @Override
    public void publishFrame(long captureNanos) {
        buffered.publishFrame(captureNanos);
    }

    @Override
    public void audio(ByteBuffer data, int samples, int sampleRate, int channels, long captureNanos) {
        if (audio == null || samples <= 0) {
            return;
        }
        if ((sampleRate != BufferedSink.SAMPLE_RATE || channels != BufferedSink.CHANNELS) && !rateWarned) {
            rateWarned = true;
            events.warn(name + ": sound at " + sampleRate + " Hz, " + channels + " channels ignored (48000 Hz "
                    + "stereo expected)");
        }
        buffered.audio(data, samples, sampleRate, channels, captureNanos);
    }

    @Override
    public void failed(String message) {
        done = true;
        events.failed(this, message);
    }

    @Override
    public void ended() {
        done = true;
        events.ended(this);
    }
}
