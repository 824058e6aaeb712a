package org.lumaflow.ui.internal.model;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.lumaflow.engine.render.FrameStats;

import jakarta.inject.Singleton;

/**
 * The pictures the viewer shows, for the scopes: a one-slot mailbox from the viewer (publisher) to the scopes and any
 * other consumer. One per workbench.
 *
 * <h2>Getting it</h2> It is an E4 {@code @Creatable @Singleton}: ask for it by injection and every part gets the
 * same instance ({@code @PostConstruct void create(Composite parent, Studio studio, ScopeFeed feed)}, an
 * {@code @Inject ScopeFeed feed} field, or {@code ContextInjectionFactory.make(ScopeFeed.class, context)}). A plain
 * {@code context.get(ScopeFeed.class)} only finds it once somebody put it into the context: the scopes part does
 * ({@code MApplication}'s context) when it is created, but a part created before it must use injection.
 *
 * <h2>Publishing (the viewer)</h2>
 * <ul>
 * <li>Call one of the {@code publish} methods with each frame as it is <em>displayed</em> (not every frame rendered
 * ahead), from any thread. Small pictures are intended: about 256x144 to 512x288, RGBA8 (bytes R, G, B, A per pixel,
 * rows top to bottom). Larger pictures are accepted but decimated (nearest pixel) to at most {@link #MAX_SIZE} on each
 * side while copying.</li>
 * <li>The pixels are <b>copied</b> before {@code publish} returns (under a short lock, about 0.1 ms for 256x144), so
 * the caller keeps ownership of its array or buffer and may reuse it at once; no allocation happens per frame once
 * the feed's buffer has grown to the size used.</li>
 * <li>{@code stats} may be null; when given (full-resolution {@link FrameStats} from
 * {@code CompiledGraph.stats(...)} or {@link FrameStats#of}) the histogram uses its exact luma histogram instead of
 * counting the small picture.</li>
 * <li>{@code frame} is the timeline frame number shown (project rate).</li>
 * <li>Call {@link #clear()} when the viewer shows no picture any more (project closed, render failed).</li>
 * <li>Publishing is cheap but listeners run on the publisher's thread: consumers only wake their own worker there.</li>
 * </ul>
 *
 * <h2>Consuming (the scopes)</h2> Register a {@link #addListener listener} (a wake-up call, on the publisher's
 * thread: keep it trivial), then {@link #copyLatest copy} the newest frame into a reusable {@link ScopeFrame} on your
 * own thread. Frames published between two copies are dropped, which is what a scope wants.
 */
@Creatable
@Singleton
public final class ScopeFeed {

    /** Largest width and height kept; larger pictures are decimated while copied. */
    public static final int MAX_SIZE = 640;

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScopeFrame latest = new ScopeFrame();
    private long serial;

    // ---- publishing ----------------------------------------------------------------------------------------------

    /**
     * Publishes an RGBA8 picture held in {@code rgba} (tightly packed rows, {@code width * 4} bytes each, from index
     * 0); the array is copied.
     */
    public void publish(byte[] rgba, int width, int height, long frame, FrameStats stats) {
        check(width, height, rgba.length, width * 4);
        synchronized (this) {
            int step = step(width, height);
            int w = (width + step - 1) / step;
            int h = (height + step - 1) / step;
            byte[] dst = latest.ensure(w, h);
            if (step == 1) {
                System.arraycopy(rgba, 0, dst, 0, w * h * 4);
            } else {
                int o = 0;
                for (int y = 0; y < height; y += step) {
                    int row = y * width * 4;
                    for (int x = 0; x < width; x += step) {
                        int s = row + x * 4;
                        dst[o++] = rgba[s];
                        dst[o++] = rgba[s + 1];
                        dst[o++] = rgba[s + 2];
                        dst[o++] = rgba[s + 3];
                    }
                }
            }
            stamp(frame, stats);
        }
        wake();
    }

    /**
     * Publishes an RGBA8 picture held in {@code rgba} from absolute index 0 with {@code stride} bytes per row (the
     * buffer's position and limit are not changed), e.g. a rendered {@code Frame}'s {@code buffer()}.
     */
    public void publish(ByteBuffer rgba, int width, int height, int stride, long frame, FrameStats stats) {
        check(width, height, rgba.capacity(), stride);
        synchronized (this) {
            int step = step(width, height);
            int w = (width + step - 1) / step;
            int h = (height + step - 1) / step;
            byte[] dst = latest.ensure(w, h);
            if (step == 1) {
                for (int y = 0; y < height; y++) {
                    rgba.get(y * stride, dst, y * width * 4, width * 4);
                }
            } else {
                int o = 0;
                for (int y = 0; y < height; y += step) {
                    int row = y * stride;
                    for (int x = 0; x < width; x += step) {
                        int s = row + x * 4;
                        dst[o++] = rgba.get(s);
                        dst[o++] = rgba.get(s + 1);
                        dst[o++] = rgba.get(s + 2);
                        dst[o++] = rgba.get(s + 3);
                    }
                }
            }
            stamp(frame, stats);
        }
        wake();
    }

