package org.lumaflow.live;

import java.util.Map;

import org.lumaflow.core.time.FrameRate;

/**
 * What the session's encode produces, given to each output when it opens.
 *
 * @param videoCodec     FFmpeg codec name of the video ({@code h264})
 * @param encoder        the encoder chosen ({@code libx264}, {@code libopenh264}, ...)
 * @param width          picture width
 * @param height         picture height
 * @param rate           frame rate
 * @param bitrate        target video bit rate in bits per second
 * @param videoExtradata codec set-up (H.264: SPS/PPS in Annex B), may be empty
 * @param sampleRate     audio sample rate, 0 without audio
 * @param channels       audio channels, 0 without audio
 * @param audioExtradata codec set-up per audio codec ({@code aac}: AudioSpecificConfig, {@code opus}: OpusHead)
 */
public record StreamFormat(String videoCodec, String encoder, int width, int height, FrameRate rate, long bitrate,
        byte[] videoExtradata, int sampleRate, int channels, Map<String, byte[]> audioExtradata) {

    /** Copies the map. */
    public StreamFormat {
        audioExtradata = audioExtradata == null ? Map.of() : Map.copyOf(audioExtradata);
    }

    /** A format without audio codec set-up data. */
    public StreamFormat(String videoCodec, String encoder, int width, int height, FrameRate rate, long bitrate,
            byte[] videoExtradata, int sampleRate, int channels) {
        this(videoCodec, encoder, width, height, rate, bitrate, videoExtradata, sampleRate, channels, Map.of());
    }

    /** Whether sound is encoded. */
    public boolean hasAudio() {
        return sampleRate > 0;
    }
}
