package org.lumaflow.live;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One encoded packet from the session's single encode, shared by every output. Packets come from a pool (off-heap,
 * no per-packet allocation): an output that keeps a packet past {@link LiveOutput#send} calls {@link #retain()} and
 * later {@link #release()}.
 */
@ProviderType
public interface EncodedPacket {

    /** {@link #stream()} of the video stream. */
    int VIDEO = 0;

    /** {@link #stream()} of the audio stream. */
    int AUDIO = 1;

    /** {@link #VIDEO} or {@link #AUDIO}. */
    int stream();

    /** The payload (H.264 in Annex B for video; raw AAC or Opus frames for audio), read-only, position 0. */
    ByteBuffer data();

    /** Presentation time in microseconds from the session start. */
    long ptsMicros();

    /** Decoding time in microseconds from the session start. */
    long dtsMicros();

    /** Whether decoding can start here (an IDR picture; every audio packet). */
    boolean keyframe();

    /** Whether no other picture refers to this one, so it may be dropped under congestion. */
    boolean disposable();

    /** {@link System#nanoTime()} when the picture or sound was captured (for latency statistics). */
    long captureNanos();

    /** For audio: which codec ({@code aac}, {@code opus}); for video the video codec. */
    String codec();

    /** Adds a reference. */
    EncodedPacket retain();

    /** Drops a reference; the last one returns the packet to its pool. */
    void release();
}
