package org.lumaflow.live.internal.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;

/**
 * {@code camera}: a Video4Linux2 device through FFmpeg's {@code v4l2}. SPEC: the device path ({@code /dev/video0},
 * the default) or its number ({@code 0}). The options' size and rate are asked of the device (it picks its nearest;
 * {@link LiveSource#width()} tells what it gives). Extra {@code input_format}: {@code yuyv422} (or {@code yuyv}),
 * {@code mjpeg} or {@code h264}; default the device's own.
 */
@Component(service = LiveSourceProvider.class)
public final class CameraSourceProvider implements LiveSourceProvider {

    @Override
    public String kind() {
        return "camera";
    }

    @Override
    public List<SourceInfo> list() {
        List<SourceInfo> out = new ArrayList<>();
        try {
            List<Devices.Found> found = Devices.ffmpegList("v4l2");
            if (found.isEmpty()) {
                found = Devices.videoNodes();
            }
            for (Devices.Found d : found) {
                out.add(new SourceInfo(kind(), d.name(), d.description().isEmpty() ? "V4L2 camera " + d.name()
                        : d.description() + " (" + d.name() + ")", true, false));
            }
        } catch (RuntimeException | LinkageError e) {
            // listing never fails
        }
        return out;
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        String device = spec == null || spec.isBlank() ? "/dev/video0" : spec.strip();
        if (device.matches("\\d+")) {
            device = "/dev/video" + device;
        }
        String what = "camera " + device;
        Map<String, String> o = new LinkedHashMap<>();
        if (options.width() > 0 && options.height() > 0) {
            o.put("video_size", options.width() + "x" + options.height());
        }
        if (options.rate() != null) {
            o.put("framerate", Specs.ffmpegRate(options.rate()));
        }
        String input = Specs.extra(options, "input_format");
        if (input != null) {
            String f = input.toLowerCase(Locale.ROOT);
            f = f.equals("yuyv") ? "yuyv422" : f.equals("mjpg") ? "mjpeg" : f;
            if (!f.equals("yuyv422") && !f.equals("mjpeg") && !f.equals("h264")) {
                throw new LiveException(what + ": input_format=" + input + " is not yuyv422, mjpeg or h264");
            }
            o.put("input_format", f);
        }
        Path p = Path.of(device);
        if (!Files.exists(p)) {
            throw new LiveException(what + ": no such device (is the camera connected?)");
        }
        if (!Files.isReadable(p)) {
            throw new LiveException(what + ": permission denied (is the user in the 'video' group?)");
        }
        // the device's own size and rate are what is delivered: no scaling here
        InputSpec in = new InputSpec("v4l2", device, o, what, InputSpec.Mode.DEVICE, 0, 0, null,
                Specs.layout(options, what), true, false, 0);
        return FFmpegSource.open(in);
    }
}
