package org.lumaflow.perception.internal;

import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.perception.FaceBox;

/** A face detector working on proxy pictures. Not thread-safe: one per analysis thread, reused across files. */
interface Detector extends Reusable {

    /** What it is, e.g. {@code haar:haarcascade_frontalface_alt.xml}. */
    String name();

    /** The faces in {@code rgba} (an RGBA8 frame), boxes normalized to its size, largest first. */
    List<FaceBox> detect(Frame rgba);
}
