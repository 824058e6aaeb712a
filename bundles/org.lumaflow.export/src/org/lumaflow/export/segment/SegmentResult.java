package org.lumaflow.export.segment;

/**
 * A committed segment.
 *
 * @param index the segment's index
 * @param file the committed file (renamed into place atomically; the first commit of an index wins)
 * @param sha256 hex SHA-256 of the file, as recorded in the work folder's manifest
 * @param frames frames encoded
 * @param bytes file size
 * @param worker who encoded it ({@code "local:pid 1234"}, {@code "hazelcast:10.0.0.5:5701"})
 * @param seconds wall-clock seconds the segment took
 */
public record SegmentResult(int index, String file, String sha256, long frames, long bytes, String worker,
        double seconds) {
}
