package org.lumaflow.live.internal.capture;

import java.util.Map;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.Secrets;

/**
 * What a provider asks {@link FFmpegSource} to open.
 *
 * @param format  FFmpeg input format ({@code x11grab}, {@code v4l2}, {@code pulse}, {@code alsa}) or null to probe
 *                (network streams, files)
 * @param url     what FFmpeg opens (display, device, URL, file)
 * @param options FFmpeg options for the input (device options, protocol timeouts)
 * @param name    for people, secrets masked ({@code screen :99+0,0 640x480@30})
 * @param mode    how the input behaves when it stops
 * @param width   picture width to deliver, 0 for the input's own
 * @param height  picture height to deliver, 0 for the input's own
 * @param rate    the nominal rate the input was asked for, null to take the stream's
 * @param want    the picture layout asked for: NV12/I420 are delivered only when the input already has them, else RGBA8
 * @param video   whether pictures are taken (when present)
 * @param audio   whether sound is taken (when present)
 * @param timeout seconds without data after which a network input counts as gone
 */
record InputSpec(String format, String url, Map<String, String> options, String name, Mode mode, int width,
        int height, FrameRate rate, PixelFormat want, boolean video, boolean audio, double timeout) {

    /** How an input ends. */
    enum Mode {
        /** A capture device: every read error is a failure. */
        DEVICE,
        /** A network stream: read as it arrives (paced by the sender); silence past the timeout is a failure. */
        NETWORK,
        /** A file (for tests): read at its own pace (like {@code -re}); its end is a normal end. */
        FILE,
        /** A file read as fast as it decodes; its end is a normal end. */
        FILE_UNPACED;

        boolean file() {
            return this == FILE || this == FILE_UNPACED;
        }
    }

    InputSpec {
        options = Map.copyOf(options);
        name = Secrets.mask(name);
    }
}
