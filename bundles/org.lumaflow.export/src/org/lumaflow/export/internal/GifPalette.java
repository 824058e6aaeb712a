package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avfilter.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.util.Locale;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * RGBA frames to palettised (PAL8) frames for GIF: FFmpeg's palettegen / paletteuse filters generate a palette for
 * each frame from its own colours (stats_mode=single, new palette per frame) and map the frame onto it with
 * Sierra-2-4A error diffusion.
 */
final class GifPalette implements AutoCloseable {

    private static final String GRAPH = "[in]split[a][b];[a]palettegen=stats_mode=single:max_colors=256[p];"
            + "[b][p]paletteuse=new=1:dither=sierra2_4a[out]";

    private final AVFilterGraph graph = avfilter_graph_alloc();
    private final AVFilterContext src = new AVFilterContext(null);
    private final AVFilterContext sink = new AVFilterContext(null);

    GifPalette(int width, int height, FrameRate rate) throws IOException {
        String args = String.format(Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=1/1",
                width, height, AV_PIX_FMT_RGBA, rate.den(), rate.num());
        check(avfilter_graph_create_filter(src, avfilter_get_by_name("buffer"), "in", args, null, graph), "source");
        check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
                "sink");
        AVFilterInOut outputs = avfilter_inout_alloc();
        AVFilterInOut inputs = avfilter_inout_alloc();
        try {
            outputs.name(av_strdup(new BytePointer("in")));
            outputs.filter_ctx(src);
            outputs.pad_idx(0);
            outputs.next(null);
            inputs.name(av_strdup(new BytePointer("out")));
            inputs.filter_ctx(sink);
            inputs.pad_idx(0);
            inputs.next(null);
            check(avfilter_graph_parse_ptr(graph, GRAPH, inputs, outputs, (Pointer) null), "palette graph");
            check(avfilter_graph_config(graph, (Pointer) null), "palette graph configuration");
        } catch (IOException e) {
            avfilter_graph_free(graph);
            throw e;
        } finally {
            avfilter_inout_free(inputs);
            avfilter_inout_free(outputs);
        }
    }

    private static void check(int r, String what) throws IOException {
        if (r < 0) {
            throw new IOException("GIF palette: cannot set up the " + what + " (" + FFmpeg.explain(r) + ")");
        }
    }

    /** Queues an RGBA frame (copied by the filter); null flushes. */
    void push(AVFrame rgba) throws IOException {
        int r = av_buffersrc_add_frame_flags(src, rgba, 0);
        if (r < 0) {
            throw new IOException("GIF palette: cannot queue a frame (" + FFmpeg.error(r) + ")");
        }
    }

    /** Takes the next palettised frame into {@code out}; false when none is ready. */
    boolean pull(AVFrame out) throws IOException {
        int r = av_buffersink_get_frame(sink, out);
        if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
            return false;
        }
        if (r < 0) {
            throw new IOException("GIF palette: filtering failed (" + FFmpeg.error(r) + ")");
        }
        return true;
    }

    @Override
    public void close() {
        avfilter_graph_free(graph);
    }
}
