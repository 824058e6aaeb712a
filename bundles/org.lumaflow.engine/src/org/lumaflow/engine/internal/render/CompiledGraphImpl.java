package org.lumaflow.engine.internal.render;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.internal.convert.RgbaToI420;
import org.lumaflow.engine.internal.convert.RgbaToNv12;
import org.lumaflow.engine.internal.convert.Yuv420Writer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.internal.registry.Containment;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;

/**
 * Evaluates a compiled graph frame by frame. Each node's output is leased from the pool and released as soon as its
 * last downstream consumer has rendered (a per-render countdown of consumers). A node that throws is contained: its
 * output becomes its first input (passed through) or opaque black, and the result carries the error.
 * <p>
 * Nodes of third-party plugins ({@link CompiledNode#guarded}) render on a {@link GuardWorker} under a timeout, with a
 * context of their own reading retained copies of their inputs. A call that hangs is abandoned: its frames (inputs,
 * output, scratch) are never released, so the pool cannot hand them to anyone else, and the node type is quarantined
 * in the {@link Containment}, as is one that throws {@link Containment#MAX_THROWS} times in a row; later frames skip
 * a quarantined type at once (input passed through or black, with an error).
 */
public final class CompiledGraphImpl implements CompiledGraph {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.render");

    private final CompiledNode[] nodes;
    private final FramePool pool;
    private final long generation;
    private final Frame[] outputs;
    private final int[] remaining;
    private final NodeContextImpl ctx;
    private final List<String> order;
    private final int peakImages;
    private final int peakMasks;
    private FrameKey imageKey;
    private FrameKey maskKey;
    /** the key of the last 4:2:0 delivery (kept: no key is made per frame) */
    private FrameKey yuvKey;
    private List<RenderMessage> messages;
    private final Path baseDir;
    private final Containment containment;
    private final long timeoutMs;
    /** third-party nodes rendered one at a time under the guard (made on first use) */
    private GuardedNode guardedNode;
    /** per node: its fused group when it is a group's root, else null */
    private final FusedGroup[] groups;
    /** per node: evaluated inside another node's fused pass */
    private final boolean[] inlined;
    /** runs the fused groups */
    private final FusedRunner passes;
    /** outputs that do not change from frame to frame, kept across renders */
    private final StaticOutputs statics;
    /** 4:2:0 conversion of a result that was not fused with it (made on first use) */
    private org.lumaflow.engine.registry.PixelConverter toNv12;
    private org.lumaflow.engine.registry.PixelConverter toI420;

    CompiledGraphImpl(CompiledNode[] nodes, FramePool pool, Path baseDir, long generation, Containment containment,
            long timeoutMs, boolean optimise) {
        this.nodes = nodes;
        this.inlined = new boolean[nodes.length];
        boolean fuse = optimise && !"false".equals(System.getProperty("lumaflow.fusion"));
        this.groups = fuse ? FusedGroup.plan(nodes, inlined) : new FusedGroup[nodes.length];
        this.passes = new FusedRunner(this, nodes);
        this.statics = StaticOutputs.of(nodes, inlined,
                optimise && !"false".equals(System.getProperty("lumaflow.cache.static")));
        this.pool = pool;
        this.baseDir = baseDir;
        this.containment = containment;
        this.timeoutMs = timeoutMs;
        this.generation = generation;
        this.outputs = new Frame[nodes.length];
        this.remaining = new int[nodes.length];
        this.ctx = new NodeContextImpl(this, pool, baseDir);
        List<String> ids = new ArrayList<>();
        for (CompiledNode n : nodes) {
            ids.add(n.id);
        }
        this.order = List.copyOf(ids);
        int[] peaks = peakLiveFrames(nodes);
        this.peakImages = peaks[0];
        this.peakMasks = peaks[1];
    }

