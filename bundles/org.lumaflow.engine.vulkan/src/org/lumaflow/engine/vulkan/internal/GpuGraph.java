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
 * (or whose parameters do not fit the push constants) sends its node to the CPU for good, with a warning on every
 * frame it renders there.
 */
public final class GpuGraph implements CompiledGraph {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.vulkan");
    /** Frames that fail on the GPU before the graph stays on the CPU. */
    private static final int MAX_FAILURES = 3;

    private final CompiledGraphImpl cpu;
    private final GpuRuntime rt;
    private final String name;
    private final GpuNode[] twins;
    /** Why node i went to the CPU for good (its twin is null), reported on every frame it renders there. */
    private final String[] onCpuWhy;
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

    /** One frame in flight: its recorder (leased from the runtime), readback frame and what the result needs. */
    private final class Slot implements PendingRender {
        FrameRecorder rec;
        GpuFrame readback;
        RenderResult fallback;
        List<RenderMessage> messages;
        long time;
        int width;
        int height;
        double scale;
        FrameKey key;
        /** Set when the GPU reads back RGBA and the CPU converts (4:2:0 sizes the kernels cannot pack). */
        PixelFormat cpuConvert;
        /** Host-visible key of what the GPU reads back, kept while size and format stay (no per-frame keys). */
        private GpuFrameKey rbKey;
        private FrameKey readbackFor;
        private PixelFormat readbackConvert;

        GpuFrameKey readbackKey() {
            if (rbKey == null || readbackFor != key || readbackConvert != cpuConvert) {
                rbKey = cpuConvert != null
                        ? new GpuFrameKey(width, height, PixelFormat.RGBA8, Usage.SCRATCH, true)
                        : new GpuFrameKey(key.width(), key.height(), key.format(), Usage.SCRATCH, true);
                readbackFor = key;
                readbackConvert = cpuConvert;
            }
            return rbKey;
        }
        boolean busy;

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
                FrameRecorder r = rec;
                readback = null;
                rec = null;
                RuntimeException failure = null;
                Lock lock = rt.recording();
                lock.lock();
                try {
                    if (rt.isClosed()) {
                        failure = new IllegalStateException("the GPU device was closed");
                    } else {
                        r.await();
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.unlock();
                }
                if (failure != null) {
                    // the GPU may still write the readback: leave it (and the recorder) to the recorder's hold list
                    r.hold(rb);
                    rt.recycle(r);
                    failures++;
                    resetStates();
                    LOG.log(System.Logger.Level.WARNING, "GPU frame failed, rendered on the CPU: " + failure,
                            failure);
                    return onCpu(time, width, height, scale, key, "GPU render failed (" + failure.getMessage()
                            + "): frame rendered on the CPU");
                }
                rt.recycle(r);
                try {
                    return result(rb);
                } finally {
                    rb.release();
                }
            }
        }

