package org.lumaflow.export;

import java.nio.file.Path;
import java.util.List;

import org.lumaflow.engine.timeline.Timeline;

/**
 * Exports timelines to video files (an OSGi service). Stages run concurrently: render -> RGBA to 4:2:0 (our BT.709
 * converter) -> encode -> mux, joined by bounded queues sized from memory and frame size. An audio-only container
 * ({@link ExportSettings#audioOnlyContainer()}), or a timeline without pictures (clips of audio-only files), exports
 * the audio mix alone. Every export writes a locked temporary beside the destination, renamed over it on success;
 * temporaries left there by a killed export are removed when the next export to that folder starts.
 */
public interface Exporter {

    /**
     * Starts exporting {@code timeline} (FILE parameters resolve against {@code baseDir}) on background threads.
     *
     * @throws ExportException for settings that cannot work (unknown container, codec the container cannot hold, no
     *                         usable encoder), before anything is written
     */
    ExportJob start(Timeline timeline, Path baseDir, ExportSettings settings, ExportListener listener)
            throws ExportException;

    /**
     * The candidates for {@code codec} in priority order (hardware first), each probed once per process by encoding a
     * tiny frame with a timeout.
     */
    List<EncoderChoice> candidates(String codec);
}
