package org.lumaflow.engine.vulkan.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ShaderNode;
import org.lumaflow.engine.vulkan.ComputeKernel;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.vulkan.FrameRecorder;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;
import org.lumaflow.engine.vulkan.GpuFramePool;
import org.lumaflow.engine.vulkan.Shaders;
import org.lumaflow.engine.vulkan.VulkanContext;
import org.lumaflow.engine.vulkan.internal.nodes.BuiltinTwins;

/**
 * One opened device with what graphs share on it: the frame pool, the compiled kernels (built-in shaders by name,
 * plugin shader nodes by type) and a lock that keeps kernels alive while frames are recorded: retiring a plugin's
 * kernels takes the write lock and waits for the device to go idle.
 */
public final class GpuRuntime implements AutoCloseable {

    /** Frames a graph keeps in flight. */
    public static final int IN_FLIGHT = 3;

    private final VulkanContext ctx;
    private final GpuFramePool pool;
    private final Map<String, ComputeKernel> kernels = new HashMap<>();
    private final Map<NodeType, GlslNode> shaderNodes = new IdentityHashMap<>();
    private final Map<String, GpuNode> builtins = BuiltinTwins.all();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    public GpuRuntime(VulkanContext ctx, long budgetBytes) {
        this.ctx = ctx;
        this.pool = new GpuFramePool(ctx, budgetBytes);
    }

    public VulkanContext context() {
        return ctx;
    }

    public GpuFramePool pool() {
        return pool;
    }

    /** Whether {@link #close} ran: graphs go to the CPU from then on. */
    public boolean isClosed() {
        return closed;
    }

    private final java.util.ArrayDeque<FrameRecorder> recorders = new java.util.ArrayDeque<>();

    /**
     * A recorder for one frame (shared by all graphs: a graph holds one only while a frame of it is in flight, so a
     * timeline with many segments does not pin command pools and arenas per segment).
     */
    FrameRecorder recorder() {
        synchronized (recorders) {
            FrameRecorder r = recorders.pollFirst();
            if (r != null) {
                return r;
            }
        }
        return new FrameRecorder(ctx);
    }

    /** Returns a recorder after its frame was awaited (or aborted). */
    void recycle(FrameRecorder r) {
        synchronized (recorders) {
            if (!closed && recorders.size() < 8) {
                recorders.addLast(r);
                return;
            }
        }
        if (!closed) {
            try {
                r.close();
            } catch (RuntimeException e) {
                System.getLogger("org.lumaflow.engine.vulkan").log(System.Logger.Level.DEBUG,
                        "closing a recorder failed", e);
            }
        }
    }

    /** The host-visible twin of a device frame key (staging for uploads, targets of readbacks). */
    static GpuFrameKey hostKey(GpuFrameKey k) {
        return new GpuFrameKey(k.width(), k.height(), k.format(), Usage.SCRATCH, true);
    }

    /**
     * A pooled host-visible staging frame for an upload into a frame of {@code deviceKey}, held by {@code rec} until
     * its fence (so the pool hands staging frames round like a ring). Fill its mapped memory, then record the copy.
     */
    GpuFrame staging(FrameRecorder rec, GpuFrameKey deviceKey) {
        GpuFrame f = pool.lease(hostKey(deviceKey));
        rec.hold(f);
        return f;
    }

    /** Held (read) while a frame is recorded and submitted. */
    ReentrantReadWriteLock.ReadLock recording() {
        return lock.readLock();
    }

    /**
     * Runs {@code action} (freeing a dropped graph's device objects) unless the device is closed already: then they
     * went with it.
     */
    void whileOpen(Runnable action) {
        lock.readLock().lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The twin for {@code type}: a built-in twin, a shader node's generated kernel, or null (CPU only). */
    GpuNode twin(NodeType type) {
        if (type instanceof ShaderNode s) {
            synchronized (shaderNodes) {
                try {
                    return shaderNodes.computeIfAbsent(type, t -> new GlslNode(s));
                } catch (RuntimeException e) {
                    // e.g. a descriptor that throws: the node renders on the CPU (parameters that do not fit the
                    // push constants or GLSL that does not compile are reported per frame by the graph)
                    System.getLogger("org.lumaflow.engine.vulkan").log(System.Logger.Level.WARNING,
                            "shader node " + type.descriptor().id() + " runs on the CPU: " + e.getMessage());
                    return null;
                }
            }
        }
        return builtins.get(type.descriptor().id());
    }

    /** The kernel of {@code shaders/NAME.comp}, compiled on first use. */
    synchronized ComputeKernel kernel(String name, int buffers) {
        ComputeKernel k = kernels.get(name);
        if (k == null) {
            k = ctx.kernel(name, Shaders.source(name), buffers, GpuNodeContext.PUSH_BYTES);
            kernels.put(name, k);
        }
        return k;
    }

    /** A kernel from generated source, cached under {@code key}. */
    synchronized ComputeKernel kernel(String key, String glsl, int buffers) {
        ComputeKernel k = kernels.get(key);
        if (k == null) {
            k = ctx.kernel(key, glsl, buffers, GpuNodeContext.PUSH_BYTES);
            kernels.put(key, k);
        }
        return k;
    }

    /** Kernels compiled and alive (for tests and statistics). */
    public synchronized int kernelCount() {
        return kernels.size();
    }

    /**
     * Frees the pipelines of a shader node type that went away: waits until no frame is being recorded and the
     * device is idle. Graphs still holding the type render it on the CPU from then on.
     */
    public void retire(NodeType type) {
        GlslNode g;
        synchronized (shaderNodes) {
            g = shaderNodes.remove(type);
        }
        if (g == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            g.retire();
            ComputeKernel k;
            synchronized (this) {
                k = kernels.remove(g.key());
            }
            if (k != null) {
                k.close(); // waits for the device to go idle first
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (recorders) {
                for (FrameRecorder r : recorders) {
                    r.close();
                }
                recorders.clear();
            }
            synchronized (this) {
                for (ComputeKernel k : kernels.values()) {
                    k.close();
                }
                kernels.clear();
            }
            pool.close();
            ctx.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
