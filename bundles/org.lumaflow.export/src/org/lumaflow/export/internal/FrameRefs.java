package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_buffer_create;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_get_ref_count;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.Free_Pointer_BytePointer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.lumaflow.core.pool.Frame;

/**
 * Pooled frames lent to FFmpeg by reference: each pooled buffer gets one long-lived {@link AVBufferRef} around its
 * memory (whose free function does nothing: the pool owns the memory), set as {@code buf[0]} of the AVFrame handed
 * to the encoder, so {@code avcodec_send_frame} takes a reference instead of copying the picture into a buffer of
 * its own. The pooled frame stays retained while FFmpeg holds a reference, which is seen from the buffer's reference
 * count (1 = only ours): no callback into Java from FFmpeg's threads, nothing allocated per frame once every pooled
 * buffer has been seen. Not thread-safe: one per encoder.
 */
final class FrameRefs implements AutoCloseable {

    /** Buffers kept before idle ones are dropped (pools hand out a few buffers again and again). */
    private static final int MAX = 32;

    /** The free function of our buffers: nothing to free, the pool owns the memory. */
    private static final class Keep extends Free_Pointer_BytePointer {
        static final Keep INSTANCE = new Keep();

        private Keep() {
            super();
        }

        @Override
        public void call(Pointer opaque, BytePointer data) {
            // the memory belongs to the frame pool
        }
    }

    /** One pooled buffer: its FFmpeg reference and how many retains of its frame we hold for FFmpeg. */
    private static final class Lent {
        final AVBufferRef ref;
        Frame frame;
        int held;

        Lent(AVBufferRef ref) {
            this.ref = ref;
        }
    }

    private final Map<ByteBuffer, Lent> lent = new IdentityHashMap<>();
    private int outstanding;

    /**
     * The buffer reference to set as {@code buf[0]} while {@code frame} (whose memory starts at {@code base}) is sent
     * to FFmpeg; call {@link #sent} after sending.
     */
    AVBufferRef refFor(Frame frame, BytePointer base) {
        ByteBuffer b = frame.buffer();
        Lent l = lent.get(b);
        if (l == null) {
            if (lent.size() >= MAX) {
                dropIdle();
            }
            AVBufferRef ref = av_buffer_create(base.position(0), b.capacity(), Keep.INSTANCE, null, 0);
            if (ref == null || ref.isNull()) {
                throw new OutOfMemoryError("av_buffer_create failed");
            }
            l = new Lent(ref);
            lent.put(b, l);
        }
        return l.ref;
    }

    /**
     * After {@code frame} was sent: when FFmpeg kept a reference to its buffer, retains the frame until FFmpeg drops
     * it. Also releases frames FFmpeg is done with.
     */
    void sent(Frame frame) {
        Lent l = lent.get(frame.buffer());
        if (l != null && av_buffer_get_ref_count(l.ref) > 1) {
            l.frame = frame.retain();
            l.held++;
            outstanding++;
        }
        collect();
    }

    /** Releases the frames whose buffers FFmpeg no longer references. */
    void collect() {
        if (outstanding == 0) {
            return;
        }
        for (Lent l : lent.values()) {
            if (l.held > 0 && av_buffer_get_ref_count(l.ref) == 1) {
                release(l);
            }
        }
    }

    /** Frames still lent to FFmpeg (retained by us for it). */
    int outstanding() {
        return outstanding;
    }

    private void release(Lent l) {
        Frame f = l.frame;
        int n = l.held;
        l.frame = null;
        l.held = 0;
        outstanding -= n;
        for (int i = 0; i < n; i++) {
            f.release();
        }
    }

    private void dropIdle() {
        for (Iterator<Lent> it = lent.values().iterator(); it.hasNext();) {
            Lent l = it.next();
            if (l.held == 0 && av_buffer_get_ref_count(l.ref) == 1) {
                av_buffer_unref(l.ref);
                it.remove();
            }
        }
    }

    /**
     * Releases everything; call after FFmpeg has dropped its references (encoder freed). A buffer FFmpeg still
     * references keeps its frame retained (leaked rather than freed under FFmpeg's feet).
     */
    @Override
    public void close() {
        collect();
        for (Iterator<Lent> it = lent.values().iterator(); it.hasNext();) {
            Lent l = it.next();
            if (l.held == 0 && av_buffer_get_ref_count(l.ref) == 1) {
                av_buffer_unref(l.ref);
            }
            it.remove();
        }
    }
}
