package org.lumaflow.decoder;

/**
 * An audio stream as probed.
 *
 * @param index stream index in the container
 * @param codec codec name ({@code aac}, {@code opus}...)
 * @param sampleRate samples per second
 * @param channels channel count
 * @param layout channel layout ({@code stereo}, {@code 5.1}...)
 * @param durationTicks stream duration in ticks (0 when unknown)
 */
public record AudioStreamInfo(int index, String codec, int sampleRate, int channels, String layout,
        long durationTicks) {
}
