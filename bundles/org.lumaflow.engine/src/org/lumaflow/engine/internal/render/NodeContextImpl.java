package org.lumaflow.engine.internal.render;

import java.nio.file.Path;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.render.RenderMessage;

/** The context handed to each node; one instance per compiled graph, re-aimed at every node. */
final class NodeContextImpl implements NodeContext {

    private static final int MAX_SCRATCH = 16;

    private final CompiledGraphImpl graph;
    private final FramePool pool;
    private final Path baseDir;
    private final Frame[] scratch = new Frame[MAX_SCRATCH];
    private int scratchCount;
    private CompiledNode node;
    private long time;
    private long graphTime;
    private int width;
    private int height;
    private double scale;
    private Frame output;
    private Frame passed;
    /** inputs of a guarded call (retained copies), or null to read the graph's outputs */
    private Frame[] inputs;
    /** set when a guarded call hung: the plugin's thread may still hold this context, so it stops working */
    private volatile boolean abandoned;

    NodeContextImpl(CompiledGraphImpl graph, FramePool pool, Path baseDir) {
        this.graph = graph;
        this.pool = pool;
        this.baseDir = baseDir;
    }

    void begin(CompiledNode n, int index, long graphTime, long localTime, int w, int h, double s, Frame out) {
        this.node = n;
        this.time = localTime;
        this.graphTime = graphTime;
        this.width = w;
        this.height = h;
        this.scale = s;
        this.output = out;
        this.passed = null;
    }

    /** Reads inputs from {@code frames} (indexed by port) instead of the graph (guarded calls). */
    void useInputs(Frame[] frames) {
        this.inputs = frames;
    }

    /** The context of a hung call: every later call from the plugin's thread fails. */
    void abandon() {
        abandoned = true;
    }

    /** Scratch frames currently leased. */
    int scratchCount() {
        return scratchCount;
    }

    private void alive() {
        if (abandoned) {
            throw new IllegalStateException("node " + node.id + " was abandoned after a render timeout");
        }
    }

    void end() {
        for (int i = 0; i < scratchCount; i++) {
            scratch[i].release();
            scratch[i] = null;
        }
        scratchCount = 0;
    }

    /** The node's output: the leased frame, or the retained input when passed through. */
    Frame result() {
        if (passed != null) {
            output.release();
            Frame p = passed;
            passed = null;
            output = null;
            return p;
        }
        Frame o = output;
        output = null;
        return o;
    }

    /** Forgets a pass-through the node may have requested before it failed. */
    void dropPassThrough() {
        if (passed != null) {
            passed.release();
            passed = null;
        }
    }

    @Override
    public String nodeId() {
        return node.id;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public double seconds() {
        return (double) time / Ticks.PER_SECOND;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public Frame input(int index) {
        if (inputs != null) {
            return inputs[index];
        }
        int src = node.inputs[index];
        return src < 0 ? null : graph.outputOf(src);
    }

    @Override
    public int inputCount() {
        return node.inputs.length;
    }

    @Override
    public boolean connected(int index) {
        return node.inputs[index] >= 0;
    }

    @Override
    public Frame output() {
        return output;
    }

    @Override
    public double number(String param) {
        int i = node.param(param);
        return node.numbers[node.offsets[i]];
    }

    @Override
    public int integer(String param) {
        return (int) Math.floor(number(param) + 0.5);
    }

    @Override
    public boolean bool(String param) {
        return number(param) != 0;
    }

    @Override
    public String choice(String param) {
        return (String) node.constants[node.param(param)];
    }

    @Override
    public String string(String param) {
        return (String) node.constants[node.param(param)];
    }

    @Override
    public Color color(String param) {
        int i = node.param(param);
        if (node.constants[i] instanceof Color c) {
            return c;
        }
        double[] v = node.numbers;
        int o = node.offsets[i];
        return new Color(v[o], v[o + 1], v[o + 2], v[o + 3]);
    }

    @Override
    public Point2 point(String param) {
        int i = node.param(param);
        if (node.constants[i] instanceof Point2 p) {
            return p;
        }
        double[] v = node.numbers;
        int o = node.offsets[i];
        return new Point2(v[o], v[o + 1]);
    }

    @Override
    public Path file(String param) {
        int i = node.param(param);
        if (node.specs[i].type() != ParamType.FILE && node.specs[i].type() != ParamType.STRING) {
            throw new IllegalArgumentException(param + " is not a file parameter");
        }
        Path cached = node.files[i];
        if (cached != null) {
            return cached;
        }
        String s = (String) node.constants[i];
        if (s == null || s.isBlank()) {
            return null;
        }
        Path p = Path.of(s);
        p = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
        node.files[i] = p;
        return p;
    }

    @Override
    public Frame scratch(FrameKey key) {
        alive();
        if (scratchCount == MAX_SCRATCH) {
            throw new IllegalStateException("more than " + MAX_SCRATCH + " scratch frames in one node");
        }
        Frame f = pool.lease(key);
        scratch[scratchCount++] = f;
        return f;
    }

    @Override
    public FramePool pool() {
        return pool;
    }

    @Override
    public void warn(String message) {
        alive();
        graph.message(RenderMessage.Severity.WARNING, node, graphTime, message);
    }

    @Override
    public void passThrough(int index) {
        alive();
        Frame in = input(index);
        if (in == null) {
            throw new IllegalArgumentException("input " + index + " of node " + node.id + " is not connected");
        }
        if (in.format() != output.format()) {
            throw new IllegalArgumentException("cannot pass a " + in.format() + " input through to a "
                    + output.format() + " output");
        }
        if (passed != null) {
            passed.release();
        }
        passed = in.retain();
    }

    @Override
    public void adopt(Frame frame) {
        alive();
        if (frame.width() != output.width() || frame.height() != output.height()
                || frame.format() != output.format()) {
            frame.release();
            throw new IllegalArgumentException("node " + node.id + " adopted a " + frame.key() + " frame for a "
                    + output.key() + " output");
        }
        if (passed != null) {
            passed.release();
        }
        passed = frame;
    }

    @Override
    public Object state() {
        return node.state;
    }

    @Override
    public void setState(Object state) {
        alive();
        node.state = state;
    }
}
