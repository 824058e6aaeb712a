package org.lumaflow.telemetry.internal.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Telemetry;

/** Chooses how telemetry lines up with a media file (see {@link org.lumaflow.telemetry.TelemetryService#align}). */
final class Aligner {

    private Aligner() {
    }

    static Alignment align(Telemetry t, Path media, Double manualOffset, boolean correlate) throws IOException {
        if (t.videoClock() && t.source() != null && Files.exists(media) && Files.isSameFile(t.source(), media)) {
            return new Alignment(0, Alignment.Method.VIDEO_CLOCK, "the telemetry was read from " + media.getFileName()
                    + " itself and is on its video clock");
        }
        double off = manualOffset == null ? 0 : manualOffset;
        return new Alignment(off, Alignment.Method.MANUAL, manualOffset == null
                ? "no UTC time to match: offset 0 (give one by hand)" : "the offset given by hand");
    }
}
