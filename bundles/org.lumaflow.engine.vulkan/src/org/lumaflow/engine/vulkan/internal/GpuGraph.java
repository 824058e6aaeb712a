package org.lumaflow.engine.vulkan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.convert.RgbaToI420;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.registry.PixelConverter;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.FrameStats;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;

/**
 * A compiled graph rendered on the GPU. A frame's whole graph is recorded into one command buffer and submitted
 * once; up to {@link GpuRuntime#IN_FLIGHT} frames run while the caller records the next. Nodes with a GPU twin run
 * as kernels; other nodes run on the CPU (sources: rendered and uploaded through pooled staging frames; nodes with
 * inputs: the frame so far is finished and their inputs read back). Node outputs are pooled device frames, released
 * by the per-render consumer countdown into the recorder's hold (so a later frame in flight cannot reuse them early).
 * The result is converted on the GPU (NV12/I420, or downscaled for previews) before the readback, into persistently
 * mapped host memory. A GPU failure renders that frame on the CPU with a warning; a shader that does not compile
 * sends its node to the CPU for good.
 */
public final class GpuGraph implements CompiledGraph {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.vulkan");
    /** Frames that fail on the GPU before the graph stays on the CPU. */
    private static final int MAX_FAILURES = 3;

    private final CompiledGraphImpl cpu;
    private final GpuRuntime rt;
    private final String name;
    private final GpuNode[] twins;
    private final Object[] states;
    private final GpuFrame[] outputs;
    private final int[] remaining;
    private final GpuFrame[] inFrames;
    private final Frame[] cpuIn;
    private final GpuNodeContext nctx;
    private final Slot[] slots;
    private int next;
    private int failures;
    private GpuFrameKey imageKey;
    private GpuFrameKey maskKey;

    /** One frame in flight: its recorder, readback frame and what the result needs. */
    private final class Slot implements PendingRender {
        final FrameRecorder rec;
        GpuFrame readback;
        RenderResult fallback;
        List<RenderMessage> messages;
        long time;
        int width;
        int height;
        double scale;
        FrameKey key;
        boolean busy;

        Slot() {
            rec = new FrameRecorder(rt.context());
        }

        @Override
        public RenderResult await() {
            synchronized (GpuGraph.this) {
                if (!busy) {
                    throw new IllegalStateException("render awaited twice");
                }
                busy = false;
                if (fallback != null) {
                    RenderResult r = fallback;
                    fallback = null;
                    return r;
                }
                GpuFrame rb = readback;
                readback = null;
                try {
                    rec.await();
                } catch (RuntimeException e) {
                    rb.release();
                    failures++;
                    LOG.log(System.Logger.Level.WARNING, "GPU frame failed, rendered on the CPU: " + e, e);
                    return onCpu(time, width, height, scale, key, "GPU render failed (" + e.getMessage()
                            + "): frame rendered on the CPU");
                }
                Frame f = cpu.pool().lease(key);
                f.setTime(time);
                int bytes = (int) key.format().bytes(key.width(), key.height());
                f.buffer().put(0, rb.buffer().mapped(), 0, bytes);
                rb.release();
                return new RenderResult(f, time, messages);
            }
        }
    }

