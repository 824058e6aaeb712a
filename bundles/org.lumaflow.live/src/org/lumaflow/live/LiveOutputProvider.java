package org.lumaflow.live;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An output protocol, registered as an OSGi service (whiteboard): the session gives each {@code --record}/
 * {@code --stream} target to the first provider that {@link #accepts} it. Built in: files ({@code .mp4},
 * {@code .mkv}, {@code .mov}), {@code srt://}, {@code rtmp://}, {@code rtmps://}, WHIP ({@code whip://},
 * {@code http(s)://} WHIP endpoints).
 */
@ConsumerType
public interface LiveOutputProvider {

    /** The protocol's name for people and statistics ({@code file}, {@code srt}, {@code rtmp}, {@code whip}). */
    String protocol();

    /** Whether this provider handles {@code target} (a URL or a file path). */
    boolean accepts(String target);

    /** The audio codec this target needs ({@code aac}, {@code opus}), so the session encodes it once. */
    String audioCodec(String target);

    /**
     * Opens an output for {@code target}. Sending starts with the first packet.
     *
     * @param options provider options ({@code keep_secrets}, {@code latency}, {@code passphrase}, ...)
     * @throws LiveException naming the target (secrets masked) when it cannot be opened at all; a network target
     *                       that is merely unreachable opens and reconnects in the background instead
     */
    LiveOutput open(String target, StreamFormat format, Map<String, String> options) throws LiveException;
}
