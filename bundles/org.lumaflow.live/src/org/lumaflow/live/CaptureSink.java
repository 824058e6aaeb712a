package org.lumaflow.live;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link LiveSource} delivers what it captures. Calls never block and allocate nothing in steady state.
 * <p>
 * Pictures: {@link #beginFrame} hands out the triple buffer's slot being written (a pooled frame, reallocated only
 * when the size or format changes); the source writes the picture into it (one copy from FFmpeg's frame, by pointer)
 * and {@link #publishFrame} makes it the newest ready frame. A ready frame the consumer had not taken yet is
 * overwritten and counted as dropped at capture. Call both from one thread.
 */
@ProviderType
public interface CaptureSink {

    /** The frame to write the next picture into ({@code format}: RGBA8, NV12 or I420). */
    Frame beginFrame(int width, int height, PixelFormat format);

    /**
     * Publishes the frame from {@link #beginFrame}; {@code captureNanos} is {@link System#nanoTime()} when the picture
     * was captured (the start of the latency measurement).
     */
    void publishFrame(long captureNanos);

    /**
     * Delivers sound: {@code samples} frames of interleaved signed 16-bit {@code channels}-channel audio at
     * {@code sampleRate}, read from {@code data}'s position (not kept after the call).
     */
    void audio(ByteBuffer data, int samples, int sampleRate, int channels, long captureNanos);

    /** The source failed for good (device gone, stream ended with an error): {@code message} names the source. */
    void failed(String message);

    /** The source ended normally (a file or stream reached its end). */
    void ended();
}
