package org.lumaflow.live.internal.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;

/**
 * {@code screen}: an X11 display through FFmpeg's {@code x11grab}. SPEC: {@code [DISPLAY][+X,Y][ WxH]} (the size
 * may also follow a {@code /}), e.g. {@code :99}, {@code :0.0+100,200 640x480}; no display: {@code $DISPLAY}, else
 * the first local X server. The region grabbed is the spec's size, else (with an offset) the options' size, else the
 * whole screen; pictures are delivered at the options' size when it is given (scaled), else at the region's. Rate:
 * the options' (default 30). Extra {@code cursor=0|1} (or {@code draw_mouse}) draws the pointer (default 1).
 */
@Component(service = LiveSourceProvider.class)
public final class ScreenSourceProvider implements LiveSourceProvider {

    private static final Pattern SPEC = Pattern.compile(
            "^(?<disp>[^+\\s/]*)(?:\\+(?<x>\\d+),(?<y>\\d+))?(?:[\\s/]+(?<w>\\d+)x(?<h>\\d+))?$");

    @Override
    public String kind() {
        return "screen";
    }

    @Override
    public List<SourceInfo> list() {
        List<SourceInfo> out = new ArrayList<>();
        try {
            for (String d : Devices.displays()) {
                int[] size = Devices.screenSize(d);
                if (size != null) {
                    out.add(new SourceInfo(kind(), d, "X display " + d + " " + size[0] + "x" + size[1], true,
                            false));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // listing never fails
        }
        return out;
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        String text = spec == null ? "" : spec.strip();
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw new LiveException("screen " + text + ": not a display spec (expected e.g. :99, :0.0+100,200 "
                    + "640x480)");
        }
        String display = m.group("disp");
        if (display.isEmpty()) {
            List<String> found = Devices.displays();
            if (found.isEmpty()) {
                throw new LiveException("screen: no X display (DISPLAY is not set and no X server runs here)");
            }
            display = found.get(0);
        }
        String what = "screen " + display;
        if (!Devices.localDisplayExists(display)) {
            throw new LiveException(what + ": display not available (no X server runs on " + display + ")");
        }
        boolean offset = m.group("x") != null;
        int rw = 0;
        int rh = 0;
        if (m.group("w") != null) {
            rw = Integer.parseInt(m.group("w"));
            rh = Integer.parseInt(m.group("h"));
        } else if (offset) {
            if (options.width() <= 0 || options.height() <= 0) {
                throw new LiveException(what + ": a region offset needs a size (e.g. " + text + " 640x480)");
            }
            rw = options.width();
            rh = options.height();
        }
        if ((rw | rh) < 0 || (m.group("w") != null && (rw == 0 || rh == 0))) {
            throw new LiveException(what + ": empty region " + rw + "x" + rh);
        }
        FrameRate rate = options.rate() != null ? options.rate() : FrameRate.FPS_30;
        boolean cursor = Specs.flag(options, true, what, "cursor", "draw_mouse");
        Map<String, String> o = new LinkedHashMap<>();
        o.put("framerate", Specs.ffmpegRate(rate));
        o.put("draw_mouse", cursor ? "1" : "0");
        if (rw > 0) {
            o.put("video_size", rw + "x" + rh);
        }
        String url = display + (offset ? "+" + m.group("x") + "," + m.group("y") : "");
        int ow = options.width() > 0 && options.height() > 0 ? options.width() : rw;
        int oh = options.width() > 0 && options.height() > 0 ? options.height() : rh;
        String region = (offset ? "+" + m.group("x") + "," + m.group("y") : "") + (rw > 0 ? " " + rw + "x" + rh : "");
        InputSpec in = new InputSpec("x11grab", url, o, "screen " + display + region, InputSpec.Mode.DEVICE, ow, oh,
                rate, Specs.layout(options, what), true, false, 0);
        FFmpegSource s = FFmpegSource.open(in);
        return s;
    }
}
