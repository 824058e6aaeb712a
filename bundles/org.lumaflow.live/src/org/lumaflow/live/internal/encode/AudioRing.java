package org.lumaflow.live.internal.encode;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;

/**
 * Interleaved s16 sound between the session's threads ({@link #write}, never blocks: the oldest sound is overwritten
 * when the encoder falls a second behind) and the encode thread ({@link #read} into a linear scratch buffer).
 * Nothing is allocated per call.
 */
final class AudioRing {

    private final ByteBuffer ring;
    private final int frameBytes;
    private final ByteBuffer linear;
    private final BytePointer linearPointer;
    private long written;
    private long read;
    private long firstMicros = Long.MIN_VALUE;
    private long lastCapture;
    private long overwritten;

    AudioRing(int sampleRate, int channels) {
        frameBytes = 2 * channels;
        ring = ByteBuffer.allocateDirect(sampleRate * frameBytes);
        linear = ByteBuffer.allocateDirect(AudioEncoder.CHUNK * frameBytes);
        linearPointer = new BytePointer(linear);
    }

    /** Copies {@code samples} frames from {@code data}'s position (left unchanged). */
    synchronized void write(ByteBuffer data, int samples, long ptsMicros, long captureNanos) {
        if (firstMicros == Long.MIN_VALUE) {
            firstMicros = ptsMicros;
        }
        lastCapture = captureNanos;
        int bytes = samples * frameBytes;
        int cap = ring.capacity();
        int from = data.position();
        for (int i = 0; i < bytes; i++) {
            ring.put((int) ((written + i) % cap), data.get(from + i));
        }
        written += bytes;
        if (written - read > cap) {
            overwritten += (written - cap - read) / frameBytes;
            read = written - cap;
        }
    }

    /** Moves up to {@link AudioEncoder#CHUNK} frames into the scratch buffer; returns how many (0: none). */
    synchronized int read() {
        int frames = (int) Math.min(AudioEncoder.CHUNK, (written - read) / frameBytes);
        int bytes = frames * frameBytes;
        int cap = ring.capacity();
        for (int i = 0; i < bytes; i++) {
            linear.put(i, ring.get((int) ((read + i) % cap)));
        }
        read += bytes;
        return frames;
    }

    long address() {
        return linearPointer.address();
    }

    synchronized long firstMicros() {
        return firstMicros;
    }

    synchronized long lastCapture() {
        return lastCapture;
    }

    synchronized long overwritten() {
        return overwritten;
    }
}
