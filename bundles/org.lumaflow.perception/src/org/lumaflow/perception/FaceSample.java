package org.lumaflow.perception;

import java.util.List;

/**
 * The detector's result for one analysed frame.
 *
 * @param ticks the frame's source time (from the stream's first frame)
 * @param cut whether this frame starts a new shot (a scene cut was detected here); boxes are never interpolated across
 *        a cut
 * @param faces the faces found, largest first
 */
public record FaceSample(long ticks, boolean cut, List<FaceBox> faces) {

    public FaceSample {
        faces = List.copyOf(faces);
    }
}
