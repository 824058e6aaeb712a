package org.lumaflow.decoder;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MediaService#probe} found in a file.
 *
 * @param path the file
 * @param container container format names ({@code mov,mp4,m4a,3gp,3g2,mj2}, {@code matroska,webm}...)
 * @param durationTicks duration in ticks (0 when unknown)
 * @param bitRate overall bit rate in bits per second (0 when unknown)
 * @param video video streams (attached cover pictures excluded)
 * @param audio audio streams
 */
public record MediaInfo(Path path, String container, long durationTicks, long bitRate, List<VideoStreamInfo> video,
        List<AudioStreamInfo> audio) {

    public MediaInfo {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
    }

    /** The first video stream, or null. */
    public VideoStreamInfo firstVideo() {
        return video.isEmpty() ? null : video.get(0);
    }
}
