package org.lumaflow.live.internal.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveSource;
import org.lumaflow.live.LiveSourceProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.SourceInfo;
import org.lumaflow.live.SourceOptions;
import org.osgi.service.component.annotations.Component;

/**
 * {@code url}: a network stream ({@code srt://}, {@code udp://}, {@code rtp://}, {@code rtmp://}, {@code rtmps://},
 * {@code tcp://}, {@code rtsp://}, {@code http(s)://}) read as it arrives, paced by the sender, or a media file (for
 * tests; read at its own pace like {@code ffmpeg -re}, extra {@code realtime=0} reads it as fast as it decodes). Pictures
 * are delivered at the options' size (scaled in the conversion pass) or the stream's own. A stream that sends nothing
 * for {@code timeout} seconds (extra, default 2) fails the source. Extras passed to SRT: {@code passphrase},
 * {@code pbkeylen}, {@code latency} (microseconds), {@code streamid}, {@code mode}; to RTMP: {@code listen}. Extra
 * {@code demuxer} names the FFmpeg input format when it cannot be probed ({@code h264}: a raw stream over UDP).
 */
@Component(service = LiveSourceProvider.class)
public final class UrlSourceProvider implements LiveSourceProvider {

    /** Seconds without data before a network source counts as gone. */
    static final double DEFAULT_TIMEOUT = 2.0;

    @Override
    public String kind() {
        return "url";
    }

    @Override
    public List<SourceInfo> list() {
        return List.of(); // network streams are named, not found
    }

    @Override
    public LiveSource open(String spec, SourceOptions options) throws LiveException {
        String url = spec == null ? "" : spec.strip();
        String what = "url " + Secrets.mask(url);
        if (url.isEmpty()) {
            throw new LiveException("url: no address given (e.g. url:srt://host:9000 or url:udp://0.0.0.0:5000)");
        }
        int colon = url.indexOf("://");
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "file";
        double timeout = Specs.seconds(options, DEFAULT_TIMEOUT, what, "timeout");
        long micros = (long) (timeout * 1e6);
        Map<String, String> o = new LinkedHashMap<>();
        InputSpec.Mode mode = InputSpec.Mode.NETWORK;
        switch (scheme) {
            case "file" -> {
                String path = url.startsWith("file:") ? url.substring(5) : url;
                if (!Files.isRegularFile(Path.of(path))) {
                    throw new LiveException(what + ": no such file");
                }
                mode = Specs.flag(options, true, what, "realtime") ? InputSpec.Mode.FILE
                        : InputSpec.Mode.FILE_UNPACED;
            }
            case "udp", "rtp" -> {
                o.put("timeout", Long.toString(micros));
                o.put("overrun_nonfatal", "1");
                o.put("fifo_size", "65536");
                o.put("buffer_size", Integer.toString(4 << 20));
            }
            case "srt" -> {
                o.put("connect_timeout", Long.toString(Math.max(1000, (long) (timeout * 1000))));
                String pass = Specs.extra(options, "passphrase");
                if (pass != null) {
                    Secrets.remember(pass);
                    o.put("passphrase", pass);
                }
                for (String k : new String[] {"pbkeylen", "latency", "streamid", "mode"}) {
                    String v = Specs.extra(options, k);
                    if (v != null) {
                        o.put(k, v);
                    }
                }
            }
            case "rtmp", "rtmps" -> {
                String listen = Specs.extra(options, "listen");
                if (listen != null) {
                    o.put("listen", listen);
                }
            }
            case "tcp", "rtsp", "http", "https" -> {
                if (scheme.equals("rtsp")) {
                    o.put("rtsp_transport", Specs.extra(options, "rtsp_transport") != null
                            ? Specs.extra(options, "rtsp_transport") : "tcp");
                    o.put("timeout", Long.toString(micros));
                }
            }
            default -> throw new LiveException(what + ": unsupported protocol " + scheme + " (srt, udp, rtp, rtmp, "
                    + "rtmps, tcp, rtsp, http, https or a file)");
        }
        if (mode == InputSpec.Mode.NETWORK) {
            o.put("rw_timeout", Long.toString(micros));
            o.put("fflags", "nobuffer");
            o.put("analyzeduration", "3000000");
            o.put("probesize", "5000000");
        }
        InputSpec in = new InputSpec(Specs.extra(options, "demuxer"), url, o, what, mode, options.width(),
                options.height(), null,
                Specs.layout(options, what), true, true, timeout);
        return FFmpegSource.open(in);
    }
}
