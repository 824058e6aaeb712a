package org.lumaflow.live.internal.output;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.StreamFormat;
import org.osgi.service.component.annotations.Component;

/**
 * WebRTC through WHIP (FFmpeg's {@code whip} muxer: H.264 + Opus). Targets: {@code whip://HOST:PORT/PATH} (HTTP),
 * {@code whips://HOST/PATH} (HTTPS), or {@code whip+http(s)://...}; a bearer token as {@code ?token=...} or the
 * {@code token} option (sent as {@code Authorization: Bearer}, never shown).
 */
@Component(service = LiveOutputProvider.class)
public final class WhipOutputProvider implements LiveOutputProvider {

    @Override
    public String protocol() {
        return "whip";
    }

    @Override
    public boolean accepts(String target) {
        String t = OutputProviders.lower(target);
        return t.startsWith("whip://") || t.startsWith("whips://") || t.startsWith("whip+http://")
                || t.startsWith("whip+https://");
    }

    @Override
    public String audioCodec(String target) {
        return "opus";
    }

    /** The HTTP(S) endpoint of a WHIP target (query kept except the token). */
    static String endpoint(String target, Map<String, String> query) {
        StringBuilder base = new StringBuilder();
        query.putAll(OutputProviders.query(target, base));
        String b = base.toString();
        String lower = OutputProviders.lower(b);
        String http;
        if (lower.startsWith("whip+")) {
            http = b.substring(5);
        } else if (lower.startsWith("whips://")) {
            http = "https://" + b.substring(8);
        } else {
            http = "http://" + b.substring(7);
        }
        StringBuilder rest = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!e.getKey().equals("token")) {
                rest.append(rest.length() == 0 ? '?' : '&').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return http + rest;
    }

    @Override
    public LiveOutput open(String target, StreamFormat format, Map<String, String> options) throws LiveException {
        Map<String, String> q = new LinkedHashMap<>();
        String url = endpoint(target, q);
        String token = q.getOrDefault("token", options.get("token"));
        Secrets.remember(token);
        String name = Secrets.mask("whip " + url);
        OutputProviders.hostPort(name, url, 80);
        Map<String, String> fmt = new LinkedHashMap<>();
        if (token != null && !token.isEmpty()) {
            fmt.put("authorization", token);
        }
        fmt.put("handshake_timeout", options.getOrDefault("handshake_timeout", "5000"));
        return new NetworkOutput(name, format, "opus", "whip", url, Map.of(), fmt,
                OutputProviders.throttle(options));
    }
}
