package org.lumaflow.live.internal.session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveListener.Level;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.LiveSession;
import org.lumaflow.live.LiveStats;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.internal.capture.AudioRing;
import org.lumaflow.live.internal.compose.Composer;
import org.lumaflow.live.internal.compose.LiveSlots;
import org.lumaflow.live.internal.pipe.EncodeStage;

/**
 * A running session: the sources' sinks, the process thread, the audio pump, the monitor thread (statistics once a
 * second, memory checks) and the encode stage with its outputs. It ends on {@link #stop()}, when the duration is
 * reached, when every video source has ended, or when a video source the layout shows fails ({@link #failure()}).
 */
final class LiveSessionImpl implements LiveSession, SourceSink.Events, ProcessStage.Host {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.live");

    private final String id;
    private final LiveConfig config;
    private final LiveListener listener;
    private final List<SourceSink> sinks;
    private final SourceSink[] video;
    private final int shownVideo;
    private final Composer composer;
    private final EncodeStage encode;
    private final List<LiveOutput> outputs;
    private final Map<String, LiveOutput> byTarget = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<String, LiveOutputProvider> outputProviders;
    private final LiveSlots.Slot[] slots;
    private final MemoryManager memory;
    private final long memoryInterval;
    private final TickClock clock;
    private final long capturedBefore;
    private final long droppedBefore;
    private final ProcessStage process;
    private final AudioPump pump;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile String failure;
    private volatile LiveStats last;
    private final Object monitorLock = new Object();
    private long lastFrames;
    private long lastBytes;
    private long lastNanos;

    LiveSessionImpl(String id, LiveConfig config, LiveListener listener, List<SourceSink> sinks, int shownVideo,
            LiveSlots.Slot[] slots, Composer composer, EncodeStage encode, List<LiveOutput> outputs,
            List<String> targets, MemoryManager memory, long memoryInterval,
            java.util.function.Function<String, LiveOutputProvider> outputProviders) {
        this.id = id;
        this.config = config;
        this.listener = listener == null ? new LiveListener() {
        } : listener;
        this.sinks = List.copyOf(sinks);
        this.video = sinks.stream().filter(s -> s.videoIndex >= 0).toArray(SourceSink[]::new);
        this.shownVideo = shownVideo;
        this.slots = slots;
        this.composer = composer;
        this.encode = encode;
        this.outputs = new CopyOnWriteArrayList<>(outputs);
        for (int i = 0; i < targets.size(); i++) {
            byTarget.put(targets.get(i), outputs.get(i));
        }
        this.outputProviders = outputProviders;
        this.memory = memory;
        this.memoryInterval = memoryInterval;
        warmUp(composer, video, slots, config.width(), config.height(), LiveServiceImpl.passthrough(config));
        // pictures captured while warming up were never part of the program: neither captured nor dropped for it
        long c = 0;
        long d = 0;
        for (SourceSink v : video) {
            c += v.video.published();
            d += v.video.dropped();
        }
        this.capturedBefore = c;
        this.droppedBefore = d;
        this.clock = new TickClock(System.nanoTime() + 20_000_000L, config.rate());
        long end = config.duration() == null ? Long.MAX_VALUE
                : (long) Math.ceil(config.duration().toNanos() / 1e9 * config.rate().toDouble());
        this.process = new ProcessStage(clock, video, slots, composer, encode, config.drop(), end, config.width(),
                config.height(), this);
        process.passthrough(LiveServiceImpl.passthrough(config));
        AudioRing[] rings = sinks.stream().filter(s -> s.audio != null).map(s -> s.audio).toArray(AudioRing[]::new);
        this.pump = rings.length == 0 ? null : new AudioPump(rings, encode, clock.startNanos(), this::stopping);
    }

