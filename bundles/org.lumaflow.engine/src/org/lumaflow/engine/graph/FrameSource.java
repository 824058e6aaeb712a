package org.lumaflow.engine.graph;

import java.nio.file.Path;

import org.lumaflow.core.time.Rational;

/**
 * Implemented by a source node type whose pictures change at a frame rate of its own (a video file), so that a clip's
 * frame blending ({@code Retime.Frames.BLEND}) mixes its neighbouring frames. Types that do not implement it (the
 * generators) are sampled on the timeline's frame grid.
 *
 * @since 1.3
 */
public interface FrameSource {

    /**
     * The constant frame rate of {@code node}'s pictures (FILE parameters resolve against {@code baseDir}), or null
     * when unknown (a missing file) or when every time is its own picture. Called when a segment graph is built; may
     * probe a file, so cache.
     */
    Rational frameRate(GraphNode node, Path baseDir);
}
