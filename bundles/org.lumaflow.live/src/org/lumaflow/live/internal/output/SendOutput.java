package org.lumaflow.live.internal.output;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.lumaflow.live.EncodedPacket;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.lumaflow.live.internal.encode.LiveEncodeStage;
import org.lumaflow.live.internal.encode.Measured;
import org.lumaflow.live.internal.encode.Nal;
import org.lumaflow.live.internal.encode.ThreadAllocation;
import org.lumaflow.live.internal.pipe.LatencyWindow;

/**
 * An output with its own send thread: {@link #send} only queues (a {@link SendQueue} applying the congestion rules);
 * the thread connects at the first keyframe, writes, and after a network error reconnects with back-off (0.5, 1, 2,
 * 4... up to 10 s), resuming on a keyframe. State changes are logged (masked) and visible in {@link #stats()}.
 */
abstract class SendOutput implements LiveOutput, LiveEncodeStage.AudioCodecAware, Measured {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.live.output");
    private static final long MAX_BACKOFF_MS = 10_000;

    protected final String name;
    protected final StreamFormat format;
    private final String audioCodec;
    private final SendQueue queue = new SendQueue(2048);
    private final LatencyWindow latency = new LatencyWindow(512);
    private final double[] pct = new double[2];
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final long throttleBitsPerSecond;
    private final Thread thread;
    private volatile String state = "connecting";
    private volatile String error;
    private volatile boolean closing;
    private volatile long flushDeadline;
    private volatile long threadAllocated = -1;
    private boolean closed;

    SendOutput(String name, StreamFormat format, String audioCodec, long throttleKbps) {
        this.name = Secrets.mask(name);
        this.format = format;
        this.audioCodec = format.hasAudio() ? audioCodec : null;
        this.throttleBitsPerSecond = throttleKbps * 1000;
        this.thread = new Thread(this::run, "live-send " + this.name);
        thread.setDaemon(true);
    }

    /** Starts the send thread (after the subclass is constructed). */
    final void start() {
        thread.start();
    }

    /** Opens the connection or file; {@code sps}: SPS/PPS of the first keyframe. */
    abstract Muxer connect(byte[] sps) throws LiveException;

    /** Whether a lost connection is retried (network) or fails the output (file). */
    abstract boolean reconnects();

    /** Whether failed connections wait (0.5, 1, 2... s) before the next try; a listener waits in its accept. */
    boolean backsOff() {
        return true;
    }

    /** Called on the send thread after the last packet: {@code clean} when the muxer finished normally. */
    void finished(boolean clean) throws LiveException {
    }

    /** Milliseconds {@link #close()} waits for the queue to drain. */
    long flushMillis() {
        return 3000;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String audioCodec() {
        return audioCodec;
    }

    @Override
    public void send(EncodedPacket packet) {
        if (closing) {
            return;
        }
        if (packet.stream() == EncodedPacket.AUDIO && audioCodec == null) {
            return;
        }
        queue.offer(packet);
        LockSupport.unpark(thread);
    }

    private void run() {
        long tid = Thread.currentThread().threadId();
        Muxer muxer = null;
        long backoff = 500;
        boolean everConnected = false;
        long sentSince = 0;
        long startNanos = 0;
        boolean clean = false;
        try {
            while (true) {
                if (closing && (queue.size() == 0 || muxer == null || System.nanoTime() > flushDeadline)) {
                    clean = true; // (never connected or disconnected: nothing can be flushed)
                    break;
                }
                if (muxer == null) {
                    EncodedPacket head = peekKeyframe();
                    if (head == null) {
                        LockSupport.parkNanos(5_000_000);
                        continue;
                    }
                    try {
                        byte[] sps = Nal.parameterSets(head.data(), head.data().limit());
                        muxer = connect(sps);
                        queue.connected(true);
                        if (everConnected) {
                            reconnects.incrementAndGet();
                        }
                        everConnected = true;
                        backoff = 500;
                        sentSince = 0;
                        startNanos = System.nanoTime();
                        setState("live", null);
                    } catch (LiveException e) {
                        if (!reconnects()) {
                            setState("failed", e.getMessage());
                            queue.clear(true);
                            return;
                        }
                        setState(everConnected ? "reconnecting" : "connecting", e.getMessage());
                        if (backsOff()) {
                            sleep(backoff);
                            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                        }
                        continue;
                    }
                }
                EncodedPacket p = queue.poll();
                if (p == null) {
                    LockSupport.parkNanos(2_000_000);
                    continue;
                }
                try {
                    muxer.write(p);
                    int n = p.data().limit();
                    packets.incrementAndGet();
                    bytes.addAndGet(n);
                    if (p.stream() == EncodedPacket.VIDEO) {
                        latency.add((System.nanoTime() - p.captureNanos()) / 1e6);
                    }
                    sentSince += n;
                    throttle(sentSince, startNanos);
                } catch (LiveException e) {
                    muxer.close();
                    muxer = null;
                    queue.connected(false);
                    if (!reconnects()) {
                        setState("failed", e.getMessage());
                        queue.clear(true);
                        return;
                    }
                    setState("reconnecting", e.getMessage());
                } finally {
                    p.release();
                }
                threadAllocated = ThreadAllocation.of(tid);
            }
        } finally {
            queue.clear(false);
            try {
                if (muxer != null) {
                    muxer.finish(clean);
                }
                finished(clean && muxer != null);
                if (!"failed".equals(state)) {
                    setState("closed", error);
                }
            } catch (LiveException e) {
                setState("failed", e.getMessage());
            }
        }
    }

    /** The queue's head when it is a video keyframe (packets before the first keyframe are dropped). */
    private EncodedPacket peekKeyframe() {
        return queue.peekKeyframe();
    }

    private void throttle(long sent, long since) {
        if (throttleBitsPerSecond <= 0) {
            return;
        }
        long due = since + sent * 8 * 1_000_000_000L / throttleBitsPerSecond;
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !closing) {
            LockSupport.parkNanos(wait); // send() unparks on every packet: wait again
        }
    }

    private void sleep(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!closing && System.nanoTime() < end) {
            LockSupport.parkNanos(Math.min(50_000_000, end - System.nanoTime()));
        }
    }

    private void setState(String s, String message) {
        String masked = Secrets.mask(message);
        if (!s.equals(state) || (masked != null && !masked.equals(error))) {
            LOG.log(s.equals("live") || s.equals("closed") ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    name + ": " + s + (masked == null ? "" : " (" + masked + ")"));
        }
        state = s;
        if (masked != null || s.equals("live")) {
            error = masked;
        }
    }

    @Override
    public OutputStats stats() {
        latency.percentiles(pct, false);
        return new OutputStats(name, state, packets.get(), bytes.get(), queue.droppedPictures(),
                queue.queuedMicros() / 1000, reconnects.get(), pct[0], pct[1], error);
    }

    /** Pictures dropped by the 700 ms rule (non-reference pictures). */
    long droppedDisposable() {
        return queue.droppedDisposable();
    }

    /** Pictures dropped by the 900 ms rule or while waiting for a keyframe. */
    long droppedToKeyframe() {
        return queue.droppedToKeyframe();
    }

    /** Bytes the send thread allocated on the heap so far (-1 before its first packet). */
    @Override
    public long threadAllocatedBytes() {
        return threadAllocated;
    }

    /** Whether the send thread has ended. */
    boolean ended() {
        return !thread.isAlive();
    }

    @Override
    public synchronized void beginClose() {
        if (!closing) {
            flushDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis());
            closing = true;
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        beginClose();
        try {
            thread.join(flushMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear(false);
    }
}
