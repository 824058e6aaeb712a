package org.lumaflow.live.internal.output;

import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.osgi.service.component.annotations.Component;

/** RTMP and RTMPS (FLV, H.264 + AAC): {@code rtmp[s]://HOST[:PORT]/APP/STREAMKEY}; the key is never shown. */
@Component(service = LiveOutputProvider.class)
public final class RtmpOutputProvider implements LiveOutputProvider {

    @Override
    public String protocol() {
        return "rtmp";
    }

    @Override
    public boolean accepts(String target) {
        String t = OutputProviders.lower(target);
        return t.startsWith("rtmp://") || t.startsWith("rtmps://");
    }

    @Override
    public String audioCodec(String target) {
        return "aac";
    }

    @Override
    public LiveOutput open(String target, StreamFormat format, Map<String, String> options) throws LiveException {
        String name = Secrets.mask(target);
        OutputProviders.hostPort(name, target, 1935);
        String path = target.substring(target.indexOf("://") + 3);
        int slash = path.indexOf('/');
        if (slash < 0 || path.indexOf('/', slash + 1) < 0) {
            throw new LiveException(name + ": an RTMP address needs an application and a stream key "
                    + "(rtmp://host/app/key)");
        }
        return new NetworkOutput(name, format, "aac", "flv", target, Map.of("tcp_nodelay", "1"),
                Map.of("flvflags", "no_duration_filesize"), OutputProviders.throttle(options));
    }
}