        private RenderResult result(GpuFrame rb) {
            if (cpuConvert != null) {
                Frame rgba = cpu.pool().lease(new FrameKey(width, height, PixelFormat.RGBA8, Usage.RENDER));
                rgba.buffer().put(0, rb.buffer().mapped(), 0, width * height * 4);
                Frame yuv = cpu.pool().lease(key);
                yuv.setTime(time);
                try {
                    converter(cpuConvert).convert(rgba, yuv);
                } finally {
                    rgba.release();
                }
                return new RenderResult(yuv, time, messages);
            }
            Frame f = cpu.pool().lease(key);
            f.setTime(time);
            f.buffer().put(0, rb.buffer().mapped(), 0, (int) key.format().bytes(key.width(), key.height()));
            return new RenderResult(f, time, messages);
        }
    }

    GpuGraph(CompiledGraphImpl cpu, GpuRuntime rt) {
        this.cpu = cpu;
        this.rt = rt;
        this.name = "gpu (" + rt.context().gpu().name() + ", Vulkan)";
        int n = cpu.size();
        twins = new GpuNode[n];
        onCpuWhy = new String[n];
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
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
        CLEANER.register(this, new Resources(rt, states));
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /**
     * Node states that hold device frames (a rasterized title, a fitted image), released when the graph becomes
     * unreachable (compiled graphs have no close: timelines drop them on every edit). Recorders are the runtime's.
     */
    private record Resources(GpuRuntime rt, Object[] states) implements Runnable {
        @Override
        public void run() {
            rt.whileOpen(() -> closeStates(states));
        }
    }

    private static void closeStates(Object[] states) {
        for (int i = 0; i < states.length; i++) {
            if (states[i] instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing GPU node state failed", e);
                }
            }
            states[i] = null;
        }
    }

    /**
     * After a frame was dropped or failed on the device, node states may describe uploads that never happened: wait
     * for the other frames in flight, then drop every state (twins rebuild them on the next frame).
     */
    private void resetStates() {
        for (Slot o : slots) {
            if (o.rec != null) {
                try {
                    o.rec.await();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "waiting for a frame in flight failed", e);
                }
            }
        }
        closeStates(states);
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
        if (cpu.descriptor(cpu.size() - 1).output() == PortType.MASK) {
            throw new IllegalArgumentException("frame statistics need an image graph, this one ends in a mask");
        }
        if (failures >= MAX_FAILURES) {
            return cpu.stats(time, width, height, scale);
        }
        GpuFrame result = null;
        FrameRecorder rec = null;
        RuntimeException failure = null;
        Lock lock = rt.recording();
        lock.lock();
        try {
            if (rt.isClosed()) {
                return cpu.stats(time, width, height, scale);
            }
            rec = rt.recorder();
            GpuFrame out = record(rec, time, width, height, scale);
            rec.hold(out);
            result = Reduction.record(rt, rec, out, width, height);
            rec.submit();
            cpu.takeMessages();
            rec.await();
            return Reduction.read(result, (long) width * height);
        } catch (RuntimeException | LinkageError e) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            if (rec != null) {
                rec.abort();
            }
            dropOutputs();
            cpu.takeMessages();
        } finally {
            if (result != null) {
                if (failure == null) {
                    result.release();
                } else if (rec != null) {
                    rec.hold(result); // the device may still write it
                }
            }
            if (rec != null) {
                rt.recycle(rec);
            }
            lock.unlock();
        }
        failures++;
        resetStates();
        LOG.log(System.Logger.Level.WARNING, "GPU statistics failed, computed on the CPU: " + failure, failure);
        return cpu.stats(time, width, height, scale);
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
        boolean mask = cpu.descriptor(cpu.size() - 1).output() == PortType.MASK;
        PixelFormat delivered = mask ? PixelFormat.GRAY8 : format;
        if (s.key == null || s.key.width() != outWidth || s.key.height() != outHeight
                || s.key.format() != delivered) {
            s.key = new FrameKey(outWidth, outHeight, delivered, Usage.RENDER);
        }
        s.time = time;
        s.width = width;
        s.height = height;
        s.scale = scale;
        s.messages = List.of();
        boolean resized = outWidth != width || outHeight != height;
        // 4:2:0 kernels pack whole words: other widths read back RGBA and convert on the CPU
        s.cpuConvert = (format == PixelFormat.NV12 && (width % 4 != 0 || height % 2 != 0))
                || (format == PixelFormat.I420 && (width % 8 != 0 || height % 2 != 0)) ? format : null;
        RenderResult fallback = null;
        Throwable failure = null;
        if (failures >= MAX_FAILURES || (mask && resized) || rt.isClosed()) {
            fallback = onCpu(time, width, height, scale, s.key, null);
        } else {
            Lock lock = rt.recording();
            lock.lock();
            try {
                if (rt.isClosed()) {
                    failure = new IllegalStateException("the GPU device was closed");
                } else {
                    s.rec = rt.recorder();
                    GpuFrame out = record(s.rec, time, width, height, scale);
                    s.readback = convert(s.rec, out, width, height, s.readbackKey());
                    s.rec.submit();
                    s.messages = cpu.takeMessages();
                }
            } catch (RuntimeException | LinkageError e) {
                abandon(s);
                failure = e;
            } finally {
                lock.unlock();
            }
            if (failure != null) {
                failures++;
                resetStates();
                LOG.log(System.Logger.Level.WARNING, "GPU render failed, frame rendered on the CPU: " + failure,
                        failure);
                fallback = onCpu(time, width, height, scale, s.key, "GPU render failed (" + failure.getMessage()
                        + "): frame rendered on the CPU" + (failures >= MAX_FAILURES ? "; this graph stays on the CPU"
                                : ""));
            }
        }
        s.fallback = fallback;
        s.busy = true;
        next = (next + 1) % slots.length;
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
                } catch (VirtualMachineError e) {
                    if (!(e instanceof OutOfMemoryError)) {
                        throw e;
                    }
                    nctx.dropPassThrough();
                    rec.hold(o);
                    cpu.report(RenderMessage.Severity.WARNING, i, time, "GPU kernel failed (" + e
                            + "): rendered on the CPU");
                } catch (Exception | LinkageError e) {
                    nctx.dropPassThrough();
                    rec.hold(o);
                    boolean permanent = e instanceof GlslNode.Unusable || e instanceof IllegalArgumentException
                            && String.valueOf(e.getMessage()).contains("does not compile")
                            || e instanceof IllegalStateException
                                    && String.valueOf(e.getMessage()).contains("unregistered");
                    String why = (e instanceof GlslNode.Unusable ? "GPU kernel not used (" : "GPU kernel failed (")
                            + e.getMessage() + "): rendered on the CPU";
                    if (permanent) {
                        twins[i] = null;
                        onCpuWhy[i] = why;
                    }
                    LOG.log(System.Logger.Level.DEBUG, "GPU node " + cpu.id(i) + " failed", e);
                    cpu.report(RenderMessage.Severity.WARNING, i, time, why);
                }
            } else if (onCpuWhy[i] != null) {
                // every frame that falls back says so (a render's warning then counts the frames it concerns)
                cpu.report(RenderMessage.Severity.WARNING, i, time, onCpuWhy[i]);
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
            try {
                for (int k = 0; k < in.length; k++) {
                    if (in[k] >= 0) {
                        GpuFrame g = outputs[in[k]];
                        staged[k] = rt.pool().lease(GpuRuntime.hostKey(g.key()));
                        rec.hold(staged[k].retain()); // the recorder's reference covers a failed submit
                        rec.copy(g.buffer(), staged[k].buffer(), g.key().bytes());
                    }
                }
                rec.submit();
                rec.await();
                for (int k = 0; k < in.length; k++) {
                    if (staged[k] != null) {
                        GpuFrameKey gk = staged[k].key();
                        Frame f = cpu.pool().lease(new FrameKey(gk.width(), gk.height(), gk.format(),
                                Usage.RENDER));
                        f.buffer().put(0, staged[k].buffer().mapped(), 0,
                                (int) gk.format().bytes(gk.width(), gk.height()));
                        cpuIn[k] = f;
                    } else {
                        cpuIn[k] = null;
                    }
                }
            } finally {
                for (GpuFrame g : staged) {
                    if (g != null) {
                        g.release();
                    }
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
        GpuFrame staging = rt.staging(rec, dk);
        int bytes = (int) f.format().bytes(f.width(), f.height());
        staging.buffer().mapped().put(0, f.buffer(), 0, bytes);
        f.release();
        GpuFrame dev = rt.pool().lease(dk);
        rec.copy(staging.buffer(), dev.buffer(), dk.bytes());
        return dev;
    }


    /** Converts (or copies, or downscales) the output into a host-visible frame for the readback. */
    private GpuFrame convert(FrameRecorder rec, GpuFrame out, int w, int h, GpuFrameKey want) {
        rec.hold(out);
        GpuFrame rb = rt.pool().lease(want);
        try {
            PixelFormat f = want.format();
            if (f == PixelFormat.GRAY8 || (f == PixelFormat.RGBA8 && want.width() == w && want.height() == h)) {
                rec.copy(out.buffer(), rb.buffer(), rb.key().bytes());
            } else if (f == PixelFormat.RGBA8) {
                Kernels.downscale(rt, rec, out, w, h, rb, want.width(), want.height());
            } else {
                Kernels.yuv420(rt, rec, out, w, h, rb, f);
            }
        } catch (RuntimeException e) {
            rb.release();
            throw e;
        }
        return rb;
    }

    /** Drops a frame that failed while recording: recorder reset and returned, intermediates released. */
    private void abandon(Slot s) {
        if (s.rec != null) {
            s.rec.abort(); // ended, its held frames released (or still pending: the next begin() waits)
            rt.recycle(s.rec);
            s.rec = null;
        }
        dropOutputs();
        if (s.readback != null) {
            s.readback.release();
            s.readback = null;
        }
        cpu.takeMessages();
    }

    private void dropOutputs() {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null) {
                outputs[i].release();
                outputs[i] = null;
            }
        }
    }

    private static PixelConverter converter(PixelFormat f) {
        return f == PixelFormat.NV12 ? new RgbaToNv12() : new RgbaToI420();
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
            PixelConverter conv = converter(key.format());
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