    /**
     * The most IMAGE and MASK frames alive at once during one evaluation (outputs leased and not yet released by
     * their last consumer, the result included), found by replaying the release schedule.
     */
    static int[] peakLiveFrames(CompiledNode[] nodes) {
        int[] left = new int[nodes.length];
        int images = 0;
        int masks = 0;
        int[] peak = new int[2];
        for (int i = 0; i < nodes.length; i++) {
            left[i] = nodes[i].consumers;
            boolean mask = nodes[i].outputType() == PortType.MASK;
            if (mask) {
                masks++;
            } else {
                images++;
            }
            peak[0] = Math.max(peak[0], images);
            peak[1] = Math.max(peak[1], masks);
            for (int src : nodes[i].inputs) {
                if (src >= 0 && --left[src] == 0) {
                    if (nodes[src].outputType() == PortType.MASK) {
                        masks--;
                    } else {
                        images--;
                    }
                }
            }
        }
        return peak;
    }

    @Override
    public List<String> order() {
        return order;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public synchronized RenderResult render(long time, int width, int height, double scale) {
        return renderAs(time, width, height, scale, PixelFormat.RGBA8);
    }

    @Override
    public boolean delivers(PixelFormat format) {
        return format == PixelFormat.RGBA8 || Yuv420Writer.writes(format);
    }

    /**
     * Renders and delivers NV12 or I420 as well: where the graph's output node ends a fused pass, the conversion is
     * part of that pass (the RGBA result is never stored); otherwise the result is converted after the render.
     */
    @Override
    public synchronized RenderResult render(long time, int width, int height, double scale, PixelFormat format) {
        if (!delivers(format)) {
            throw new UnsupportedOperationException("cpu backend does not deliver " + format);
        }
        return renderAs(time, width, height, scale, format);
    }

    private RenderResult renderAs(long time, int width, int height, double scale, PixelFormat format) {
        if (imageKey == null || imageKey.width() != width || imageKey.height() != height) {
            imageKey = new FrameKey(width, height, PortType.IMAGE.format(), Usage.RENDER);
            maskKey = new FrameKey(width, height, PortType.MASK.format(), Usage.RENDER);
            // a new size: make sure the pool holds what one evaluation needs, so even the first frame is all hits
            pool.prewarm(imageKey, peakImages);
            if (peakMasks > 0) {
                pool.prewarm(maskKey, peakMasks);
            }
        }
        statics.resize(width, height, scale);
        messages = null;
        int last = nodes.length - 1;
        if (format != PixelFormat.RGBA8 && (yuvKey == null || yuvKey.width() != width || yuvKey.height() != height
                || yuvKey.format() != format)) {
            yuvKey = new FrameKey(width, height, format, Usage.RENDER);
        }
        FrameKey yuvKey = format == PixelFormat.RGBA8 ? null : this.yuvKey;
        try {
            for (int i = 0; i <= last; i++) {
                if (inlined[i]) {
                    continue; // evaluated inside its consumer's fused pass
                }
                CompiledNode n = nodes[i];
                remaining[i] = n.consumers;
                outputs[i] = produce(i, time, width, height, scale, i == last ? yuvKey : null);
                int[] in = groups[i] != null ? groups[i].externalEdges : n.inputs;
                for (int p = 0; p < in.length; p++) {
                    int src = in[p];
                    if (src >= 0 && --remaining[src] == 0) {
                        outputs[src].release();
                        outputs[src] = null;
                    }
                }
            }
            Frame result = outputs[last];
            outputs[last] = null;
            if (yuvKey != null && result.format() != format) {
                outputs[last] = result;
                Frame converted = pool.lease(yuvKey);
                converted.setTime(time);
                try {
                    converter(format).convert(result, converted);
                } catch (RuntimeException | Error e) {
                    converted.release();
                    throw e;
                }
                outputs[last] = null;
                result.release();
                result = converted;
            }
            List<RenderMessage> msgs = messages == null ? List.of() : messages;
            messages = null;
            return new RenderResult(result, time, msgs);
        } catch (RuntimeException | Error e) {
            // release whatever is still held so the pool does not leak, then report
            for (int i = 0; i <= last; i++) {
                if (outputs[i] != null) {
                    outputs[i].release();
                    outputs[i] = null;
                }
            }
            throw e;
        }
    }

    /**
     * Node {@code i}'s output this frame: its cached output when it is static, else the fused pass it roots, else its
     * own render; {@code yuvKey} (the graph's output only) asks a fused pass to write the encoder's 4:2:0 directly.
     */
    private Frame produce(int i, long time, int width, int height, double scale, FrameKey yuvKey) {
        Frame cached = statics.get(i);
        if (cached != null) {
            return cached.retain();
        }
        int before = messages == null ? 0 : messages.size();
        Frame out = groups[i] != null ? passes.run(groups[i], time, width, height, scale, yuvKey)
                : evaluate(i, time, width, height, scale);
        if (statics.isStatic(i) && (messages == null ? 0 : messages.size()) == before
                && out.format() == nodes[i].outputType().format()) {
            out = statics.keep(i, out);
        }
        return out;
    }

    private org.lumaflow.engine.registry.PixelConverter converter(PixelFormat format) {
        if (format == PixelFormat.NV12) {
            return toNv12 != null ? toNv12 : (toNv12 = new RgbaToNv12());
        }
        return toI420 != null ? toI420 : (toI420 = new RgbaToI420());
    }

    private void contain(CompiledNode n, int index, Throwable t, long time) {
        contain(ctx, n, t, time);
    }

    void contain(NodeContextImpl ctx, CompiledNode n, Throwable t, long time) {
        LOG.log(System.Logger.Level.DEBUG, "node " + n.id + " failed", t);
        contain(ctx, n, "failed: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                + t.getMessage()), time);
    }

    /** Replaces node {@code n}'s output in {@code ctx} by its first input or black, and reports {@code text}. */
    private void contain(NodeContextImpl ctx, CompiledNode n, String text, long time) {
        ctx.dropPassThrough();
        int first = n.inputs.length > 0 ? n.inputs[0] : -1;
        if (first >= 0 && nodes[first].outputType() == n.outputType()) {
            ctx.passThrough(0);
            text += " (input passed through)";
        } else {
            fillBlack(ctx.output(), n.outputType());
            text += " (rendered black)";
        }
        message(RenderMessage.Severity.ERROR, n, time, text);
    }

    static void fillBlack(Frame f, PortType type) {
        if (type == PortType.MASK) {
            f.clear();
            return;
        }
        ByteBuffer b = f.buffer();
        int n = b.capacity();
        long opaqueBlack = 0xFF000000_FF000000L;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            b.putLong(i, opaqueBlack);
        }
        for (; i < n; i += 4) {
            b.putInt(i, 0xFF000000);
        }
    }

    Frame outputOf(int node) {
        return outputs[node];
    }

    /** The rows of node {@code node}'s output that hold alpha, where it is a kept static output, else null. */
    int[] contentRows(int node) {
        return statics.contentRows(node);
    }

    /** The frame key of node {@code n}'s output at the current size. */
    FrameKey keyFor(CompiledNode n) {
        return n.outputType() == PortType.MASK ? maskKey : imageKey;
    }

    /** Sets node {@code i}'s output (the fused runner's node-by-node fallback). */
    void setOutput(int i, Frame f) {
        outputs[i] = f;
    }

    /** The graph's own context (renders are serialized). */
    NodeContextImpl context() {
        return ctx;
    }

    CompiledNode node(int i) {
        return nodes[i];
    }

    Containment containment() {
        return containment;
    }

    long timeoutMs() {
        return timeoutMs;
    }

    NodeContextImpl newContext() {
        return new NodeContextImpl(this, pool, baseDir);
    }

    void message(RenderMessage.Severity severity, CompiledNode n, long time, String text) {
        if (messages == null) {
            messages = new ArrayList<>(4);
        }
        for (RenderMessage m : messages) {
            if (m.nodeId().equals(n.id) && m.text().equals(text)) {
                return;
            }
        }
        messages.add(new RenderMessage(severity, n.id, n.descriptor.id(), time, text));
    }

    // ---- access for GPU backends (they render the same plan; see Backend) ----

    /** Number of nodes, in evaluation order; the last one is the output. */
    public int size() {
        return nodes.length;
    }

    /** Id of node {@code i}. */
    public String id(int i) {
        return nodes[i].id;
    }

    /** Type of node {@code i}. */
    public NodeType type(int i) {
        return nodes[i].type;
    }

    /** Descriptor of node {@code i}. */
    public NodeDescriptor descriptor(int i) {
        return nodes[i].descriptor;
    }

    /** Producer index per input port of node {@code i} (-1 = unconnected); do not modify. */
    public int[] inputs(int i) {
        return nodes[i].inputs;
    }

    /** How many inputs read node {@code i}'s output (1 for the output node: the caller). */
    public int consumers(int i) {
        return nodes[i].consumers;
    }

    /** The pool CPU frames come from. */
    public FramePool pool() {
        return pool;
    }

    /**
     * Evaluates node {@code i}'s parameters at graph time {@code time} and returns a context to read them (and the
     * size, scale and time) through; its frame methods are not usable. Valid until the next call on this graph.
     */
    public synchronized NodeContext params(int i, long time, int width, int height, double scale) {
        CompiledNode n = nodes[i];
        long local = n.local(time);
        n.evaluate(local);
        ctx.end();
        ctx.begin(n, i, time, local, width, height, scale, null);
        return ctx;
    }

    /**
     * Renders node {@code i} alone on the CPU from {@code in} (one frame per input port, null = unconnected; not
     * released), contained like a full render. Returns the output frame, owned by the caller.
     */
    public synchronized Frame renderNode(int i, long time, int width, int height, double scale, Frame[] in) {
        CompiledNode n = nodes[i];
        int[] src = n.inputs;
        for (int p = 0; p < src.length; p++) {
            if (src[p] >= 0) {
                outputs[src[p]] = in[p];
            }
        }
        if (imageKey == null || imageKey.width() != width || imageKey.height() != height) {
            imageKey = new FrameKey(width, height, PortType.IMAGE.format(), Usage.RENDER);
            maskKey = new FrameKey(width, height, PortType.MASK.format(), Usage.RENDER);
        }
        try {
            return evaluate(i, time, width, height, scale);
        } finally {
            for (int p = 0; p < src.length; p++) {
                if (src[p] >= 0) {
                    outputs[src[p]] = null;
                }
            }
        }
    }

    /**
     * Renders node {@code i} into a leased frame (inputs read from {@link #outputs}), a failure contained (input
     * passed through or black, error reported); returns the node's output.
     */
    Frame evaluate(int i, long time, int width, int height, double scale) {
        CompiledNode n = nodes[i];
        if (n.guarded) {
            if (guardedNode == null) {
                guardedNode = new GuardedNode(this);
            }
            return guardedNode.evaluate(n, i, time, width, height, scale);
        }
        Frame out = pool.lease(n.outputType() == PortType.MASK ? maskKey : imageKey);
        out.setTime(time);
        long local = n.local(time);
        ctx.begin(n, i, time, local, width, height, scale, out);
        try {
            n.evaluate(local);
            n.type.render(ctx);
        } catch (VirtualMachineError e) {
            if (!(e instanceof OutOfMemoryError)) {
                throw e;
            }
            contain(n, i, e, time);
        } catch (Throwable t) {
            contain(n, i, t, time);
        } finally {
            ctx.end();
        }
        return ctx.result();
    }

    /** Node {@code i}'s output when it is not rendered: its first input or black, with {@code reason} reported. */
    Frame substitute(CompiledNode n, int i, long local, int width, int height, double scale, String reason,
            long time) {
        Frame out = pool.lease(keyFor(n));
        out.setTime(time);
        ctx.begin(n, i, time, local, width, height, scale, out);
        contain(ctx, n, reason, time);
        ctx.end();
        return ctx.result();
    }

    /** Adds a message for node {@code i} (deduplicated) to the next result {@link #takeMessages} returns. */
    public synchronized void report(RenderMessage.Severity severity, int i, long time, String text) {
        message(severity, nodes[i], time, text);
    }

    /** The messages collected since the last call (by {@link #renderNode} and {@link #report}). */
    public synchronized List<RenderMessage> takeMessages() {
        List<RenderMessage> m = messages == null ? List.of() : messages;
        messages = null;
        return m;
    }
}
