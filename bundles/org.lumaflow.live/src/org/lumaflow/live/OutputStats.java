package org.lumaflow.live;

/**
 * One output's counters.
 *
 * @param name         the output's masked name
 * @param state        {@code connecting}, {@code live}, {@code reconnecting}, {@code closed} or {@code failed}
 * @param packetsSent  packets written to the file or socket
 * @param bytesSent    bytes written
 * @param dropped      video pictures dropped at the send stage (congestion, disconnection)
 * @param queuedMillis media time queued and not yet sent
 * @param reconnects   reconnections so far
 * @param latencyP50   capture-to-sent latency, median, milliseconds (-1 before any packet)
 * @param latencyP95   capture-to-sent latency, 95th percentile, milliseconds (-1 before any packet)
 * @param error        the last error (masked), or null
 */
public record OutputStats(String name, String state, long packetsSent, long bytesSent, long dropped,
        long queuedMillis, long reconnects, double latencyP50, double latencyP95, String error) {
}
