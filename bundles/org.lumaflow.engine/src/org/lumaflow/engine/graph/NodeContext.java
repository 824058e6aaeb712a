package org.lumaflow.engine.graph;

import java.nio.file.Path;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a node sees while it renders one frame. Valid only during {@link NodeType#render}; not thread-safe (hand
 * values, not the context, to worker threads).
 */
@ProviderType
public interface NodeContext {

    /** The node's id in its graph. */
    String nodeId();

    /** Node-local time in ticks (clip-relative for clip sources and effects). */
    long time();

    /** {@link #time()} in seconds. */
    double seconds();

    /** Output width in pixels. */
    int width();

    /** Output height in pixels. */
    int height();

    /** Output pixels per project pixel: multiply {@code "px"} parameters by it. */
    double scale();

    /** The frame connected to input {@code index}, or null when nothing is connected. Do not release it. */
    Frame input(int index);

    /** Number of input ports of the node (connected or not). @since 1.2 */
    default int inputCount() {
        return 0;
    }

    /**
     * Whether input {@code index} is connected; unlike {@link #input} also answers in {@link PixelNode#prepare},
     * where inputs are not frames. @since 1.2
     */
    default boolean connected(int index) {
        return input(index) != null;
    }

    /** The frame leased for this node's output (size {@link #width()} x {@link #height()}, format of the output port). */
    Frame output();

    /** Value of a FLOAT or INT parameter at {@link #time()}. */
    double number(String param);

    /** Value of an INT parameter (FLOAT values rounded half up). */
    int integer(String param);

    /** Value of a BOOL parameter. */
    boolean bool(String param);

    /** Value of a CHOICE parameter. */
    String choice(String param);

    /** Value of a STRING parameter. */
    String string(String param);

    /** Value of a COLOR parameter at {@link #time()}. */
    Color color(String param);

    /** Value of a POINT parameter at {@link #time()}. */
    Point2 point(String param);

    /** A FILE parameter resolved against the project folder, or null when empty. */
    Path file(String param);

    /** A scratch frame, returned to the pool automatically when {@link NodeType#render} returns. */
    Frame scratch(FrameKey key);

    /** The frame pool (for nodes that manage frames beyond one render call). */
    FramePool pool();

    /** Adds a warning to the render result (deduplicated per node and text). */
    void warn(String message);

    /** Makes the node's output the frame of input {@code index} unchanged (no copy); the leased output is dropped. */
    void passThrough(int index);

    /**
     * Makes {@code frame} the node's output instead of the leased one, with no copy: for sources that already hold the
     * picture in a pooled frame (decoders). The engine takes over the caller's reference (retain it first if you
     * keep one) and releases it when the frame's consumers are done; it must have the output's size and format.
     */
    void adopt(Frame frame);

    /** Per-node-instance cache (LUTs, rasterized text...), kept across frames while the compiled graph lives. */
    Object state();

    /** Replaces the per-instance cache. */
    void setState(Object state);
}
