package org.lumaflow.live;

import java.util.Map;

import org.lumaflow.core.time.FrameRate;

/**
 * What the session asks of a source; a source that cannot honour a value uses its nearest and reports the values it
 * delivers through {@link LiveSource#width()} and friends.
 *
 * @param width  requested picture width, 0 for the device's own
 * @param height requested picture height, 0 for the device's own
 * @param rate   requested frame rate, null for the device's own
 * @param extra  provider-specific options ({@code cursor=0}, {@code input_format=mjpeg}, {@code passphrase=...})
 */
public record SourceOptions(int width, int height, FrameRate rate, Map<String, String> extra) {

    /** Copies {@code extra}. */
    public SourceOptions {
        extra = Map.copyOf(extra);
    }

    /** No request: the device's own size and rate. */
    public static SourceOptions defaults() {
        return new SourceOptions(0, 0, null, Map.of());
    }
}
