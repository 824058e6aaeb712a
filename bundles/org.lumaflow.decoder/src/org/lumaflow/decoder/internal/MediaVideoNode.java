package org.lumaflow.decoder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.time.Rational;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.decoder.MediaService.Fit;
import org.lumaflow.engine.graph.FrameSource;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code media.video}: a video file (or an image sequence pattern such as {@code shot_%04d.png}) decoded by FFmpeg
 * with lookahead. Node time is source time. A missing, broken or truncated file renders opaque black and the render
 * result carries a warning naming the file (the message's time is the frame's).
 */
@Component(service = NodeType.class)
public final class MediaVideoNode implements NodeType, FrameSource {

    static final NodeDescriptor DESCRIPTOR = new NodeDescriptor("media.video", "Video file", "Source",
            "A video file (MP4, MOV, MKV, WebM...) or an image sequence (name with %04d), decoded by FFmpeg ahead "
                    + "of the render. Frames are shown at their exact timestamps (variable frame rate included); "
                    + "rotation metadata is applied.",
            List.of(), PortType.IMAGE,
            List.of(ParamSpec.file("file", "Media file"),
                    ParamSpec.choice("fit", "fit: whole picture, letterboxed; stretch: to the frame size", "fit",
                            "stretch"),
                    ParamSpec.integer("lookahead", 3, 1, 16, "frames", "Frames decoded ahead of the render")
                            .notAnimatable()));

    private static final int BLACK = 0xFF000000;

    /** The reader for the current parameters, or why it could not be opened (not retried until they change). */
    private static final class State {
        final Readers.Key key;
        final LookaheadReader reader;
        final String error;
        long damaged;

        State(Readers.Key key, LookaheadReader reader, String error) {
            this.key = key;
            this.reader = reader;
            this.error = error;
        }

        Readers.Key key() {
            return key;
        }

        LookaheadReader reader() {
            return reader;
        }

        String error() {
            return error;
        }
    }

    /** Probed frame rates by file (size and modification time checked), for frame blending. */
    private final Map<Path, Object[]> rates = new ConcurrentHashMap<>();

    @Override
    public Rational frameRate(GraphNode node, Path baseDir) {
        Object v = node.params().get("file");
        if (!(v instanceof String s) || s.isBlank()) {
            return null;
        }
        Path p = Path.of(s);
        p = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
        try {
            long size = Files.size(p);
            long modified = Files.getLastModifiedTime(p).toMillis();
            Object[] known = rates.get(p);
            if (known != null && (long) known[0] == size && (long) known[1] == modified) {
                return (Rational) known[2];
            }
            VideoStreamInfo vs = FFmpegMediaService.INSTANCE.probe(p).firstVideo();
            Rational r = vs == null || vs.frames() == 1 ? null : vs.frameRate();
            if (r != null && (r.num() <= 0 || r.den() <= 0)) {
                r = null;
            }
            rates.put(p, new Object[] {size, modified, r});
            return r;
        } catch (IOException | RuntimeException e) {
            return null; // the render reports the file
        }
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void render(NodeContext ctx) {
        Frame out = ctx.output();
        Path file = ctx.file("file");
        if (file == null) {
            black(out);
            ctx.warn("no media file set");
            return;
        }
        Fit fit = "stretch".equals(ctx.choice("fit")) ? Fit.STRETCH : Fit.FIT;
        State st = ctx.state() instanceof State s ? s : null;
        if (st == null || (st.reader() != null && st.reader().isClosed()) || !st.key().file().equals(file) || st.key().width() != ctx.width()
                || st.key().height() != ctx.height() || st.key().fit() != fit || st.key().pool() != ctx.pool()) {
            Readers.Key key = new Readers.Key(ctx.pool(), ctx.nodeId(), file, ctx.width(), ctx.height(), fit);
            try {
                st = new State(key, Readers.acquire(key, ctx.integer("lookahead")), null);
            } catch (MediaException e) {
                st = new State(key, null, e.getMessage());
            }
            ctx.setState(st);
        }
        if (st.reader() == null) {
            black(out);
            ctx.warn(st.error());
            return;
        }
        try {
            ctx.adopt(st.reader().frame(Math.max(0, ctx.time()))); // the decoded frame itself, no copy
        } catch (MediaException e) {
            black(out);
            ctx.warn(e.getMessage());
        }
        long damaged = st.reader().damaged();
        if (damaged > st.damaged) {
            st.damaged = damaged;
            ctx.warn(file + ": damaged data in the file was skipped; pictures around here may show artefacts");
        }
    }

    private static void black(Frame out) {
        var px = out.buffer();
        for (int i = 0, n = out.width() * out.height() * 4; i < n; i += 4) {
            px.putInt(i, BLACK);
        }
    }

    @Deactivate
    void deactivate() {
        Readers.closeAll();
    }
}
