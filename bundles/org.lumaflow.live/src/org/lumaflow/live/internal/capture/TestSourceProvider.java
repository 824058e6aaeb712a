package org.lumaflow.live.internal.capture;

import java.util.List;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;

/**
 * {@code test}: a moving test pattern with a machine-readable frame counter ({@link FrameStamp}), paced by a clock.
 * SPEC: words separated by commas or spaces, all optional: {@code WxH} (size; else the options' size, else 1280x720),
 * {@code @R} (rate; else the options' rate, else 30), {@code tone} (adds a 1 kHz tone at -20 dBFS).
 */
@Component(service = LiveSourceProvider.class)
public final class TestSourceProvider implements LiveSourceProvider {

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public List<SourceInfo> list() {
        return List.of(new SourceInfo(kind(), "", "moving test pattern with a frame counter (1280x720@30 unless "
                + "--size/--rate)", true, false), new SourceInfo(kind(), "tone", "test pattern with a 1 kHz tone",
                        true, true), new SourceInfo(kind(), "clock", "test pattern stamped with the wall clock in ms "
                                + "(for lumaflow live-probe latency measurements)", true, false));
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        int w = options.width() > 0 && options.height() > 0 ? options.width() : 1280;
        int h = options.width() > 0 && options.height() > 0 ? options.height() : 720;
        FrameRate rate = options.rate() != null ? options.rate() : FrameRate.FPS_30;
        boolean tone = false;
        boolean clock = false;
        String s = spec == null ? "" : spec.strip();
        for (String word : s.split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int[] size = Specs.size(word);
            if (size != null) {
                w = size[0];
                h = size[1];
            } else if (word.equals("tone")) {
                tone = true;
            } else if (word.equals("clock")) {
                clock = true;
            } else if (word.startsWith("@")) {
                try {
                    rate = FrameRate.parse(word.substring(1));
                } catch (RuntimeException e) {
                    throw new LiveException("test " + s + ": " + word + " is not a frame rate");
                }
            } else {
                throw new LiveException("test " + s + ": unknown word '" + word + "' (expected WxH, @RATE, tone or clock)");
            }
        }
        if (w < FrameStamp.DIVISIONS || h < 8 || w > 8192 || h > 8192) {
            throw new LiveException("test " + s + ": size " + w + "x" + h + " is out of range (48x8 to 8192x8192)");
        }
        if (rate.toDouble() <= 0 || rate.toDouble() > 240) {
            throw new LiveException("test " + s + ": rate " + rate + " is out of range");
        }
        return new TestPatternSource(w, h, rate, tone, clock);
    }
}
