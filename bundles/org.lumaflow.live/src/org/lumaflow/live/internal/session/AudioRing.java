package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;

/**
 * One audio source's sound waiting for the pump: interleaved s16 stereo at 48 kHz in a fixed ring (two seconds);
 * when full the oldest sound is overwritten. Mono input is duplicated to both channels. Synchronized (one writer,
 * one reader, small copies); allocates nothing.
 */
final class AudioRing {

    static final int RATE = 48000;
    static final int CHANNELS = 2;

    private final short[] ring = new short[RATE * CHANNELS * 2];
    private int head;
    private int size;
    private long overruns;

    /** Appends {@code samples} frames of {@code channels}-channel s16 from {@code data}'s position. */
    synchronized void write(ByteBuffer data, int samples, int channels) {
        int pos = data.position();
        for (int i = 0; i < samples; i++) {
            int at = pos + i * channels * 2;
            short l = s16(data, at);
            short r = channels > 1 ? s16(data, at + 2) : l;
            put(l);
            put(r);
        }
    }

    /** Little-endian (FFmpeg's native s16 on x86 and ARM) whatever the buffer's order setting. */
    private static short s16(ByteBuffer b, int at) {
        return (short) ((b.get(at) & 0xFF) | (b.get(at + 1) << 8));
    }

    private void put(short v) {
        if (size == ring.length) {
            head = (head + 1) % ring.length;
            size--;
            overruns++;
        }
        ring[(head + size) % ring.length] = v;
        size++;
    }

    /** Sample frames waiting. */
    synchronized int available() {
        return size / CHANNELS;
    }

    /** Adds up to {@code frames} sample frames into {@code mix} (interleaved); returns how many there were. */
    synchronized int mixInto(int[] mix, int frames) {
        int n = Math.min(frames, size / CHANNELS) * CHANNELS;
        for (int i = 0; i < n; i++) {
            mix[i] += ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        return n / CHANNELS;
    }

    /** Drops all but the newest {@code frames} sample frames (to bound latency). */
    synchronized void trimTo(int frames) {
        int keep = frames * CHANNELS;
        if (size > keep) {
            head = (head + size - keep) % ring.length;
            size = keep;
        }
    }

    synchronized long overruns() {
        return overruns;
    }
}
