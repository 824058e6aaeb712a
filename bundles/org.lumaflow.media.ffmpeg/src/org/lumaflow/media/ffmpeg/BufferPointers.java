package org.lumaflow.media.ffmpeg;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.bytedeco.javacpp.BytePointer;

/**
 * JavaCPP pointers to pooled direct buffers, created once per buffer: frame pools hand the same few buffers out again
 * and again, so handing their memory to FFmpeg allocates nothing per frame. Not thread-safe: one instance per user
 * (decoder, encoder). The cache is cleared when it grows past 32 entries (buffers evicted from the pool).
 */
public final class BufferPointers {

    private static final int MAX = 32;

    private final Map<ByteBuffer, BytePointer> pointers = new IdentityHashMap<>();

    /** The pointer to {@code buffer}'s memory (position 0). Callers may move its position; reset it after use. */
    public BytePointer of(ByteBuffer buffer) {
        BytePointer p = pointers.get(buffer);
        if (p == null) {
            if (pointers.size() >= MAX) {
                pointers.clear();
            }
            p = new BytePointer(buffer);
            pointers.put(buffer, p);
        }
        return p;
    }
}
