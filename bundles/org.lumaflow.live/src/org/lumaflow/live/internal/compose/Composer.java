package org.lumaflow.live.internal.compose;

import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.PixelConverter;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveException;

/**
 * The process stage's renderer: the layout graph compiled once on the engine's selected backend, rendered per tick
 * into a pooled NV12 frame of the output size. A backend that converts before readback ({@code delivers(NV12)},
 * the GPU) renders NV12 directly; otherwise the RGBA8 render is converted by the engine's RGBA to NV12 converter.
 * A lowered render size is scaled up to the output size (bilinear on the NV12 planes). One thread.
 */
public final class Composer implements AutoCloseable {

    private final CompiledGraph graph;
    private final FramePool pool;
    private final PixelConverter toNv12;
    private final int width;
    private final int height;
    private final boolean nv12;
    private final FrameKey outKey;
    private final PlaneScaler luma = new PlaneScaler();
    private final PlaneScaler chroma = new PlaneScaler();
    private Frame lastProgram;
    private String lastWarning;

    /**
     * Compiles {@code layout} for {@code session} with the {@code effects} chain.
     *
     * @param effectsDir folder FILE parameters of the effects resolve against (null: the working directory)
     * @throws LiveException naming the effects file when the graph does not compile
     */
    public Composer(Engine engine, ConverterRegistry converters, Layout layout, String session, int width,
            int height, List<GraphNode> effects, Path effectsDir, String effectsName) throws LiveException {
        this.width = width;
        this.height = height;
        this.pool = engine.pool();
        Graph g = LayoutGraphs.build(layout, session, width, height, effects, engine.registry().snapshot());
        try {
            this.graph = engine.compile(g, effectsDir);
        } catch (GraphException e) {
            throw new LiveException((effectsName == null ? "live composition: " : "effects file " + effectsName
                    + ": ") + e.getMessage(), e);
        }
        this.nv12 = graph.delivers(PixelFormat.NV12);
        this.toNv12 = converters == null ? null : converters.find(PixelFormat.RGBA8, PixelFormat.NV12);
        if (!nv12 && toNv12 == null) {
            throw new LiveException("no RGBA to NV12 converter is registered (engine bundle missing?)");
        }
        this.outKey = new FrameKey(width, height, PixelFormat.NV12, Usage.ENCODE);
    }

    /** The backend rendering the composition ({@code cpu} or a GPU description). */
    public String backend() {
        return graph.backend();
    }

    /** Whether the backend delivers NV12 itself (converted before readback). */
    public boolean deliversNv12() {
        return nv12;
    }

    /**
     * Renders {@code time} (ticks) at {@code rw x rh} (even, at most the output size) and returns an NV12 frame of
     * the output size, owned by the caller. The newest frame is also kept for {@link #program()} previews.
     */
    public Frame render(long time, int rw, int rh) {
        double scale = (double) rw / width;
        Frame small;
        if (nv12) {
            RenderResult r = graph.render(time, rw, rh, scale, PixelFormat.NV12);
            note(r);
            small = r.frame();
        } else {
            RenderResult r = graph.render(time, rw, rh, scale);
            note(r);
            Frame rgba = r.frame();
            small = rw == width && rh == height ? pool.lease(outKey)
                    : pool.lease(rw, rh, PixelFormat.NV12, Usage.ENCODE);
            try {
                toNv12.convert(rgba, small);
            } finally {
                rgba.release();
            }
        }
        Frame out = small;
        if (rw != width || rh != height) {
            out = pool.lease(outKey);
            var s = small.buffer();
            var d = out.buffer();
            luma.scale(s, 0, rw, rh, rw, d, 0, width, 0, 0, width, height, 1);
            chroma.scale(s, rw * rh, rw / 2, rh / 2, rw, d, width * height, width, 0, 0, width / 2, height / 2,
                    2);
            small.release();
        }
        out.setTime(time);
        keep(out);
        return out;
    }

    /**
     * The program without composition: a source picture already NV12 or I420 (what the encoder takes) at the output
     * size (a single source, full layout, no effects), retained for the caller (no copy: the triple buffer does not
     * write into a picture someone still holds). Null when {@code source} is not such a picture.
     */
    public Frame passthrough(Frame source, long time) {
        if (source == null || (source.format() != PixelFormat.NV12 && source.format() != PixelFormat.I420)
                || source.width() != width || source.height() != height) {
            return null;
        }
        source.retain(); // by reference: the triple buffer leaves a retained picture alone
        source.setTime(time);
        keep(source);
        return source;
    }

    private synchronized void keep(Frame f) {
        f.retain();
        if (lastProgram != null) {
            lastProgram.release();
        }
        lastProgram = f;
    }

    /** The newest composed NV12 picture retained for the caller (who releases it), or null. */
    public synchronized Frame program() {
        return lastProgram == null ? null : lastProgram.retain();
    }

    private void note(RenderResult r) {
        for (RenderMessage m : r.messages()) {
            lastWarning = m.toString();
        }
    }

    /** The newest warning or error a node reported (for the session's events), then forgets it; or null. */
    public String takeWarning() {
        String w = lastWarning;
        lastWarning = null;
        return w;
    }

    @Override
    public synchronized void close() {
        if (lastProgram != null) {
            lastProgram.release();
            lastProgram = null;
        }
    }
}
