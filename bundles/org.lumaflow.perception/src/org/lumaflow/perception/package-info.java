/**
 * Perception: face analysis of media files and the nodes built on it.
 * <p>
 * {@link org.lumaflow.perception.FaceAnalyzer} (an OSGi service) analyzes a file once on a downscaled proxy (a few
 * detector passes per second of media time, plus one at every scene cut) and caches the result on disk per file
 * content and settings; a {@link org.lumaflow.perception.FaceTrack} answers {@code facesAt(ticks)} for any time,
 * interpolating between analysed frames. The nodes {@code perception.face_blur}, {@code perception.reframe} and
 * {@code perception.face_overlay} read those tracks; {@code lumaflow analyze MEDIA --out faces.json} writes one.
 * <p>
 * {@link org.lumaflow.perception.ObjectAnalyzer} finds people and vehicles the same way (HOG, Haar cascades or a YOLO
 * ONNX model), in batches sized from the memory available; the highlight finder of {@code org.lumaflow.telemetry}
 * uses it.
 */
package org.lumaflow.perception;
