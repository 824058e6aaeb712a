package org.lumaflow.decoder.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bytedeco.javacpp.BytePointer;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.DecodeError;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.decoder.PictureSource;
import org.lumaflow.decoder.VideoStreamInfo;

/**
 * {@link PictureSource} on a {@link VideoDecoder} (software, errors stepped over): a decode thread fills a ring of
 * direct buffers allocated once at open; the consumer reads them in order.
 */
final class PictureReader implements PictureSource {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(
            Long.getLong("lumaflow.decode.timeoutSeconds", 20));

    private final VideoDecoder decoder;
    private final PlanarCopier copier;
    private final ByteBuffer[] slots;
    private final long[] addresses;
    private final BytePointer[] pointers;
    private final long[] times;
    private final boolean[] corrupt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    /** filled slots: [head, head + count); the consumer holds {@code head} while {@link #holding} */
    private int head;
    private int count;
    private boolean holding;
    private boolean eof;
    private String failure;
    private boolean closed;

    PictureReader(Path file, int lookahead) throws MediaException {
        VideoDecoder dec = new VideoDecoder(file, false);
        PlanarCopier c;
        try {
            c = PlanarCopier.of(dec.info());
            if (c == null) {
                throw new MediaException(file, "pictures are " + dec.info().pixelFormat()
                        + ", a pixel format FFmpeg cannot convert for measuring");
            }
        } catch (MediaException | RuntimeException e) {
            dec.close();
            throw e;
        }
        dec.tolerateErrors();
        this.decoder = dec;
        this.copier = c;
        int n = Math.max(2, lookahead + 1);
        slots = new ByteBuffer[n];
        addresses = new long[n];
        pointers = new BytePointer[n];
        times = new long[n];
        corrupt = new boolean[n];
        long bytes = c.layout().bytes();
        if (bytes > Integer.MAX_VALUE) {
            close(dec, c);
            throw new MediaException(file, "pictures of " + dec.info().width() + "x" + dec.info().height()
                    + " are too large to measure");
        }
        for (int i = 0; i < n; i++) {
            slots[i] = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
            pointers[i] = new BytePointer(slots[i]);
            addresses[i] = pointers[i].address();
        }
        thread = Thread.ofPlatform().daemon().name("pictures " + file.getFileName()).unstarted(this::run);
        thread.start();
    }

    @Override
    public VideoStreamInfo stream() {
        return decoder.info();
    }

    @Override
    public PictureLayout layout() {
        return copier.layout();
    }

    @Override
    public ByteBuffer picture() {
        return slots[head];
    }

    @Override
    public long time() {
        return times[head];
    }

    @Override
    public boolean damaged() {
        return corrupt[head];
    }

    @Override
    public List<DecodeError> errors() {
        return decoder.errors();
    }

    @Override
    public boolean next() throws MediaException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        lock.lock();
        try {
            if (holding) {
                holding = false;
                head = (head + 1) % slots.length;
                count--;
                changed.signalAll();
            }
            while (true) {
                if (closed) {
                    throw new MediaException(decoder.file(), "closed");
                }
                if (count > 0) {
                    holding = true;
                    return true;
                }
                if (failure != null) {
                    throw new MediaException(decoder.file(), failure);
                }
                if (eof) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MediaException(decoder.file(), "timed out decoding the picture after "
                            + String.format("%.3f s", Ticks.toSeconds(decoder.pts())));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(decoder.file(), "interrupted while decoding");
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            int slot;
            lock.lock();
            try {
                while (!closed && count == slots.length) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                slot = (head + count) % slots.length;
            } finally {
                lock.unlock();
            }
            boolean more;
            String error = null;
            try {
                more = decoder.next();
                if (more) {
                    copier.convert(decoder.frame(), slots[slot], addresses[slot]);
                    times[slot] = decoder.pts();
                    corrupt[slot] = decoder.lastCorrupt();
                }
            } catch (MediaException | RuntimeException e) {
                more = false;
                error = e.getMessage() == null ? "decoder error" : e.getMessage();
            }
            lock.lock();
            try {
                if (error != null) {
                    failure = error;
                } else if (more) {
                    count++;
                } else {
                    eof = true;
                }
                changed.signalAll();
                if (!more) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            close(decoder, copier);
            for (BytePointer p : pointers) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    private static void close(VideoDecoder d, PlanarCopier c) {
        c.close();
        d.close();
    }
}
