package org.lumaflow.engine.vulkan.internal;

import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ShaderNode;
import org.lumaflow.engine.internal.render.Backend;
import org.lumaflow.engine.internal.render.CompiledGraphImpl;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.vulkan.GpuDevice;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;
import org.lumaflow.engine.vulkan.VulkanContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The Vulkan backend service. The device is chosen and opened on the first compile that wants it (so commands that
 * never render do not pay for it): {@code auto} takes hardware devices only (a software rasterizer such as lavapipe
 * is slower than the CPU backend), {@code gpu} takes any. No usable device: one log line, CPU rendering.
 */
@Component(service = Backend.class)
public final class VulkanBackend implements Backend {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.vulkan");
    /** Device memory budget of the frame pool, in MiB. */
    public static final String BUDGET_PROPERTY = "lumaflow.gpu.budget";

    private GpuSelection selection;
    private GpuRuntime runtime;
    private String failure;
    private boolean logged;

    @Override
    public synchronized String device(String preference) {
        GpuDevice d = pick(preference);
        return d == null ? null : "gpu (" + d.name() + ", Vulkan)";
    }

    @Override
    public synchronized CompiledGraph adopt(CompiledGraphImpl cpu, String preference) {
        GpuRuntime rt = runtime(preference);
        return rt == null ? null : new GpuGraph(cpu, rt);
    }

    /** The opened device for {@code preference}, or null (logged once). */
    public synchronized GpuRuntime runtime(String preference) {
        GpuDevice d = pick(preference);
        if (d == null) {
            return null;
        }
        if (runtime == null && failure == null) {
            try {
                long mib = Long.getLong(BUDGET_PROPERTY, 2048);
                runtime = new GpuRuntime(VulkanContext.open(d), mib << 20);
                LOG.log(System.Logger.Level.INFO, "rendering on the GPU: " + d + " (" + selection.reason() + ")");
            } catch (RuntimeException | LinkageError e) {
                failure = "opening " + d + " failed: " + e.getMessage();
                LOG.log(System.Logger.Level.WARNING, failure + ": rendering on the CPU backend");
            }
        }
        return runtime;
    }

    private GpuDevice pick(String preference) {
        if ("auto".equals(preference) && selection == null && !HardwareGpu.mayExist()) {
            // auto takes hardware devices only, and there is none without a device node: no Vulkan probe (it costs
            // ~0.1 s of CPU and ~50 MB of resident memory for a software device auto would not use)
            if (!logged) {
                logged = true;
                LOG.log(System.Logger.Level.INFO, "no GPU on this machine (" + HardwareGpu.NODES
                        + "): rendering on the CPU (--backend gpu also takes software Vulkan devices)");
            }
            return null;
        }
        if (selection == null) {
            try {
                selection = Gpus.select();
            } catch (RuntimeException | LinkageError e) {
                selection = new GpuSelection(java.util.List.of(), null, "Vulkan unavailable (" + e + ")");
            }
        }
        GpuDevice d = selection.chosen();
        String why = null;
        if (d == null) {
            why = selection.reason();
        } else if ("auto".equals(preference) && d.type() == GpuDevice.Type.CPU) {
            why = "only a software Vulkan device (" + d.name() + ") found: the CPU backend is faster, rendering there"
                    + " (--backend gpu uses it anyway)";
            d = null;
        } else if (failure != null) {
            why = failure;
            d = null;
        }
        if (why != null && !logged) {
            logged = true;
            LOG.log(System.Logger.Level.INFO, why);
        }
        return d;
    }

    @Reference(service = NodeType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindNodeType(NodeType t) {
        // shader nodes are compiled on first use; only their removal matters here
    }

    void unbindNodeType(NodeType t) {
        GpuRuntime rt;
        synchronized (this) {
            rt = runtime;
        }
        if (rt != null && t instanceof ShaderNode) {
            try {
                rt.retire(t);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "freeing the GPU kernels of " + t + " failed: " + e);
            }
        }
    }

    /** Closes the device (outside OSGi). */
    public void close() {
        deactivate();
    }

    @Deactivate
    synchronized void deactivate() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
