package org.lumaflow.live.internal.encode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.internal.pipe.EncodeStageFactory;
import org.osgi.service.component.annotations.Component;

/** Opens the live encode stage (H.264 plus one audio encoder per codec the outputs need). */
@Component(service = EncodeStageFactory.class)
public final class LiveEncodeStageFactory implements EncodeStageFactory {

    @Override
    public EncodeStage open(int width, int height, FrameRate rate, String encoder, long bitrate,
            double keyframeSeconds, int sampleRate, int channels, Set<String> audioCodecs,
            Map<String, String> options) throws LiveException {
        for (String c : audioCodecs) {
            if (!c.equals("aac") && !c.equals("opus")) {
                throw new LiveException("audio codec " + c + ": only aac and opus are encoded live");
            }
        }
        return new LiveEncodeStage(width, height, rate, encoder, bitrate, keyframeSeconds, sampleRate, channels,
                List.copyOf(new TreeSet<>(audioCodecs)), options == null ? Map.of() : options);
    }
}