    /**
     * Before the clock starts: waits (up to two seconds) for the main source's first picture and renders the program
     * once, so the first ticks are not spent compiling, warming up the JIT and filling caches (they would be late
     * and skipped).
     */
    private static void warmUp(Composer composer, SourceSink[] video, LiveSlots.Slot[] slots, int width,
            int height, boolean passthrough) {
        long until = System.nanoTime() + 2_000_000_000L;
        while (video.length > 0 && !video[0].video.fresh() && !video[0].done && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        for (int i = 0; i < video.length && i < slots.length; i++) { // render real pictures: the paths ticks take
            Frame f = video[i].video.take();
            if (f == null) {
                f = video[i].video.current();
            }
            slots[i].set(f, f == null ? 0 : video[i].video.currentCaptureNanos());
        }
        for (int i = 0; i < 3; i++) {
            Frame f = passthrough && video.length == 1 ? composer.passthrough(video[0].video.current(), 0) : null;
            f = f != null ? f : composer.render(0, width, height);
            if (f != null) {
                f.release();
            }
        }
    }

    /** Starts the threads (the sources were started by the service). */
    void startThreads() {
        lastNanos = System.nanoTime();
        threads.add(thread(process, "live-process " + id));
        if (pump != null) {
            threads.add(thread(pump, "live-audio " + id));
        }
        threads.add(thread(this::monitor, "live-stats " + id));
    }

    /** A session thread; an unexpected failure in it ends the session with an error naming the stage. */
    private Thread thread(Runnable r, String name) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, name + " failed", e);
                String m = Secrets.mask(name.substring(0, name.indexOf(' ')) + " stage failed: " + e);
                event(Level.ERROR, m);
                finish(m);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    String id() {
        return id;
    }

    // --- the monitor thread

