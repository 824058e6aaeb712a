package org.lumaflow.telemetry.internal.highlights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.telemetry.HighlightFinder;
import org.lumaflow.telemetry.HighlightOptions;
import org.lumaflow.telemetry.Tag;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;
import org.osgi.service.component.annotations.Component;

/** The {@link HighlightFinder} service. Stateless. */
@Component(service = HighlightFinder.class)
public final class HighlightFinderImpl implements HighlightFinder {

    @Override
    public List<Highlight> candidates(Telemetry telemetry, Alignment alignment, HighlightOptions o) {
        List<Highlight> out = new ArrayList<>();
        TimeSeries speed = telemetry.streamWith(Channels.SPEED_2D);
        if (speed == null) {
            speed = telemetry.streamWith(Channels.SPEED_3D);
        }
        if (speed != null) {
            SpeedCandidates.find(speed, o, out);
        }
        TimeSeries accel = telemetry.streamWith(Channels.ACCEL_X);
        if (accel != null) {
            MotionCandidates.accel(accel, o, out);
        }
        TimeSeries gyro = telemetry.streamWith(Channels.GYRO_X);
        if (gyro != null) {
            MotionCandidates.gyro(gyro, o, out);
        }
        for (Tag tag : telemetry.tags()) {
            if (HighlightOptions.HILIGHT.equalsIgnoreCase(tag.kind())) {
                out.add(Highlight.candidate(HighlightOptions.HILIGHT, tag.seconds(), tag.seconds(), tag.seconds(), 1,
                        tag.label() == null || tag.label().isEmpty() ? "HiLight" : "HiLight " + tag.label()));
            }
        }
        double offset = alignment == null ? 0 : alignment.offset();
        List<Highlight> shifted = new ArrayList<>(out.size());
        for (Highlight h : out) {
            shifted.add(h.shifted(offset));
        }
        shifted.sort(Comparator.comparingDouble(Highlight::peak));
        return shifted;
    }

    @Override
    public List<Highlight> select(List<Highlight> candidates, double mediaDuration, HighlightOptions options) {
        return Selection.select(candidates, mediaDuration, options);
    }
}
