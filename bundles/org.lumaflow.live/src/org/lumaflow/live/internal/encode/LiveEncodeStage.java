package org.lumaflow.live.internal.encode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.lumaflow.live.internal.pipe.DropOldestChannel;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.internal.pipe.LatencyWindow;

/**
 * The encode stage: a dedicated thread takes composed pictures from a drop-oldest channel of two (so the next picture
 * waits, prepared, while the previous one encodes), encodes them and the queued sound once, and hands every pooled
 * packet to each attached output (an output attached late starts at the next keyframe, which is forced).
 */
public final class LiveEncodeStage implements EncodeStage, PacketSink, Measured {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.live.encode");

    /** A picture waiting in the channel (fixed set, reused). */
    private static final class Slot {
        Frame frame;
        long pts;
        long capture;
    }

    private final H264Encoder video;
    private final List<AudioEncoder> audio = new ArrayList<>();
    private final AudioRing audioRing;
    private final PacketPool pool = new PacketPool();
    private final DropOldestChannel<Slot> channel;
    private final Slot[] slots = new Slot[4];
    private int freeSlots;
    private final StreamFormat format;
    private final LatencyWindow latency = new LatencyWindow(256);
    private final AtomicLong encodedFrames = new AtomicLong();
    private final AtomicLong encodedBytes = new AtomicLong();
    private final AtomicLong droppedNoSlot = new AtomicLong();
    private final long delayMillis;
    private final Thread thread;
    private volatile Attached[] outputs = new Attached[0];
    private volatile boolean stopping;
    private volatile String failure;
    private volatile long threadAllocated = -1;
    private boolean closed;

    /** An attached output and whether it has had its first keyframe. */
    private static final class Attached {
        final LiveOutput output;
        boolean started;

        Attached(LiveOutput output) {
            this.output = output;
        }
    }

    LiveEncodeStage(int width, int height, FrameRate rate, String encoder, long bitrate, double keyframeSeconds,
            int sampleRate, int channels, List<String> audioCodecs, Map<String, String> options)
            throws LiveException {
        this.video = H264Encoder.open(encoder, width, height, rate, bitrate, keyframeSeconds, options, pool, this);
        Map<String, byte[]> audioExtra = new HashMap<>();
        try {
            if (sampleRate > 0) {
                for (String c : audioCodecs) {
                    AudioEncoder a = new AudioEncoder(c, sampleRate, channels, pool, this);
                    audio.add(a);
                    audioExtra.put(c, a.extradata());
                }
            }
        } catch (LiveException e) {
            audio.forEach(AudioEncoder::close);
            video.close();
            throw e;
        }
        this.audioRing = sampleRate > 0 ? new AudioRing(sampleRate, channels) : null;
        this.delayMillis = Long.parseLong(options.getOrDefault("encode_delay_ms", "0"));
        this.format = new StreamFormat("h264", video.name(), width, height, rate, video.bitrate(), video.extradata(),
                sampleRate, channels, audioExtra);
        this.channel = new DropOldestChannel<>(2, this::evict);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
        freeSlots = slots.length;
        this.thread = new Thread(this::run, "live-encode");
        thread.setDaemon(true);
        thread.start();
        LOG.log(System.Logger.Level.INFO, "encoding " + width + "x" + height + " with " + video.name() + " at "
                + video.bitrate() / 1000 + " kb/s" + (audio.isEmpty() ? "" : ", audio " + audioExtra.keySet()));
    }

    private synchronized Slot takeSlot() {
        return freeSlots == 0 ? null : slots[--freeSlots];
    }

    private synchronized void giveSlot(Slot s) {
        slots[freeSlots++] = s;
    }

    private void evict(Slot s) {
        s.frame.release();
        s.frame = null;
        giveSlot(s);
    }

    @Override
    public StreamFormat format() {
        return format;
    }

    @Override
    public void attach(LiveOutput output) {
        synchronized (this) {
            Attached[] old = outputs;
            Attached[] now = java.util.Arrays.copyOf(old, old.length + 1);
            now[old.length] = new Attached(output);
            outputs = now;
        }
        video.forceKeyframe();
    }

    @Override
    public void detach(LiveOutput output) {
        synchronized (this) {
            Attached[] old = outputs;
            int n = 0;
            Attached[] now = new Attached[old.length];
            for (Attached a : old) {
                if (a.output != output) {
                    now[n++] = a;
                }
            }
            outputs = java.util.Arrays.copyOf(now, n);
        }
    }