    /** Publishes {@code f}'s picture (copied; {@code f} stays the caller's). */
    public void publish(ScopeFrame f) {
        publish(f.rgba(), f.width(), f.height(), f.frame(), f.stats());
    }

    /** The viewer shows no picture any more: consumers see {@link #hasFrame()} false. */
    public void clear() {
        synchronized (this) {
            latest.width = 0;
            latest.height = 0;
            latest.stats = null;
            latest.frame = -1;
            latest.serial = ++serial;
            latest.publishedNanos = System.nanoTime();
        }
        wake();
    }

    // ---- consuming -----------------------------------------------------------------------------------------------

    /** Called (on the publisher's thread) after every publish and clear: wake a worker, nothing more. */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    /** Increases with every publish or clear; 0 before the first. */
    public synchronized long serial() {
        return serial;
    }

    /** Whether a picture is published (and not cleared). */
    public synchronized boolean hasFrame() {
        return latest.width > 0;
    }

    /** {@link System#nanoTime()} of the last publish or clear (0 before the first). */
    public synchronized long lastPublishNanos() {
        return latest.publishedNanos;
    }

    /**
     * Copies the newest frame into {@code into} (its array grows when needed, else is reused) unless {@code into}
     * already holds it; returns whether it changed.
     */
    public boolean copyLatest(ScopeFrame into) {
        synchronized (this) {
            if (into.serial == latest.serial && into.serial != 0) {
                return false;
            }
            byte[] dst = into.ensure(latest.width, latest.height);
            System.arraycopy(latest.rgba, 0, dst, 0, latest.width * latest.height * 4);
            into.frame = latest.frame;
            into.stats = latest.stats;
            into.serial = latest.serial;
            into.publishedNanos = latest.publishedNanos;
            return true;
        }
    }

    private void stamp(long frame, FrameStats stats) {
        latest.frame = frame;
        latest.stats = stats;
        latest.serial = ++serial;
        latest.publishedNanos = System.nanoTime();
    }

    private void wake() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                System.getLogger("org.lumaflow.ui").log(System.Logger.Level.WARNING, "scope listener failed", e);
            }
        }
    }

    private static int step(int width, int height) {
        return Math.max(1, Math.max((width + MAX_SIZE - 1) / MAX_SIZE, (height + MAX_SIZE - 1) / MAX_SIZE));
    }

    private static void check(int width, int height, int capacity, int stride) {
        if (width <= 0 || height <= 0 || stride < width * 4 || (long) stride * (height - 1) + width * 4L > capacity) {
            throw new IllegalArgumentException("scope frame " + width + "x" + height + " (stride " + stride
                    + ") does not fit " + capacity + " bytes");
        }
    }

    /**
     * A small RGBA8 picture with its frame number and optional statistics. Consumers keep one and let
     * {@link ScopeFeed#copyLatest} refill it; publishers may wrap their own array with {@link #wrap} and hand it to
     * {@link ScopeFeed#publish(ScopeFrame)} (copied).
     */
    public static final class ScopeFrame {

        private byte[] rgba = new byte[0];
        private int width;
        private int height;
        private long frame = -1;
        private FrameStats stats;
        private long serial;
        private long publishedNanos;

        /** Empty; filled by {@link ScopeFeed#copyLatest}. */
        public ScopeFrame() {
        }

        /** Wraps (does not copy) a publisher's picture: {@code width * height * 4} bytes R, G, B, A. */
        public static ScopeFrame wrap(byte[] rgba, int width, int height, long frame, FrameStats stats) {
            ScopeFrame f = new ScopeFrame();
            f.rgba = rgba;
            f.width = width;
            f.height = height;
            f.frame = frame;
            f.stats = stats;
            return f;
        }

        /** Pixels, R, G, B, A bytes, {@code width * 4} per row; the array may be longer than needed. */
        public byte[] rgba() {
            return rgba;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Timeline frame number (-1 when none). */
        public long frame() {
            return frame;
        }

        /** Full-resolution statistics of the frame, or null. */
        public FrameStats stats() {
            return stats;
        }

        /** The feed's serial of this picture (0 when never filled). */
        public long serial() {
            return serial;
        }

        /** When it was published ({@link System#nanoTime()}). */
        public long publishedNanos() {
            return publishedNanos;
        }

        /** Whether it holds a picture. */
        public boolean present() {
            return width > 0 && height > 0;
        }

        byte[] ensure(int w, int h) {
            int n = w * h * 4;
            if (rgba.length < n) {
                rgba = new byte[n];
            }
            width = w;
            height = h;
            return rgba;
        }
    }
}
