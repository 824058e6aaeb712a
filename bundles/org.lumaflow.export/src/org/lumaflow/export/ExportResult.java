package org.lumaflow.export;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished export.
 *
 * @param output the file written (renamed into place only on success)
 * @param encoder the encoder that produced it
 * @param candidates how each candidate fared during selection (in priority order)
 * @param frames frames encoded
 * @param seconds wall-clock seconds
 * @param width encoded width; 0 for an audio-only file
 * @param height encoded height; 0 for an audio-only file
 * @param warnings render warnings summarised (text with the first frame it occurred on), and notes such as fallbacks
 * @param qcReport   the QC report written beside the output (HTML; JSON next to it), or null when QC was off
 */
public record ExportResult(Path output, String encoder, List<EncoderChoice> candidates, long frames, double seconds,
        int width, int height, List<String> warnings, Path qcReport) {

    public ExportResult {
        candidates = List.copyOf(candidates);
        warnings = List.copyOf(warnings);
    }

    /** Whether the file holds audio only (no video stream). */
    public boolean audioOnly() {
        return width == 0;
    }

    /** Frames per second over the whole export. */
    public double fps() {
        return seconds <= 0 ? 0 : frames / seconds;
    }
}
