package org.lumaflow.decoder;

import org.lumaflow.core.time.Rational;

/**
 * A video stream as probed.
 *
 * @param index stream index in the container
 * @param codec codec name ({@code h264}, {@code hevc}, {@code png}...)
 * @param width coded width in pixels (before rotation)
 * @param height coded height in pixels (before rotation)
 * @param pixelFormat FFmpeg pixel format name ({@code yuv420p}...)
 * @param frameRate average frame rate (frames per second, exact as stored)
 * @param variableFrameRate whether the stream's timestamps are not evenly spaced at {@code frameRate}
 * @param frames frame count when the container stores it, else an estimate from duration x rate, 0 if unknown
 * @param durationTicks stream duration in ticks (0 when unknown)
 * @param rotation clockwise display rotation in degrees (0, 90, 180, 270)
 * @param colorSpace matrix ({@code bt709}, {@code unknown}...)
 * @param colorPrimaries primaries
 * @param colorTransfer transfer characteristic
 * @param colorRange {@code tv} (limited), {@code pc} (full) or {@code unknown}
 */
public record VideoStreamInfo(int index, String codec, int width, int height, String pixelFormat, Rational frameRate,
        boolean variableFrameRate, long frames, long durationTicks, int rotation, String colorSpace,
        String colorPrimaries, String colorTransfer, String colorRange) {

    /** Width as displayed (after rotation). */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as displayed (after rotation). */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }
}
