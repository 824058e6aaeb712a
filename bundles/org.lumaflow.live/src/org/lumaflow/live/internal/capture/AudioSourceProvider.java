package org.lumaflow.live.internal.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;

/**
 * {@code audio}: sound from PulseAudio or ALSA, delivered as 48 kHz stereo s16. SPEC: {@code pulse} or
 * {@code pulse:SOURCE} (a PulseAudio source name as {@code pactl list short sources} shows it; {@code default} when
 * omitted), {@code alsa:DEVICE} ({@code alsa:hw:0}, {@code alsa:hw:1,0}, {@code alsa:plughw:0}, {@code alsa:default});
 * a bare {@code hw:...}/{@code plughw:...} means ALSA; empty means {@code pulse:default}.
 */
@Component(service = LiveSourceProvider.class)
public final class AudioSourceProvider implements LiveSourceProvider {

    @Override
    public String kind() {
        return "audio";
    }

    @Override
    public List<SourceInfo> list() {
        List<SourceInfo> out = new ArrayList<>();
        try {
            for (Devices.Found d : Devices.ffmpegList("pulse")) {
                out.add(new SourceInfo(kind(), "pulse:" + d.name(), "PulseAudio " + d.description(), false, true));
            }
            Set<String> alsa = new LinkedHashSet<>();
            for (Devices.Found d : Devices.alsaCards()) {
                if (alsa.add(d.name())) {
                    out.add(new SourceInfo(kind(), "alsa:" + d.name(), "ALSA " + d.description(), false, true));
                }
            }
            for (Devices.Found d : Devices.ffmpegList("alsa")) {
                if (d.name().startsWith("hw:") && alsa.add(d.name())) {
                    out.add(new SourceInfo(kind(), "alsa:" + d.name(), "ALSA " + d.description().replace('\n', ' '),
                            false, true));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // listing never fails
        }
        return out;
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        String s = spec == null ? "" : spec.strip();
        String system;
        String device;
        if (s.isEmpty() || s.equals("pulse")) {
            system = "pulse";
            device = "default";
        } else if (s.startsWith("pulse:")) {
            system = "pulse";
            device = s.substring(6).isEmpty() ? "default" : s.substring(6);
        } else if (s.startsWith("alsa:")) {
            system = "alsa";
            device = s.substring(5).isEmpty() ? "default" : s.substring(5);
        } else if (s.startsWith("hw:") || s.startsWith("plughw:")) {
            system = "alsa";
            device = s;
        } else {
            throw new LiveException("audio " + s + ": not an audio device spec (expected pulse[:SOURCE] or "
                    + "alsa:DEVICE, e.g. alsa:hw:0)");
        }
        String what = "audio " + system + ":" + device;
        Map<String, String> o = new LinkedHashMap<>();
        o.put("sample_rate", Integer.toString(BufferedSink.SAMPLE_RATE));
        o.put("channels", Integer.toString(BufferedSink.CHANNELS));
        if (system.equals("pulse")) {
            o.put("name", "Lumaflow");
            o.put("stream_name", "live capture");
            o.put("fragment_size", Integer.toString(BufferedSink.SAMPLE_RATE / 50 * 4)); // 20 ms
        }
        InputSpec in = new InputSpec(system, device, o, what, InputSpec.Mode.DEVICE, 0, 0, null, null, false, true, 0);
        return FFmpegSource.open(in);
    }
}