    private void monitor() {
        long period = Math.min(1000, memoryInterval);
        long next = System.nanoTime();
        long nextStats = next + 1_000_000_000L;
        while (true) {
            next += period * 1_000_000L;
            if (!TickClock.waitUntil(next, this::stopping)) {
                return;
            }
            int moved = memory.check();
            if (moved != 0) {
                event(moved < 0 ? Level.WARNING : Level.INFO, "memory: " + memory.reason() + ": quality "
                        + (moved < 0 ? "lowered" : "raised") + " to step " + memory.step() + " ("
                        + MemoryManager.describe(memory.step()) + ")");
            }
            if (System.nanoTime() - nextStats >= 0) {
                nextStats += 1_000_000_000L;
                LiveStats s = stats();
                try {
                    listener.stats(s);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "live listener failed: " + e);
                }
            }
        }
    }

    // --- ProcessStage.Host, SourceSink.Events

    @Override
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void event(Level level, String message) {
        String m = Secrets.mask(message);
        LOG.log(level == Level.ERROR ? System.Logger.Level.ERROR : level == Level.WARNING
                ? System.Logger.Level.WARNING : System.Logger.Level.INFO, m);
        try {
            listener.event(level, m);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live listener failed: " + e);
        }
    }

    @Override
    public void durationReached() {
        finish(null);
    }

    @Override
    public double memoryScale() {
        return memory.renderScale();
    }

    @Override
    public void warn(String message) {
        event(Level.WARNING, message);
    }

    @Override
    public void failed(SourceSink sink, String message) {
        String m = Secrets.mask(message == null || message.isBlank() ? sink.name + " failed" : message);
        if (!m.contains(sink.name)) {
            m = sink.name + ": " + m;
        }
        event(Level.ERROR, "source " + m);
        if (sink.videoIndex >= 0 && sink.videoIndex < shownVideo) {
            finish("source " + m);
        }
    }

    @Override
    public void ended(SourceSink sink) {
        event(Level.INFO, "source " + sink.name + " ended");
        boolean anyVideo = false;
        for (SourceSink s : video) {
            anyVideo |= !s.done;
        }
        if (!anyVideo) {
            finish(null);
        }
    }

    // --- LiveSession

    @Override
    public LiveStats stats() {
        synchronized (monitorLock) {
            long captured = -capturedBefore;
            long dropCap = -droppedBefore;
            for (SourceSink s : video) {
                captured += s.video.published();
                dropCap += s.video.dropped();
            }
            long dropSend = 0;
            List<OutputStats> os = new ArrayList<>(outputs.size());
            for (LiveOutput o : outputs) {
                OutputStats st = o.stats();
                os.add(st);
                dropSend += st.dropped();
            }
            long now = System.nanoTime();
            long frames = encode.encodedFrames();
            long bytes = encode.encodedBytes();
            double dt = Math.max(1e-3, (now - lastNanos) / 1e9);
            double fps = (frames - lastFrames) / dt;
            double kbps = (bytes - lastBytes) * 8 / 1000.0 / dt;
            if (now - lastNanos >= 500_000_000L) {
                lastFrames = frames;
                lastBytes = bytes;
                lastNanos = now;
            }
            double[] lat = new double[2];
            encode.latency(lat);
            LiveStats s = new LiveStats((now - clock.startNanos()) / 1e9, captured, dropCap, process.skipped.get(),
                    encode.dropped(), dropSend, frames, bytes, kbps, fps, encode.queued(), process.renderWidth,
                    process.renderHeight, memory.step(), lat[0], lat[1], os);
            last = s;
            return s;
        }
    }

    /** Ticks rendered so far (tests, figures). */
    long rendered() {
        return process.rendered.get();
    }

    /** Average process time per rendered tick in ms. */
    double processMillis() {
        long n = process.rendered.get();
        return n == 0 ? 0 : process.renderNanos.get() / 1e6 / n;
    }

    @Override
    public List<String> sources() {
        return sinks.stream().map(s -> s.name).toList();
    }

    @Override
    public boolean running() {
        return ended.getCount() > 0 && !stopping;
    }

    @Override
    public void stop() {
        finish(null);
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void startOutput(String target, Map<String, String> options) throws LiveException {
        if (stopping) {
            throw new LiveException(Secrets.mask(target) + ": the session is stopping");
        }
        if (byTarget.containsKey(target)) {
            throw new LiveException(Secrets.mask(target) + ": already running");
        }
        LiveOutputProvider p = outputProviders.apply(target);
        if (p == null) {
            throw new LiveException("no output handles " + Secrets.mask(target));
        }
        java.util.HashMap<String, String> o = new java.util.HashMap<>(config.options());
        if (options != null) {
            o.putAll(options);
        }
        LiveOutput out;
        try {
            out = p.open(target, encode.format(), o);
        } catch (RuntimeException e) {
            throw new LiveException("output " + Secrets.mask(target) + ": " + Secrets.mask(e.getMessage()), e);
        }
        outputs.add(out);
        byTarget.put(target, out);
        encode.attach(out);
        event(Level.INFO, "output " + out.name() + " started");
    }

    @Override
    public void stopOutput(String target) {
        LiveOutput out = byTarget.remove(target);
        if (out == null) {
            return;
        }
        encode.detach(out);
        out.close();
        outputs.remove(out);
        event(Level.INFO, "output " + out.name() + " stopped");
    }

    @Override
    public String failure() {
        return failure;
    }

    /** Ends the session once, on its own thread (callers may be session threads). */
    private void finish(String why) {
        if (!finishing.compareAndSet(false, true)) {
            return;
        }
        failure = why;
        stopping = true;
        Thread t = new Thread(this::shutdown, "live-stop " + id);
        t.setDaemon(false); // finalising recordings must not be cut short by the JVM exiting
        t.start();
    }

    private void shutdown() {
        try {
            for (SourceSink s : sinks) {
                try {
                    s.source.close();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "closing " + s.name + ": " + Secrets.mask(e.toString()));
                }
            }
            for (Thread t : threads) {
                if (t != Thread.currentThread()) {
                    t.join(10_000);
                }
            }
            encode.close(); // encodes what is queued, flushes, closes (finalises) every output
            for (LiveOutput o : outputs) {
                o.close(); // idempotent: outputs the encode stage had not attached yet
            }
            LiveStats s = stats();
            try {
                listener.stats(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "live listener failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "stopping live session: " + Secrets.mask(e.toString()), e);
            if (failure == null) {
                failure = Secrets.mask("stopping failed: " + e.getMessage());
            }
        } finally {
            composer.close();
            LiveSlots.close(id);
            for (SourceSink s : sinks) {
                s.video.close();
            }
            ended.countDown();
        }
    }

    // --- previews

    @Override
    public boolean preview(int index, int width, int height, ByteBuffer rgba) {
        Frame f = null;
        if (index == -1) {
            f = composer.program();
        } else if (index >= 0 && index < slots.length) {
            f = slots[index].retained();
        }
        if (f == null) {
            return false;
        }
        try {
            Previews.downscale(f, width, height, rgba, memory.step() >= 1 ? 2 : 1);
            return true;
        } finally {
            f.release();
        }
    }

    LiveConfig config() {
        return config;
    }

    LiveStats lastStats() {
        return last;
    }
}