    GpuGraph(CompiledGraphImpl cpu, GpuRuntime rt) {
        this.cpu = cpu;
        this.rt = rt;
        this.name = "gpu (" + rt.context().gpu().name() + ", Vulkan)";
        int n = cpu.size();
        twins = new GpuNode[n];
        states = new Object[n];
        outputs = new GpuFrame[n];
        remaining = new int[n];
        int maxInputs = 0;
        for (int i = 0; i < n; i++) {
            twins[i] = rt.twin(cpu.type(i));
            maxInputs = Math.max(maxInputs, cpu.inputs(i).length);
        }
        inFrames = new GpuFrame[maxInputs];
        cpuIn = new Frame[maxInputs];
        nctx = new GpuNodeContext(rt);
        slots = new Slot[GpuRuntime.IN_FLIGHT];
        FrameRecorder[] recorders = new FrameRecorder[slots.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
            recorders[i] = slots[i].rec;
        }
        CLEANER.register(this, new Resources(rt, recorders, states));
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /**
     * What a graph holds on the device, freed when the graph becomes unreachable (compiled graphs have no close:
     * timelines drop them on every edit): recorders (command pool, fence, constants arena) and node states that
     * are {@link AutoCloseable} (e.g. a rasterized title kept on the GPU).
     */
    private record Resources(GpuRuntime rt, FrameRecorder[] recorders, Object[] states) implements Runnable {
        @Override
        public void run() {
            rt.whileOpen(this::free);
        }

        private void free() {
            for (FrameRecorder r : recorders) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing a recorder failed", e);
                }
            }
            for (Object s : states) {
                if (s instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        LOG.log(System.Logger.Level.DEBUG, "closing GPU node state failed", e);
                    }
                }
            }
        }
    }

    @Override
    public String backend() {
        return name;
    }

    @Override
    public List<String> order() {
        return cpu.order();
    }

    @Override
    public long generation() {
        return cpu.generation();
    }

    @Override
    public int inFlight() {
        return slots.length;
    }

    @Override
    public boolean delivers(PixelFormat format) {
        return format == PixelFormat.RGBA8 || format == PixelFormat.NV12 || format == PixelFormat.I420;
    }

    /** Whether node {@code id} runs as GPU kernels (false: on the CPU, uploaded). */
    public synchronized boolean onGpu(String id) {
        for (int i = 0; i < twins.length; i++) {
            if (cpu.id(i).equals(id)) {
                return twins[i] != null;
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }

    @Override
    public RenderResult render(long time, int width, int height, double scale) {
        return submit(time, width, height, scale, PixelFormat.RGBA8).await();
    }

    @Override
    public RenderResult render(long time, int width, int height, double scale, PixelFormat format) {
        return submit(time, width, height, scale, format).await();
    }

    @Override
    public RenderResult preview(long time, int width, int height, double scale, int outWidth, int outHeight) {
        return start(time, width, height, scale, PixelFormat.RGBA8, outWidth, outHeight).await();
    }

    @Override
    public synchronized FrameStats stats(long time, int width, int height, double scale) {
        Slot s = slots[next];
        if (s.busy || failures >= MAX_FAILURES) {
            return CompiledGraph.super.stats(time, width, height, scale);
        }
        GpuFrame result = null;
        Lock lock = rt.recording();
        lock.lock();
        try {
            GpuFrame out = record(s.rec, time, width, height, scale);
            result = Reduction.record(rt, s.rec, out, width, height);
            s.rec.hold(out);
            s.rec.submit();
            cpu.takeMessages();
        } catch (RuntimeException | LinkageError e) {
            abandon(s);
            if (result != null) {
                result.release();
            }
            failures++;
            LOG.log(System.Logger.Level.WARNING, "GPU statistics failed, computed on the CPU: " + e, e);
            return CompiledGraph.super.stats(time, width, height, scale);
        } finally {
            lock.unlock();
        }
        try {
            s.rec.await();
            return Reduction.read(result, (long) width * height);
        } finally {
            result.release();
        }
    }

    @Override
    public PendingRender submit(long time, int width, int height, double scale, PixelFormat format) {
        return start(time, width, height, scale, format, width, height);
    }

    private synchronized PendingRender start(long time, int width, int height, double scale, PixelFormat format,
            int outWidth, int outHeight) {
        if (!delivers(format)) {
            throw new UnsupportedOperationException("the GPU backend does not deliver " + format);
        }
        Slot s = slots[next];
        if (s.busy) {
            throw new IllegalStateException("more than " + slots.length + " renders outstanding: await one first");
        }
        next = (next + 1) % slots.length;
        s.busy = true;
        s.time = time;
        s.width = width;
        s.height = height;
        s.scale = scale;
        boolean mask = cpu.descriptor(cpu.size() - 1).output() == PortType.MASK;
        PixelFormat delivered = mask ? PixelFormat.GRAY8 : format;
        if (s.key == null || s.key.width() != outWidth || s.key.height() != outHeight
                || s.key.format() != delivered) {
            s.key = new FrameKey(outWidth, outHeight, delivered, Usage.RENDER);
        }
        if (failures >= MAX_FAILURES) {
            s.fallback = onCpu(time, width, height, scale, s.key, null);
            return s;
        }
        Lock lock = rt.recording();
        lock.lock();
        try {
            GpuFrame out = record(s.rec, time, width, height, scale);
            s.readback = convert(s.rec, out, width, height, s.key);
            s.rec.submit();
            s.messages = cpu.takeMessages();
        } catch (RuntimeException | LinkageError e) {
            abandon(s);
            s.fallback = failed(e, time, width, height, scale, s.key);
        } finally {
            lock.unlock();
        }
        return s;
    }

    /** Records every node; returns the output frame (owned by the caller). */
    private GpuFrame record(FrameRecorder rec, long time, int w, int h, double scale) {
        rec.begin();
        if (imageKey == null || imageKey.width() != w || imageKey.height() != h) {
            imageKey = new GpuFrameKey(w, h, PixelFormat.RGBA8, Usage.RENDER, false);
            maskKey = new GpuFrameKey(w, h, PixelFormat.GRAY8, Usage.RENDER, false);
        }
        GpuFrameKey image = imageKey;
        GpuFrameKey mask = maskKey;
        int n = cpu.size();
        for (int i = 0; i < n; i++) {
            remaining[i] = cpu.consumers(i);
            int[] in = cpu.inputs(i);
            GpuNode twin = twins[i];
            GpuFrame result = null;
            if (twin != null) {
                NodeContext p = cpu.params(i, time, w, h, scale);
                for (int k = 0; k < in.length; k++) {
                    inFrames[k] = in[k] >= 0 ? outputs[in[k]] : null;
                }
                GpuFrame o = rt.pool().lease(cpu.descriptor(i).output() == PortType.MASK ? mask : image);
                nctx.begin(rec, p, inFrames, o, states, i);
                try {
                    twin.record(nctx);
                    result = nctx.result();
                } catch (Exception e) {
                    nctx.dropPassThrough();
                    rec.hold(o);
                    boolean permanent = e instanceof IllegalArgumentException && String.valueOf(e.getMessage())
                            .contains("does not compile") || e instanceof IllegalStateException
                                    && String.valueOf(e.getMessage()).contains("unregistered");
                    if (permanent) {
                        twins[i] = null;
                    }
                    LOG.log(System.Logger.Level.DEBUG, "GPU node " + cpu.id(i) + " failed", e);
                    cpu.report(RenderMessage.Severity.WARNING, i, time, "GPU kernel failed ("
                            + e.getMessage() + "): rendered on the CPU");
                }
            }
            if (result == null) {
                result = onCpu(rec, i, time, w, h, scale);
            }
            outputs[i] = result;
            for (int src : in) {
                if (src >= 0 && --remaining[src] == 0) {
                    rec.hold(outputs[src]);
                    outputs[src] = null;
                }
            }
        }
        GpuFrame out = outputs[n - 1];
        outputs[n - 1] = null;
        return out;
    }

    /** Node {@code i} on the CPU: inputs read back (finishing the frame so far), output uploaded. */
    private GpuFrame onCpu(FrameRecorder rec, int i, long time, int w, int h, double scale) {
        int[] in = cpu.inputs(i);
        boolean download = false;
        for (int src : in) {
            download |= src >= 0;
        }
        if (download) {
            GpuFrame[] staged = new GpuFrame[in.length];
            for (int k = 0; k < in.length; k++) {
                if (in[k] >= 0) {
                    GpuFrame g = outputs[in[k]];
                    staged[k] = rt.pool().lease(hostKey(g.key()));
                    rec.copy(g.buffer(), staged[k].buffer(), g.key().bytes());
                }
            }
            rec.submit();
            rec.await();
            for (int k = 0; k < in.length; k++) {
                if (staged[k] != null) {
                    GpuFrameKey gk = staged[k].key();
                    Frame f = cpu.pool().lease(new FrameKey(gk.width(), gk.height(), gk.format(), Usage.RENDER));
                    f.buffer().put(0, staged[k].buffer().mapped(), 0, (int) gk.format().bytes(gk.width(), gk.height()));
                    staged[k].release();
                    cpuIn[k] = f;
                } else {
                    cpuIn[k] = null;
                }
            }
            rec.begin();
        } else {
            for (int k = 0; k < in.length; k++) {
                cpuIn[k] = null;
            }
        }
        Frame out;
        try {
            out = cpu.renderNode(i, time, w, h, scale, cpuIn);
        } finally {
            for (int k = 0; k < in.length; k++) {
                if (cpuIn[k] != null) {
                    cpuIn[k].release();
                    cpuIn[k] = null;
                }
            }
        }
        return upload(rec, out);
    }

    /** Copies a CPU frame to a pooled device frame through a pooled staging frame; releases {@code f}. */
    private GpuFrame upload(FrameRecorder rec, Frame f) {
        GpuFrameKey dk = new GpuFrameKey(f.width(), f.height(), f.format(), Usage.RENDER, false);
        GpuFrame staging = rt.pool().lease(hostKey(dk));
        int bytes = (int) f.format().bytes(f.width(), f.height());
        staging.buffer().mapped().put(0, f.buffer(), 0, bytes);
        f.release();
        GpuFrame dev = rt.pool().lease(dk);
        rec.copy(staging.buffer(), dev.buffer(), dk.bytes());
        rec.hold(staging);
        return dev;
    }

    private static GpuFrameKey hostKey(GpuFrameKey k) {
        return new GpuFrameKey(k.width(), k.height(), k.format(), Usage.SCRATCH, true);
    }

    /** Converts (or copies, or downscales) the output into a host-visible frame for the readback. */
    private GpuFrame convert(FrameRecorder rec, GpuFrame out, int w, int h, FrameKey want) {
        GpuFrame rb = rt.pool().lease(new GpuFrameKey(want.width(), want.height(), want.format(), Usage.SCRATCH,
                true));
        try {
            PixelFormat f = want.format();
            if (f == PixelFormat.GRAY8 || (f == PixelFormat.RGBA8 && want.width() == w && want.height() == h)) {
                rec.copy(out.buffer(), rb.buffer(), rb.key().bytes());
            } else if (f == PixelFormat.RGBA8) {
                Kernels.downscale(rt, rec, out, w, h, rb, want.width(), want.height());
            } else if (w % 4 == 0 && h % 2 == 0) {
                Kernels.yuv420(rt, rec, out, w, h, rb, f);
            } else {
                throw new UnsupportedOperationException("GPU 4:2:0 needs a width divisible by 4");
            }
        } catch (UnsupportedOperationException e) {
            rb.release();
            throw e;
        } catch (RuntimeException e) {
            rb.release();
            rec.hold(out);
            throw e;
        }
        rec.hold(out);
        return rb;
    }

    /** Drops a frame that failed while recording: recorder reset, intermediates released. */
    private void abandon(Slot s) {
        s.rec.abort();
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null) {
                outputs[i].release();
                outputs[i] = null;
            }
        }
        if (s.readback != null) {
            s.readback.release();
            s.readback = null;
        }
        cpu.takeMessages();
    }

    private RenderResult failed(Throwable e, long time, int w, int h, double scale, FrameKey key) {
        boolean sizeOnly = e instanceof UnsupportedOperationException;
        if (!sizeOnly) {
            failures++;
            LOG.log(System.Logger.Level.WARNING, "GPU render failed, frame rendered on the CPU: " + e, e);
        }
        return onCpu(time, w, h, scale, key, sizeOnly ? null
                : "GPU render failed (" + e.getMessage() + "): frame rendered on the CPU"
                        + (failures >= MAX_FAILURES ? "; this graph stays on the CPU" : ""));
    }

    /** The whole frame on the CPU, converted like the GPU result would be. */
    private RenderResult onCpu(long time, int w, int h, double scale, FrameKey key, String warning) {
        boolean preview = key.format() == PixelFormat.RGBA8 && (key.width() != w || key.height() != h);
        RenderResult r = preview ? cpu.preview(time, w, h, scale, key.width(), key.height())
                : cpu.render(time, w, h, scale);
        List<RenderMessage> msgs = r.messages();
        if (warning != null) {
            msgs = new ArrayList<>(msgs);
            msgs.add(new RenderMessage(RenderMessage.Severity.WARNING, cpu.id(cpu.size() - 1), "gpu", time, warning));
        }
        if (key.format() == PixelFormat.NV12 || key.format() == PixelFormat.I420) {
            PixelConverter conv = key.format() == PixelFormat.NV12 ? new RgbaToNv12() : new RgbaToI420();
            Frame yuv = cpu.pool().lease(key);
            yuv.setTime(time);
            try (r) {
                conv.convert(r.frame(), yuv);
            }
            return new RenderResult(yuv, time, msgs);
        }
        return new RenderResult(r.frame(), time, msgs);
    }

    @Override
    public String toString() {
        return "GpuGraph" + cpu.order() + " on " + name;
    }

}
