package org.lumaflow.live;

import java.util.List;

/**
 * A snapshot of the session's lock-free per-stage counters.
 *
 * @param seconds         seconds since the session started
 * @param captured        pictures captured (all video sources)
 * @param droppedCapture  pictures overwritten in a triple buffer before the process stage took them
 * @param droppedProcess  ticks skipped by the frame-drop strategy
 * @param droppedEncode   composed pictures dropped at the process -> encode channel (oldest first)
 * @param droppedSend     pictures dropped at send stages (all outputs)
 * @param encodedFrames   pictures encoded
 * @param encodedBytes    bytes produced by the encoders (video and audio)
 * @param bitrateKbps     video+audio bit rate over the last second, kilobits per second
 * @param fps             pictures encoded over the last second
 * @param encodeQueue     pictures waiting for the encoder now
 * @param renderWidth     width the process stage renders at now (lowered by quality steps)
 * @param renderHeight    height the process stage renders at now
 * @param qualityStep     memory manager step (0: full quality)
 * @param latencyP50      capture-to-encoded latency, median, ms over the last second (-1: none yet)
 * @param latencyP95      capture-to-encoded latency, 95th percentile, ms over the last second (-1: none yet)
 * @param outputs         per-output counters
 */
public record LiveStats(double seconds, long captured, long droppedCapture, long droppedProcess, long droppedEncode,
        long droppedSend, long encodedFrames, long encodedBytes, double bitrateKbps, double fps, int encodeQueue,
        int renderWidth, int renderHeight, int qualityStep, double latencyP50, double latencyP95,
        List<OutputStats> outputs) {

    /** Copies the list. */
    public LiveStats {
        outputs = List.copyOf(outputs);
    }

    /** The once-a-second line of {@code lumaflow live}. */
    public String line() {
        StringBuilder b = new StringBuilder(160);
        b.append(String.format("%6.1fs %5.1f fps %6.0f kb/s  captured %d  dropped cap/proc/enc/send %d/%d/%d/%d"
                + "  queue %d  latency p50/p95 %.0f/%.0f ms", seconds, fps, bitrateKbps, captured, droppedCapture,
                droppedProcess, droppedEncode, droppedSend, encodeQueue, latencyP50, latencyP95));
        if (qualityStep > 0) {
            b.append(String.format("  quality -%d (%dx%d)", qualityStep, renderWidth, renderHeight));
        }
        for (OutputStats o : outputs) {
            b.append("  | ").append(o.name()).append(' ').append(o.state());
            if (o.dropped() > 0) {
                b.append(" dropped ").append(o.dropped());
            }
        }
        return b.toString();
    }
}
