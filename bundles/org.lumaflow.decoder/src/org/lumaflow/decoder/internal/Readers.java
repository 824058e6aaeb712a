package org.lumaflow.decoder.internal;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.pool.FramePool;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService.Fit;

/**
 * Readers shared by the {@code media.video} node instances of one clip across the compiled graphs of a timeline
 * (segments are recompiled, the reader and its lookahead survive), closed after a few seconds without use.
 */
final class Readers {

    /** {@code shapeW x shapeH}: a proxy's original display size (its pictures fill that shape), else 0 x 0. */
    record Key(FramePool pool, String node, Path file, int width, int height, Fit fit, int shapeW, int shapeH) {

        Key(FramePool pool, String node, Path file, int width, int height, Fit fit) {
            this(pool, node, file, width, height, fit, 0, 0);
        }

        boolean proxy() {
            return shapeW > 0;
        }
    }

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("lumaflow.decode.idleSeconds", 10));
    private static final Map<Key, LookaheadReader> OPEN = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "decode reaper");
        t.setDaemon(true);
        return t;
    });

    static {
        REAPER.scheduleWithFixedDelay(Readers::closeIdle, 2, 2, TimeUnit.SECONDS);
    }

    private Readers() {
    }

    static LookaheadReader acquire(Key key, int lookahead) throws MediaException {
        LookaheadReader r = OPEN.get(key);
        if (r != null && !r.isClosed()) {
            return r;
        }
        synchronized (OPEN) {
            r = OPEN.get(key);
            if (r == null || r.isClosed()) {
                if (key.proxy()) {
                    VideoDecoder dec = new VideoDecoder(key.file(), false);
                    r = new LookaheadReader(dec, org.lumaflow.core.pool.FrameKey.rgba(key.width(), key.height()),
                            new PictureScaler(key.width(), key.height(), key.fit(), dec.info().rotation(),
                                    key.shapeW(), key.shapeH()), key.pool(), lookahead);
                    org.lumaflow.decoder.proxy.Proxies.readerOpened();
                } else {
                    r = (LookaheadReader) FFmpegMediaService.INSTANCE.openVideo(key.file(), key.width(), key.height(),
                            key.fit(), key.pool(), lookahead);
                }
                OPEN.put(key, r);
            }
            return r;
        }
    }

    static void closeIdle() {
        long now = System.nanoTime();
        for (Iterator<LookaheadReader> it = OPEN.values().iterator(); it.hasNext();) {
            LookaheadReader r = it.next();
            if (now - r.lastUse() > IDLE_NANOS) {
                it.remove();
                r.close();
            }
        }
    }

    /** Closes every reader (bundle stop, tests). */
    static void closeAll() {
        for (Iterator<LookaheadReader> it = OPEN.values().iterator(); it.hasNext();) {
            LookaheadReader r = it.next();
            it.remove();
            r.close();
        }
    }
}
