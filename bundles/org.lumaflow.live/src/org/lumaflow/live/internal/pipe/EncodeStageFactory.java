package org.lumaflow.live.internal.pipe;

import java.util.Map;
import java.util.Set;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.LiveException;

/** Opens {@link EncodeStage}s; the encoder implementation registers one as an OSGi service. */
public interface EncodeStageFactory {

    /**
     * Opens the encoders and starts the encode thread.
     *
     * @param encoder         video encoder name or {@code auto}
     * @param bitrate         video bits per second, 0 to choose from size and rate
     * @param keyframeSeconds keyframe interval
     * @param sampleRate      audio rate (48000), 0 without audio
     * @param channels        audio channels (2), 0 without audio
     * @param audioCodecs     audio codecs the outputs need ({@code aac}, {@code opus}): each is encoded once
     * @param options         tuning and test hooks ({@code preset}, {@code encode_delay_ms}, ...)
     * @throws LiveException naming the encoder when none can be opened
     */
    EncodeStage open(int width, int height, FrameRate rate, String encoder, long bitrate, double keyframeSeconds,
            int sampleRate, int channels, Set<String> audioCodecs, Map<String, String> options) throws LiveException;
}
