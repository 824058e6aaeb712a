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
 * SRT (MPEG-TS, H.264 + AAC): {@code srt://HOST:PORT?mode=caller|listener&latency=MS&passphrase=...&pbkeylen=16|32}
 * ({@code latency} in milliseconds; the same keys are accepted as options). A passphrase (10 to 79 characters)
 * encrypts with AES-128 ({@code pbkeylen=16}, the default), AES-192 (24) or AES-256 (32).
 */
@Component(service = LiveOutputProvider.class)
public final class SrtOutputProvider implements LiveOutputProvider {

    @Override
    public String protocol() {
        return "srt";
    }

    @Override
    public boolean accepts(String target) {
        return OutputProviders.lower(target).startsWith("srt://");
    }

    @Override
    public String audioCodec(String target) {
        return "aac";
    }

    @Override
    public LiveOutput open(String target, StreamFormat format, Map<String, String> options) throws LiveException {
        StringBuilder base = new StringBuilder();
        Map<String, String> q = OutputProviders.query(target, base);
        for (String k : new String[] {"mode", "latency", "passphrase", "pbkeylen", "streamid"}) {
            if (options.containsKey(k) && !q.containsKey(k)) {
                q.put(k, options.get(k));
            }
        }
        String passphrase = q.get("passphrase");
        Secrets.remember(passphrase);
        String name = Secrets.mask("srt " + base + (q.containsKey("mode") ? " (" + q.get("mode") + ")" : ""));
        OutputProviders.hostPort(name, base.toString(), -1);
        Map<String, String> io = new LinkedHashMap<>();
        io.put("pkt_size", "1316");
        io.put("transtype", "live");
        io.put("connect_timeout", "2000");
        io.put("timeout", "3000000");
        io.put("linger", "2");
        String mode = q.getOrDefault("mode", "caller");
        if (!mode.equals("caller") && !mode.equals("listener")) {
            throw new LiveException(name + ": mode must be caller or listener, not " + Secrets.mask(mode));
        }
        if (mode.equals("listener")) {
            io.put("listen_timeout", "1000000");
        }
        for (Map.Entry<String, String> e : q.entrySet()) {
            switch (e.getKey()) {
                case "latency" -> io.put("latency", Long.toString(millis(name, e.getValue()) * 1000));
                case "passphrase" -> {
                    int n = e.getValue().length();
                    if (n < 10 || n > 79) {
                        throw new LiveException(name + ": the SRT passphrase must have 10 to 79 characters (it has "
                                + n + ")");
                    }
                    io.put("passphrase", e.getValue());
                }
                case "pbkeylen" -> {
                    if (!e.getValue().matches("16|24|32")) {
                        throw new LiveException(name + ": pbkeylen must be 16, 24 or 32 (AES-128/192/256), not "
                                + Secrets.mask(e.getValue()));
                    }
                    io.put("pbkeylen", e.getValue());
                }
                default -> io.put(e.getKey(), e.getValue());
            }
        }
        Map<String, String> fmt = Map.of("mpegts_flags", "resend_headers", "flush_packets", "1");
        String hint = io.containsKey("passphrase")
                ? "either no SRT receiver answered at that address or it rejected the passphrase or key length "
                        + "(pbkeylen " + io.getOrDefault("pbkeylen", "16") + "; both sides need the same)"
                : "check the address and port, and whether the receiver expects a passphrase";
        return new NetworkOutput(name, format, "aac", "mpegts", base.toString(), io, fmt,
                OutputProviders.throttle(options), hint);
    }

    private static long millis(String name, String v) throws LiveException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new LiveException(name + ": latency must be a number of milliseconds, not " + Secrets.mask(v), e);
        }
    }
}
