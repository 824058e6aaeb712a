package org.lumaflow.live.internal.encode;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.BytePointer;
import org.lumaflow.live.EncodedPacket;

/**
 * A packet of the {@link PacketPool}: an off-heap buffer of one size class, a read-only view and a pointer to it made
 * once, and a reference count. {@link #data()} is shared by every output: read it with absolute gets (or a
 * duplicate), never move its position.
 */
public final class PooledPacket implements EncodedPacket {

    private final PacketPool pool;
    private final ByteBuffer buffer;
    private final ByteBuffer view;
    private final BytePointer pointer;
    final int sizeClass;
    private final AtomicInteger refs = new AtomicInteger();
    private int stream;
    private int size;
    private long pts;
    private long dts;
    private boolean keyframe;
    private boolean disposable;
    private long captureNanos;
    private String codec;

    PooledPacket(PacketPool pool, int capacity, int sizeClass) {
        this.pool = pool;
        this.buffer = ByteBuffer.allocateDirect(capacity);
        this.view = buffer.asReadOnlyBuffer();
        this.pointer = new BytePointer(buffer);
        this.sizeClass = sizeClass;
    }

    /** The writable memory (capacity of the size class), for the encoder filling it. */
    public BytePointer pointer() {
        return pointer;
    }

    /** The writable buffer (capacity of the size class). */
    ByteBuffer buffer() {
        return buffer;
    }

    int capacity() {
        return buffer.capacity();
    }

    /** Sets what the packet holds once its first {@code size} bytes are written; one reference. */
    void fill(int streamIndex, int bytes, long ptsMicros, long dtsMicros, boolean key, boolean drop, long capture,
            String codecName) {
        this.stream = streamIndex;
        this.size = bytes;
        this.pts = ptsMicros;
        this.dts = dtsMicros;
        this.keyframe = key;
        this.disposable = drop;
        this.captureNanos = capture;
        this.codec = codecName;
        view.limit(bytes).position(0);
        refs.set(1);
    }

    /** Payload size in bytes. */
    public int size() {
        return size;
    }

    @Override
    public int stream() {
        return stream;
    }

    @Override
    public ByteBuffer data() {
        return view;
    }

    @Override
    public long ptsMicros() {
        return pts;
    }

    @Override
    public long dtsMicros() {
        return dts;
    }

    @Override
    public boolean keyframe() {
        return keyframe;
    }

    @Override
    public boolean disposable() {
        return disposable;
    }

    @Override
    public long captureNanos() {
        return captureNanos;
    }

    @Override
    public String codec() {
        return codec;
    }

    @Override
    public EncodedPacket retain() {
        if (refs.getAndIncrement() <= 0) {
            refs.decrementAndGet();
            throw new IllegalStateException("retain of a released packet");
        }
        return this;
    }

    @Override
    public void release() {
        int left = refs.decrementAndGet();
        if (left == 0) {
            pool.recycle(this);
        } else if (left < 0) {
            refs.incrementAndGet();
            throw new IllegalStateException("packet released more often than retained");
        }
    }

    /** References held now (0 when back in the pool). */
    public int refCount() {
        return refs.get();
    }

    /**
     * Test support: clears {@code nal_ref_idc} of the picture's slices (as in a non-reference picture, which the
     * low-latency encoders never produce) and re-reads {@link #disposable()} from them.
     */
    public void makeNonReference() {
        Nal.clearRefIdc(buffer, size);
        disposable = !keyframe && Nal.disposable(buffer, size);
    }
}
