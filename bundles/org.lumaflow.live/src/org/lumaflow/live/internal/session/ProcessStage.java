package org.lumaflow.live.internal.session;

import java.util.concurrent.atomic.AtomicLong;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.LiveListener.Level;
import org.lumaflow.live.internal.compose.Composer;
import org.lumaflow.live.internal.compose.LiveSlots;
import org.lumaflow.live.internal.pipe.EncodeStage;

/**
 * The process thread: once per clock tick it puts the newest picture of every video source into the composition's
 * slots, renders the composition, and submits the NV12 picture to the encode stage (which never blocks). When it
 * falls behind, the drop strategy decides: NEVER renders every tick late, ADAPTIVE skips the ticks already late and
 * renders the newest, AGGRESSIVE also lowers the render size ({@link RenderGovernor}). The memory manager's step
 * caps the render size too.
 */
final class ProcessStage implements Runnable {

    /** What the stage reports to its session. */
    interface Host {
        boolean stopping();

        void event(Level level, String message);

        /** The clock reached the configured duration. */
        void durationReached();

        /** The memory manager's render scale now. */
        double memoryScale();
    }

    private final TickClock clock;
    private final SourceSink[] videoSinks;
    private final LiveSlots.Slot[] slots;
    private final Composer composer;
    private final EncodeStage encode;
    private final DropStrategy drop;
    private final long endTick;
    private final int width;
    private final int height;
    private final Host host;
    private final RenderGovernor governor;
    final AtomicLong rendered = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong renderNanos = new AtomicLong();
    volatile int renderWidth;
    volatile int renderHeight;

    ProcessStage(TickClock clock, SourceSink[] videoSinks, LiveSlots.Slot[] slots, Composer composer,
            EncodeStage encode, DropStrategy drop, long endTick, int width, int height, Host host) {
        this.clock = clock;
        this.videoSinks = videoSinks;
        this.slots = slots;
        this.composer = composer;
        this.encode = encode;
        this.drop = drop;
        this.endTick = endTick;
        this.width = width;
        this.height = height;
        this.host = host;
        this.governor = new RenderGovernor(clock.periodNanos(), (int) Math.max(5, 500_000_000L / clock
                .periodNanos()));
        this.renderWidth = width;
        this.renderHeight = height;
    }

    @Override
    public void run() {
        long n = 0;
        String lastWarning = null;
        while (n < endTick) {
            if (!TickClock.waitUntil(clock.deadline(n), host::stopping)) {
                return;
            }
            awaitPrimary();
            long t0 = System.nanoTime();
            long captureNanos = takeSources(t0);
            double s = Math.min(governor.scale(), host.memoryScale());
            int rw = s >= 1 ? width : Math.max(16, (int) Math.round(width * s) & ~1);
            int rh = s >= 1 ? height : Math.max(16, (int) Math.round(height * s) & ~1);
            renderWidth = rw;
            renderHeight = rh;
            Frame f = passthrough ? composer.passthrough(videoSinks[0].video.current(), clock.time(n)) : null;
            if (f == null) {
                f = composer.render(clock.time(n), rw, rh);
            }
            encode.submit(f, clock.micros(n), captureNanos);
            long spent = System.nanoTime() - t0;
            rendered.incrementAndGet();
            renderNanos.addAndGet(spent);
            String w = composer.takeWarning();
            if (w != null && !w.equals(lastWarning)) {
                lastWarning = w;
                host.event(Level.WARNING, "live composition: " + w);
            }
            long next = n + 1;
            long skippedNow = 0;
            if (drop != DropStrategy.NEVER) {
                long due = clock.tickAt(System.nanoTime());
                if (due > next) {
                    skippedNow = Math.min(due, endTick) - next;
                    next = Math.min(due, endTick);
                    skipped.addAndGet(skippedNow);
                }
            }
            if (drop == DropStrategy.AGGRESSIVE) {
                int moved = governor.update(spent, skippedNow);
                if (moved != 0) {
                    int pct = (int) Math.round(governor.scale() * 100);
                    host.event(moved < 0 ? Level.WARNING : Level.INFO, moved < 0
                            ? "process stage behind the clock: render size lowered to " + pct + "%"
                            : "process stage keeps up: render size raised to " + pct + "%");
                }
            }
            n = next;
        }
        host.durationReached();
    }

    /**
     * Phase lock with the main source: when it delivered a new picture for the previous tick but not yet for this
     * one, waits up to a quarter period for it. A source at the output's rate whose pictures arrive around the tick
     * (capture clock and tick clock are not locked) would otherwise alternate between a repeated picture and one
     * overwritten at capture; a source that stopped or runs slower costs at most the quarter period.
     */
    private void awaitPrimary() {
        if (videoSinks.length == 0 || !primaryKeptPace) {
            return;
        }
        var tb = videoSinks[0].video;
        long until = System.nanoTime() + clock.periodNanos() / 4;
        while (!tb.fresh() && System.nanoTime() < until && !host.stopping()) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000L);
        }
    }

    /** Puts each video source's newest picture into its slot; returns the first source's capture time. */
    private long takeSources(long now) {
        long capture = 0;
        for (int i = 0; i < videoSinks.length; i++) {
            var tb = videoSinks[i].video;
            Frame f = tb.take();
            if (i == 0) {
                primaryKeptPace = f != null;
            }
            if (f == null) {
                f = tb.current();
            }
            slots[i].set(f, f == null ? 0 : tb.currentCaptureNanos());
            if (capture == 0 && f != null) {
                capture = tb.currentCaptureNanos();
            }
        }
        return capture == 0 ? now : capture;
    }

    private boolean primaryKeptPace;
    /** One source, full layout, no effects: its NV12 pictures go to the encoder as they are (no render). */
    private boolean passthrough;

    /** Lets a single NV12 source at the output size bypass the composition. */
    void passthrough(boolean on) {
        passthrough = on && videoSinks.length == 1;
    }

    int governorLevel() {
        return governor.level();
    }
}
