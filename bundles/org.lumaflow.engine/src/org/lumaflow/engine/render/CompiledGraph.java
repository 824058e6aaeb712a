package org.lumaflow.engine.render;

import java.util.List;

import org.lumaflow.core.pool.PixelFormat;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A validated graph bound to the node types that were registered when it was compiled. Reusable for any number of
 * frames while the graph's structure is unchanged; parameters are evaluated per frame. Renders one frame at a time
 * (calls are serialized); per-node caches live as long as the compiled graph.
 */
@ProviderType
public interface CompiledGraph {

    /**
     * Renders the graph at {@code time} (ticks) into a {@code width} x {@code height} frame; {@code scale} is output
     * pixels per project pixel. Never throws for node failures: they are contained and reported in the result.
     */
    RenderResult render(long time, int width, int height, double scale);

    /** Node ids in evaluation order (nodes that do not reach the output are dropped). */
    List<String> order();

    /** The registry generation the graph was compiled against. */
    long generation();

    /** The backend rendering this graph: {@code "cpu"} or a GPU backend's description. */
    default String backend() {
        return "cpu";
    }

    /** Whether {@link #render(long, int, int, double, PixelFormat)} can deliver frames in {@code format}. */
    default boolean delivers(PixelFormat format) {
        return format == PixelFormat.RGBA8;
    }

    /**
     * Renders and converts to {@code format} on the backend: a GPU backend converts before the readback, so only
     * the converted bytes (1.5 per pixel for NV12) leave the GPU.
     *
     * @throws UnsupportedOperationException when {@link #delivers} is false for {@code format}
     */
    default RenderResult render(long time, int width, int height, double scale, PixelFormat format) {
        if (format != PixelFormat.RGBA8) {
            throw new UnsupportedOperationException(backend() + " backend does not deliver " + format);
        }
        return render(time, width, height, scale);
    }

    /**
     * Starts a render and returns at once where the backend can overlap frames (GPU backends keep up to
     * {@link #inFlight()} frames running, so the caller can submit the next one before awaiting this one); the
     * CPU backend renders before returning. Submit and await from one thread, in order.
     */
    default PendingRender submit(long time, int width, int height, double scale, PixelFormat format) {
        RenderResult r = render(time, width, height, scale, format);
        return () -> r;
    }

    /** How many submitted renders may be outstanding at once. */
    default int inFlight() {
        return 1;
    }

    /**
     * A preview: the frame rendered at {@code width} x {@code height} and read back downscaled to {@code outWidth} x
     * {@code outHeight} (RGBA8). The CPU backend renders at the preview size directly.
     */
    default RenderResult preview(long time, int width, int height, double scale, int outWidth, int outHeight) {
        return render(time, outWidth, outHeight, scale * outWidth / width);
    }

    /**
     * Renders the frame and returns only its {@link FrameStats}: a GPU backend reduces on the device and reads back
     * about 1 KB; the CPU backend renders and counts.
     */
    default FrameStats stats(long time, int width, int height, double scale) {
        try (RenderResult r = render(time, width, height, scale)) {
            return FrameStats.of(r.frame());
        }
    }
}
