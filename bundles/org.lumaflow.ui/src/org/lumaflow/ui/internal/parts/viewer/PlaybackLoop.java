package org.lumaflow.ui.internal.parts.viewer;

import java.util.function.Consumer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.audio.AudioPlayer;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The viewer's render thread: renders the playhead frame when something changed, and while playing renders the frames
 * the {@link PlaybackClock} asks for under the chosen {@link DropStrategy}. Frames are read back at the preview size
 * into one of two reused {@link FrameImage}s and handed to the UI thread ({@code present}); at most one hand-over is in
 * flight, so the buffer being drawn is never the one being filled. With an {@link AudioPlayer}, playing at normal
 * speed starts the sound at the same frame and follows the sound device's clock (the master): a frame is shown when
 * its sound is heard, and the offset between the two is measured ({@link ViewerStats#avOffsetMs()}).
 */
public final class PlaybackLoop implements Runnable {

    /** A frame ready to draw: image data index, frame number, stats. */
    public record Presented(FrameImage image, long frame, ViewerStats stats) {
    }

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");
    private final Studio studio;
    private final Consumer<Presented> present;
    private final org.lumaflow.ui.internal.model.ScopeFeed scopes;
    private final FrameImage[] images = {new FrameImage(), new FrameImage()};
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    // state guarded by lock
    private boolean dirty = true;
    private boolean presenting;
    private long requestedFrame;
    private double speed;
    private int outW = 640;
    private int outH = 360;
    private int divisor = 2;
    private DropStrategy strategy = DropStrategy.ADAPTIVE;
    private String wipeClip;
    private double wipe = 0.5;
    // render thread only
    private TimelineRenderer renderer;
    private TimelineRenderer sourceRenderer;
    private Timeline rendererOf;
    private long sourceRevision = -1;
    private String sourceOf;
    private int next;
    private long shown;
    private long dropped;
    private long lastShown = -1;
    private double renderMs;
    // the last hand-over, for the UI thread's presented()
    private volatile long handedAt;
    private volatile long handedFrame = -1;
    private volatile boolean handedPlaying;
    /** How long the UI thread takes to put a handed-over frame on screen, ms (smoothed). */
    private volatile double presentMs;
    private int degrade = 1;
    private long windowStart;
    private long windowShown;
    private long windowDropped;
    private double fps;
    private final SoundSync sound = new SoundSync();
    private volatile double speedNow;

    public PlaybackLoop(Studio studio, org.lumaflow.ui.internal.model.ScopeFeed scopes, Consumer<Presented> present) {
        this.studio = studio;
        this.scopes = scopes;
        this.present = present;
        this.thread = new Thread(this, "lumaflow-viewer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Re-render the current frame (timeline, selection or size changed). */
    public void invalidate() {
        synchronized (lock) {
            dirty = true;
            lock.notifyAll();
        }
    }

    /** Sets the frame to show when paused (ignored while playing). */
    public void seek(long frame) {
        synchronized (lock) {
            if (frame != requestedFrame) {
                requestedFrame = frame;
                dirty = true;
                lock.notifyAll();
            }
        }
    }

    /** Sound for playback (null: silent). */
    public void setAudio(AudioPlayer player) {
        sound.setAudio(player);
    }

    public void setSpeed(double s) {
        synchronized (lock) {
            speed = s;
            speedNow = s;
            dirty = true;
            lock.notifyAll();
        }
    }

    public void configure(int width, int height, int div, DropStrategy drop) {
        synchronized (lock) {
            outW = Math.max(2, width & ~1);
            outH = Math.max(2, height & ~1);
            divisor = Math.max(1, div);
            strategy = drop;
            dirty = true;
            lock.notifyAll();
        }
    }

    /** A/B wipe: show {@code clipId}'s bare source left of {@code position} (0..1); null turns it off. */
    public void wipe(String clipId, double position) {
        synchronized (lock) {
            wipeClip = clipId;
            wipe = position;
            dirty = true;
            lock.notifyAll();
        }
    }

    /** The UI thread has drawn the last hand-over. */
    public void presented() {
        long now = System.nanoTime();
        long f = handedFrame;
        if (f >= 0) {
            double ms = (now - handedAt) / 1e6;
            presentMs = presentMs == 0 ? ms : presentMs * 0.8 + ms * 0.2;
            if (handedPlaying) { // the A/V offset as the frame reaches the screen
                sound.measure(f, speedNow, studio.timeline().format().rate(), now);
            }
        }
        synchronized (lock) {
            presenting = false;
            lock.notifyAll();
        }
    }

    @Override
    public void run() {
        org.lumaflow.decoder.proxy.Proxies.previewThread(true); // the viewer may read proxies; exports never do
        PlaybackClock clock = null;
        double clockSpeed = 0;
        while (running) {
            long frame;
            int w;
            int h;
            int div;
            DropStrategy drop;
            String wipeId;
            double wipePos;
            double sp;
            synchronized (lock) {
                while (running && (presenting || speed == 0 && !dirty)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) {
                    return;
                }
                dirty = false;
                sp = speed;
                w = outW;
                h = outH;
                div = divisor;
                drop = strategy;
                wipeId = wipeClip;
                wipePos = wipe;
                frame = requestedFrame;
            }
            long total = studio.timeline().frameCount();
            long now = System.nanoTime();
            if (sp != 0) {
                if (clock == null || clockSpeed != sp) {
                    clock = new PlaybackClock(studio.timeline().format().rate().toDouble());
                    long from = lastShown >= 0 ? lastShown : frame;
                    clock.start(from, sp, now);
                    clockSpeed = sp;
                    resetCounters(now);
                    sound.start(from, sp, studio.timeline().format().rate());
                }
                sound.sync(clock, sp, studio.timeline().format().rate(), now);
                long step = sp > 0 ? 1 : -1;
                long lead = lead(clock);
                long due = clock.due(now + lead);
                if (drop == DropStrategy.NEVER || lastShown < 0) {
                    frame = lastShown < 0 ? due : lastShown + step;
                    if (drop == DropStrategy.NEVER && Math.abs(due - frame) > 1) {
                        clock.start(frame, sp, now); // fell behind: slow down instead of skipping
                    }
                } else {
                    // never back (the sound's clock may start behind the picture): wait for it instead
                    frame = (due - lastShown) * step <= 0 ? lastShown + step : due;
                    long missed = Math.abs(frame - lastShown) - 1;
                    if (missed > 0) {
                        dropped += missed;
                        windowDropped += missed;
                    }
                }
                if (frame < 0 || frame >= total) {
                    frame = Math.max(0, Math.min(total - 1, frame));
                    studio.transport().stop();
                }
                // wait until the frame is due (never run ahead of the clock, which follows the sound)
                if (!waitUntilDue(clock, frame, sp, lead)) {
                    continue;
                }
            } else {
                if (clock != null) {
                    sound.stop();
                }
                clock = null;
                clockSpeed = 0;
                lastShown = -1;
                frame = Math.max(0, Math.min(total - 1, frame));
            }
            render(frame, w, h, div, drop, wipeId, wipePos, sp != 0);
        }
    }

    /**
     * How long before a frame is due its rendering starts (the last render time and the time the UI takes to show
     * it, at most two frames), so that it reaches the screen when due, in step with the sound.
     */
    private long lead(PlaybackClock clock) {
        double frameNanos = 1e9 / studio.timeline().format().rate().toDouble();
        return (long) Math.min((renderMs + presentMs) * 1e6, 2 * frameNanos);
    }

    /**
     * Sleeps until {@code lead} nanoseconds before {@code frame} is due; false when the speed changed meanwhile (the
     * frame is not wanted).
     */
    private boolean waitUntilDue(PlaybackClock clock, long frame, double sp, long lead) {
        while (running) {
            long now = System.nanoTime();
            sound.sync(clock, sp, studio.timeline().format().rate(), now);
            long wait = clock.dueAt(frame) - lead - now;
            if (wait <= 1_000_000) {
                return true;
            }
            if (speedNow != sp) {
                return false;
            }
            try {
                long slice = Math.min(wait, 8_000_000);
                Thread.sleep(slice / 1_000_000, (int) (slice % 1_000_000));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    private void resetCounters(long now) {
        shown = 0;
        dropped = 0;
        windowStart = now;
        windowShown = 0;
        windowDropped = 0;
        fps = 0;
    }

    private void render(long frame, int outWidth, int outHeight, int div, DropStrategy drop, String wipeId,
            double wipePos, boolean playing) {
        var format = studio.timeline().format();
        int rw = Math.max(2, (format.width() / div / degrade) & ~1);
        int rh = Math.max(2, (format.height() / div / degrade) & ~1);
        int ow = Math.min(outWidth, rw);
        int oh = Math.min(outHeight, rh);
        FrameImage img = images[next];
        long t0 = System.nanoTime();
        studio.readLock().lock();
        try {
            Timeline tl = studio.timeline();
            if (renderer == null || rendererOf != tl) {
                renderer = studio.newRenderer();
                rendererOf = tl;
                sourceRenderer = null;
            }
            try (RenderResult r = renderer.previewFrame(frame, rw, rh, ow, oh)) {
                img.fill(r.frame());
            }
            if (wipeId != null) {
                TimelineRenderer src = sourceRenderer(wipeId);
                if (src != null) {
                    try (RenderResult b = src.previewFrame(frame, rw, rh, ow, oh)) {
                        overlayLeft(img, b.frame(), (int) Math.round(wipePos * ow));
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "viewer: frame " + frame + " failed: " + e.getMessage());
            return;
        } finally {
            studio.readLock().unlock();
        }
        renderMs = (System.nanoTime() - t0) / 1e6;
        if (scopes != null) {
            var d = img.current(); // 32-bit rows are tight (w * 4); the feed copies before publish returns
            scopes.publish(d.data, d.width, d.height, frame, null);
        }
        long now = System.nanoTime();
        if (playing) {
            shown++;
            windowShown++;
            lastShown = frame;
            double secs = (now - windowStart) / 1e9;
            if (secs >= 0.5) {
                fps = windowShown / secs;
                adapt(drop, windowShown, windowDropped);
                windowStart = now;
                windowShown = 0;
                windowDropped = 0;
            }
        }
        ViewerStats stats = new ViewerStats(shown, dropped, fps, renderMs, ow, oh, studio.engine().backend(), frame,
                playing ? sound.offsetMs() : Double.NaN, sound.maxMs());
        synchronized (lock) {
            presenting = true;
        }
        next ^= 1;
        handedFrame = frame;
        handedPlaying = playing;
        handedAt = System.nanoTime();
        present.accept(new Presented(img, frame, stats));
    }

    /** Aggressive: halve the render size while more than a tenth of the frames drop, restore it when none do. */
    private void adapt(DropStrategy drop, long winShown, long winDropped) {
        if (drop != DropStrategy.AGGRESSIVE) {
            degrade = 1;
            return;
        }
        if (winDropped * 10 > winShown + winDropped && degrade < 4) {
            degrade *= 2;
        } else if (winDropped == 0 && degrade > 1) {
            degrade /= 2;
        }
    }

    /** A renderer of {@code clipId}'s source alone (no effects, no other tracks), rebuilt when the timeline changes. */
    private TimelineRenderer sourceRenderer(String clipId) {
        Timeline tl = studio.timeline();
        if (sourceRenderer == null || !clipId.equals(sourceOf) || sourceRevision != tl.revision()) {
            Clip c = studio.findClip(clipId);
            if (c == null) {
                return null;
            }
            Timeline one = new Timeline(tl.format());
            Track t = new Track("source");
            t.clips().add(new Clip(c.id(), c.source(), c.start(), c.in(), c.duration()));
            one.tracks().add(t);
            sourceRenderer = new TimelineRenderer(studio.engine(), one, studio.project().baseDir());
            sourceOf = clipId;
            sourceRevision = tl.revision();
        }
        return sourceRenderer;
    }

    private static void overlayLeft(FrameImage img, Frame b, int x) {
        var data = img.current();
        int cols = Math.min(x, Math.min(b.width(), data.width));
        if (cols <= 0) {
            return;
        }
        var buf = b.buffer();
        for (int y = 0; y < Math.min(b.height(), data.height); y++) {
            buf.get(y * b.width() * 4, data.data, y * data.bytesPerLine, cols * 4);
        }
    }
}
