package org.lumaflow.perception.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceTrack;

/**
 * What the perception nodes share: the {@code source} and {@code wait} parameters and the face track of the source,
 * kept in the node's state (analysed or read from the cache once per node instance and file).
 */
final class NodeFaces {

    static final ParamSpec SOURCE = ParamSpec.file("source",
            "Media file the faces come from (the file of the clip this effect is on)");
    static final ParamSpec WAIT = ParamSpec.bool("wait", true,
            "Wait for the face analysis (first use of a file; cached after). Off: frames render unchanged with a "
                    + "warning until it is ready (previews)");

    private record State(Path file, CompletableFuture<FaceTrack> track) {
    }

    private NodeFaces() {
    }

    /** Longest wait for a running analysis on the render thread. */
    static final long WAIT_SECONDS = 45;

    /** The track of the node's {@code source}, or null after a warning (no file, analysis failed or not ready). */
    static FaceTrack track(NodeContext ctx, FaceAnalyzer analyzer) throws InterruptedException {
        Path file = ctx.file("source");
        if (file == null) {
            ctx.warn("no source media file set: faces unknown");
            return null;
        }
        State st = ctx.state() instanceof State s && s.file().equals(file) ? s : null;
        if (st == null) {
            st = new State(file, analyzer.analyze(file));
            ctx.setState(st);
        }
        if (!st.track().isDone() && !ctx.bool("wait")) {
            ctx.warn("faces of " + file + " are being analysed; frames render unchanged until then");
            return null;
        }
        try {
            // shorter than an export's stall timeout, so a long first analysis is reported for what it is
            return st.track().get(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("face analysis of " + file + " still running after " + WAIT_SECONDS
                    + " s: run 'lumaflow analyze " + file + "' first, or turn 'wait' off");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // with 'wait' on the user asked for faces: an error in the render result, not a silent pass-through
            throw new IllegalStateException("face analysis of " + file + " failed: " + cause.getMessage(), cause);
        } catch (java.util.concurrent.CancellationException e) {
            ctx.setState(null); // try again on the next frame
            throw new IllegalStateException("face analysis of " + file + " was cancelled");
        }
    }
}
