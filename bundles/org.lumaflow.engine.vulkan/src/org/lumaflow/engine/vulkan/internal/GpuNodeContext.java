package org.lumaflow.engine.vulkan.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;
import org.lumaflow.engine.vulkan.GpuSlice;

/**
 * What a {@link GpuNode} sees while it records one frame: parameters, input and output frames on the device,
 * kernels, per-frame constants and scratch frames (held until the frame's fence). Not thread-safe; one per graph.
 */
public final class GpuNodeContext {

    /** Push-constant bytes every kernel may use (the Vulkan minimum). */
    public static final int PUSH_BYTES = 128;

    private final GpuRuntime runtime;
    private final ByteBuffer push = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
    private FrameRecorder rec;
    private NodeContext params;
    private GpuFrame[] inputs;
    private GpuFrame output;
    private GpuFrame passed;
    private Object[] states;
    private int node;
    private int bound;

    GpuNodeContext(GpuRuntime runtime) {
        this.runtime = runtime;
    }

    void begin(FrameRecorder r, NodeContext p, GpuFrame[] in, GpuFrame out, Object[] st, int index) {
        this.rec = r;
        this.params = p;
        this.inputs = in;
        this.output = out;
        this.states = st;
        this.node = index;
        this.passed = null;
        this.bound = 0;
    }

    /** The node's output after {@link GpuNode#record}: the leased frame, or the passed-through input. */
    GpuFrame result() {
        if (passed != null) {
            rec.hold(output);
            GpuFrame p = passed;
            passed = null;
            return p;
        }
        return output;
    }

    void dropPassThrough() {
        if (passed != null) {
            passed.release();
            passed = null;
        }
    }

    /** Parameters, size, scale and time, exactly as the CPU node reads them. */
    public NodeContext params() {
        return params;
    }

    /** Output width. */
    public int width() {
        return params.width();
    }

    /** Output height. */
    public int height() {
        return params.height();
    }

    /** The frame on input {@code index}, or null when unconnected. */
    public GpuFrame input(int index) {
        return inputs[index];
    }

    /**
     * The RGBA8 frame on required input {@code index}, checked against the output size; the errors name the port
     * (the twin then fails and the node renders on the CPU, which reports it like the CPU node would).
     */
    public GpuFrame image(int index, String name) {
        GpuFrame f = inputs[index];
        if (f == null) {
            throw new IllegalStateException("input '" + name + "' is not connected");
        }
        checkImage(f, name);
        return f;
    }

    /** Checks that {@code f} is an RGBA8 frame of the output size. */
    public void checkImage(GpuFrame f, String name) {
        if (f.key().width() != width() || f.key().height() != height() || f.key().format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("input '" + name + "' is " + f.key() + ", expected " + width() + "x"
                    + height() + " " + PixelFormat.RGBA8);
        }
    }

    /** The output frame (RGBA8: one uint per pixel; GRAY8: bytes, padded to whole words). */
    public GpuFrame output() {
        return output;
    }

    /** Makes input {@code index} the output unchanged. */
    public void passThrough(int index) {
        GpuFrame in = inputs[index];
        if (in == null) {
            throw new IllegalArgumentException("input " + index + " is not connected");
        }
        if (in.key().format() != output.key().format()) {
            throw new IllegalArgumentException("cannot pass a " + in.key().format() + " input to a "
                    + output.key().format() + " output");
        }
        dropPassThrough();
        passed = in.retain();
    }

    /**
     * Makes {@code frame} (a frame the node keeps, e.g. in its state) the output with no copy: the graph takes a
     * new reference; consumers only read it. It must have the output's key.
     */
    public void adopt(GpuFrame frame) {
        if (!frame.key().equals(output.key()) && (frame.key().width() != output.key().width()
                || frame.key().height() != output.key().height() || frame.key().format() != output.key().format())) {
            throw new IllegalArgumentException("adopted a " + frame.key() + " frame for a " + output.key() + " output");
        }
        dropPassThrough();
        passed = frame.retain();
    }

    /** Fills the output with zeros (transparent black, or mask 0). */
    public void clear() {
        rec.fill(output.buffer(), 0);
    }

    /** A scratch frame, valid for this frame's recording (returned to the pool after the frame's fence). */
    public GpuFrame scratch(int width, int height, PixelFormat format) {
        GpuFrame f = runtime.pool().lease(new GpuFrameKey(width, height, format, Usage.SCRATCH, false));
        rec.hold(f);
        return f;
    }

    /**
     * Hands a reference to {@code frame} to the frame being recorded: released after its fence (use it to drop a
     * state frame this frame's kernels still read).
     */
    public void hold(GpuFrame frame) {
        rec.hold(frame);
    }

    /**
     * Uploads packed RGBA8 pixels ({@code width x height}) into a new device frame the node keeps (in its state;
     * release or {@link #hold} it when replaced): written straight into a pooled staging frame, copied on the GPU
     * before this frame's kernels run.
     */
    public GpuFrame upload(int[] pixels, int width, int height) {
        GpuFrame dev = lease(width, height, PixelFormat.RGBA8);
        GpuFrame staging = runtime.staging(rec, dev.key());
        staging.buffer().mapped().asIntBuffer().put(0, pixels, 0, width * height);
        rec.copy(staging.buffer(), 0, dev.buffer(), 0, (long) width * height * 4);
        return dev;
    }

    /** A device frame that outlives this frame (for state); release it (or {@link #hold} it) when done. */
    public GpuFrame lease(int width, int height, PixelFormat format) {
        return runtime.pool().lease(new GpuFrameKey(width, height, format, Usage.SCRATCH, false));
    }

    /** The kernel of {@code shaders/NAME.comp} with {@code buffers} bindings (compiled once, cached on disk). */
    public ComputeKernel kernel(String name, int buffers) {
        return runtime.kernel(name, buffers);
    }

    /** A kernel from generated source, compiled once and cached under {@code key}. */
    ComputeKernel kernel(String key, String glsl, int buffers) {
        return runtime.kernel(key, glsl, buffers);
    }

    /** The push-constant block for the next dispatch, cleared, position 0. */
    public ByteBuffer push() {
        push.clear();
        for (int i = 0; i < PUSH_BYTES; i += 8) {
            push.putLong(i, 0);
        }
        return push;
    }

    /** {@code bytes} of per-frame constants (tables, weights) to fill now and bind. */
    public GpuSlice constants(int bytes) {
        return rec.constants(bytes);
    }

    /** Binds {@code frame} to the next binding slot (0, 1, ... in call order; reset by each dispatch). */
    public GpuNodeContext bind(GpuFrame frame) {
        rec.bind(bound++, frame.buffer());
        return this;
    }

    /** Binds a constants slice to the next slot. */
    public GpuNodeContext bind(GpuSlice slice) {
        rec.bind(bound++, slice);
        return this;
    }

    /** Dispatches {@code kernel} over {@code gx x gy} groups with the bound buffers and the push block. */
    public void dispatch(ComputeKernel kernel, int gx, int gy) {
        push.position(0).limit(PUSH_BYTES);
        int n = bound;
        bound = 0;
        rec.dispatch(kernel, gx, gy, 1, push, n);
    }

    /** Work groups of {@code size} needed to cover {@code n}. */
    public static int groups(int n, int size) {
        return (n + size - 1) / size;
    }

    /** GPU-side per-node-instance state (kept while the graph lives). */
    public Object state() {
        return states[node];
    }

    /** Replaces the per-instance state. */
    public void setState(Object s) {
        states[node] = s;
    }

    /** A warning on the render result. */
    public void warn(String message) {
        params.warn(message);
    }
}
