package org.lumaflow.perception;

import java.nio.file.Path;
import java.util.List;

/**
 * The objects (people, vehicles) of one media file at its analysed frames.
 *
 * @param source the analysed file
 * @param contentKey hash of the file's content
 * @param settings the settings used
 * @param detector the detector that ran ({@code hog:default_people}, {@code yolo:yolov8n.onnx})
 * @param width displayed width of the source picture
 * @param height displayed height of the source picture
 * @param durationTicks duration of the video stream
 * @param stats figures about the analysis
 * @param samples the analysed frames, in time order
 * @param fromCache whether this was read from the disk cache rather than computed now
 */
public record ObjectTrack(Path source, String contentKey, ObjectAnalysisSettings settings, String detector, int width,
        int height, long durationTicks, Stats stats, List<ObjectSample> samples, boolean fromCache) {

    public ObjectTrack {
        samples = List.copyOf(samples);
    }

    /**
     * Figures about an analysis.
     *
     * @param frames frames decoded
     * @param analysedFrames frames the detector ran on
     * @param cuts scene cuts found
     * @param batchSize pictures per detector batch (from the memory available, or as set)
     * @param batches detector batches run
     * @param detectorMillis time spent in the detector, milliseconds
     * @param totalMillis wall time of the analysis, milliseconds
     */
    public record Stats(long frames, long analysedFrames, long cuts, int batchSize, long batches,
            double detectorMillis, double totalMillis) {

        /** Mean detector time per analysed frame, milliseconds. */
        public double detectorMillisPerFrame() {
            return analysedFrames == 0 ? 0 : detectorMillis / analysedFrames;
        }
    }

    /** The same track with another source path (same content found elsewhere) and origin. */
    public ObjectTrack with(Path file, boolean cached) {
        return new ObjectTrack(file, contentKey, settings, detector, width, height, durationTicks, stats, samples,
                cached);
    }
}