    @Override
    public void submit(Frame frame, long ptsMicros, long captureNanos) {
        Slot s = stopping ? null : takeSlot();
        if (s == null) {
            frame.release();
            droppedNoSlot.incrementAndGet();
            return;
        }
        s.frame = frame;
        s.pts = ptsMicros;
        s.capture = captureNanos;
        channel.offer(s);
        java.util.concurrent.locks.LockSupport.unpark(thread);
    }

    @Override
    public void submitAudio(ByteBuffer data, int samples, long ptsMicros, long captureNanos) {
        if (audioRing != null && !stopping) {
            audioRing.write(data, samples, ptsMicros, captureNanos);
        }
    }

    private void run() {
        long tid = Thread.currentThread().threadId();
        try {
            while (true) {
                // poll without waiting (a timed wait on the channel's condition allocates a node each time);
                // submit() unparks this thread, and sound is drained at least every 5 ms
                Slot s = channel.poll(0, TimeUnit.MILLISECONDS);
                if (s == null && !stopping) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    s = channel.poll(0, TimeUnit.MILLISECONDS);
                }
                if (s != null) {
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    try {
                        video.encode(s.frame, s.pts, s.capture);
                        encodedFrames.incrementAndGet();
                    } finally {
                        evict(s);
                    }
                }
                encodeAudio();
                threadAllocated = ThreadAllocation.of(tid);
                if (s == null && stopping && channel.size() == 0) {
                    break;
                }
            }
            video.finish();
            encodeAudio();
            for (AudioEncoder a : audio) {
                a.finish();
            }
        } catch (LiveException e) {
            failure = Secrets.mask(e.getMessage());
            LOG.log(System.Logger.Level.ERROR, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void encodeAudio() throws LiveException {
        if (audioRing == null) {
            return;
        }
        int n;
        while ((n = audioRing.read()) > 0) {
            for (int i = 0; i < audio.size(); i++) {
                audio.get(i).push(audioRing.address(), n, audioRing.firstMicros(), audioRing.lastCapture());
            }
        }
    }

    /** Fan-out of one packet to every output (called on the encode thread). */
    @Override
    public void packet(PooledPacket p) {
        encodedBytes.addAndGet(p.size());
        if (p.stream() == PooledPacket.VIDEO) {
            latency.add((System.nanoTime() - p.captureNanos()) / 1e6);
        }
        Attached[] outs = outputs;
        for (Attached a : outs) {
            if (!a.started) {
                if (p.stream() != PooledPacket.VIDEO || !p.keyframe()) {
                    continue;
                }
                a.started = true;
            }
            if (p.stream() == PooledPacket.AUDIO && !p.codec().equals(audioCodecOf(a))) {
                continue;
            }
            a.output.send(p);
        }
        p.release();
    }

    private String audioCodecOf(Attached a) {
        if (a.output instanceof AudioCodecAware aware) {
            return aware.audioCodec();
        }
        return audio.isEmpty() ? "" : audio.get(0).codec();
    }

    /** Implemented by outputs that take one audio codec of several. */
    public interface AudioCodecAware {
        /** The audio codec this output wants ({@code aac}, {@code opus}), or null for none. */
        String audioCodec();

        /** Starts closing without waiting (so that several outputs flush at once); {@code close()} then waits. */
        default void beginClose() {
        }
    }

    @Override
    public long encodedFrames() {
        return encodedFrames.get();
    }

    @Override
    public long encodedBytes() {
        return encodedBytes.get();
    }

    @Override
    public long dropped() {
        return channel.dropped() + droppedNoSlot.get();
    }

    @Override
    public int queued() {
        return channel.size();
    }

    @Override
    public void latency(double[] out) {
        latency.percentiles(out, true);
    }

    /** The encode failure (masked), or null. */
    public String failure() {
        return failure;
    }

    /** Bytes the encode thread has allocated on the heap so far (-1 before its first picture). */
    @Override
    public long threadAllocatedBytes() {
        return threadAllocated;
    }

    /** The packet pool (for statistics and tests). */
    public PacketPool pool() {
        return pool;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        channel.close();
        java.util.concurrent.locks.LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.drain();
        for (Attached a : outputs) {
            if (a.output instanceof AudioCodecAware c) {
                c.beginClose();
            }
        }
        for (Attached a : outputs) {
            try {
                a.output.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, Secrets.mask(a.output.name() + ": closing failed: "
                        + e.getMessage()));
            }
        }
        if (!thread.isAlive()) {
            video.close();
            audio.forEach(AudioEncoder::close);
        }
        pool.clear();
    }
}
