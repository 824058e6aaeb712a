package org.lumaflow.live.internal.pipe;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.StreamFormat;

/**
 * The encode stage's contract between the session (process stage) and the encoder implementation: one video encode
 * (and one audio encode per audio codec the outputs need) on its own thread, fed through a drop-oldest channel of two
 * frames, double buffered (the next frame is queued while the previous encodes), its packets pooled and fanned out
 * to every attached {@link LiveOutput}.
 */
public interface EncodeStage extends AutoCloseable {

    /** What is encoded (extradata filled once the encoder is open), to open outputs with. */
    StreamFormat format();

    /** Attaches an output; packets from the next keyframe on go to it. */
    void attach(LiveOutput output);

    /**
     * Stops sending packets to {@code output} (a session's {@code stopOutput}); the caller closes it afterwards.
     * The default does nothing, so an output must ignore packets sent after its close.
     */
    default void detach(LiveOutput output) {
    }

    /**
     * Queues a composed picture (NV12 or I420 at the format's size), taking over one reference of {@code frame}.
     * Never blocks: when two pictures already wait, the oldest is released and counted as dropped at encode.
     */
    void submit(Frame frame, long ptsMicros, long captureNanos);

    /** Queues sound: interleaved s16 at the format's rate and channels, copied before returning. Never blocks. */
    void submitAudio(ByteBuffer data, int samples, long ptsMicros, long captureNanos);

    /** Pictures encoded. */
    long encodedFrames();

    /** Bytes produced (video and audio). */
    long encodedBytes();

    /** Pictures dropped at the process -> encode channel. */
    long dropped();

    /** Pictures waiting now. */
    int queued();

    /** Capture-to-encoded latency of the last window: p50, p95 in ms into {@code out} (see {@link LatencyWindow}). */
    void latency(double[] out);

    /**
     * Encodes what is queued, flushes the encoders, closes every attached output (finalising recordings) and frees
     * the packet pool. Idempotent.
     */
    @Override
    void close();
}
