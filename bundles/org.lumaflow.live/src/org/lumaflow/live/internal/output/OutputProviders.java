package org.lumaflow.live.internal.output;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.Secrets;

/** Shared parsing of targets and options for the built-in providers. */
final class OutputProviders {

    private OutputProviders() {
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The test/tuning hook {@code throttle_kbps}: the send thread writes at most this fast (0: unlimited). */
    static long throttle(Map<String, String> options) {
        return Long.parseLong(options.getOrDefault("throttle_kbps", "0"));
    }

    /** Splits a URL's query into a map (in order) and returns it; {@code base} gets the URL without the query. */
    static Map<String, String> query(String url, StringBuilder base) {
        Map<String, String> q = new LinkedHashMap<>();
        int i = url.indexOf('?');
        base.append(i < 0 ? url : url.substring(0, i));
        if (i >= 0) {
            for (String kv : url.substring(i + 1).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int e = kv.indexOf('=');
                q.put(e < 0 ? kv : kv.substring(0, e), e < 0 ? "" : kv.substring(e + 1));
            }
        }
        return q;
    }

    /** Checks that {@code url} has a host and port. */
    static URI hostPort(String what, String url, int defaultPort) throws LiveException {
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                throw new LiveException(Secrets.mask(what) + ": no host in the address");
            }
            if (u.getPort() < 0 && defaultPort < 0) {
                throw new LiveException(Secrets.mask(what) + ": no port in the address");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new LiveException(Secrets.mask(what) + ": not a valid address (" + Secrets.mask(e.getReason())
                    + ")", e);
        }
    }
}
