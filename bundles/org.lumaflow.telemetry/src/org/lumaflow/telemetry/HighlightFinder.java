package org.lumaflow.telemetry;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds highlights in telemetry (an OSGi service): speed peaks, hard acceleration and braking, g-force peaks, jumps
 * (free fall then an impact), spins (integrated rotation) and HiLight tags; other sources (object detection) add
 * candidates of their own before {@link #select}.
 */
@ProviderType
public interface HighlightFinder {

    /**
     * The raw candidates of {@code telemetry}, in media seconds ({@code telemetry time + alignment.offset()}), each of
     * one kind with its magnitude; sorted by peak.
     */
    List<Highlight> candidates(Telemetry telemetry, Alignment alignment, HighlightOptions options);

    /**
     * Scores {@code candidates} (weight x magnitude / the largest magnitude of the kind), merges those whose spans
     * overlap, keeps the best {@code top} with peaks at least {@code spacing} apart, adds the pre/post roll clamped
     * to {@code [0, mediaDuration]} (no upper clamp when {@code mediaDuration <= 0}); sorted by start.
     */
    List<Highlight> select(List<Highlight> candidates, double mediaDuration, HighlightOptions options);
}
