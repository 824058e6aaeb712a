package org.lumaflow.engine.render;

import java.util.List;

import org.lumaflow.core.pool.Frame;

/**
 * One rendered frame and what happened while rendering it. The caller owns the frame's lease: close the result (or
 * release the frame) when done.
 *
 * @param frame    the image (RGBA8 for image graphs)
 * @param time     graph time in ticks
 * @param messages warnings and errors, empty when all went well
 */
public record RenderResult(Frame frame, long time, List<RenderMessage> messages) implements AutoCloseable {

    /** Whether no node reported a warning or error. */
    public boolean clean() {
        return messages.isEmpty();
    }

    /** Whether a node failed. */
    public boolean hasErrors() {
        for (RenderMessage m : messages) {
            if (m.severity() == RenderMessage.Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** Releases the frame. */
    @Override
    public void close() {
        frame.release();
    }
}
