package org.lumaflow.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in URLs and any text derived from them: RTMP stream keys (the path part after the application),
 * {@code passphrase}, {@code streamid}-carried keys, {@code key}/{@code token}/{@code password}/{@code auth} query
 * values, user-info passwords and WHIP bearer tokens. Secrets seen in a URL are remembered, so a library's log line
 * or error that repeats a key is masked too. Everything the live side logs, reports or shows goes through
 * {@link #mask(String)}.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Pattern QUERY = Pattern.compile(
            "(?i)([?&;](?:passphrase|pbkeylen_secret|key|streamkey|stream_key|token|bearer|password|pass|auth|secret|"
                    + "authorization|sig|signature)=)([^&#\\s]+)");
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/@\\s:]*:)([^@/\\s]+)(@)");
    private static final Pattern RTMP = Pattern.compile("(?i)(\\brtmps?://[^/\\s]+/[^/\\s?]+/)([^\\s?#]+)");
    private static final Pattern HEADER = Pattern.compile("(?i)(authorization:\\s*bearer\\s+)(\\S+)");

    private Secrets() {
    }

    /**
     * Remembers {@code secret} so that {@link #mask(String)} hides it wherever it appears (ignored when shorter than
     * 4 characters).
     */
    public static void remember(String secret) {
        if (secret != null && secret.length() >= 4) {
            KNOWN.add(secret);
        }
    }

    /** {@code text} (a URL, a log line, an error) with every secret replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String s = learnAndMask(QUERY, text);
        s = learnAndMask(USERINFO, s);
        s = learnAndMask(RTMP, s);
        s = learnAndMask(HEADER, s);
        for (String k : KNOWN) {
            if (s.contains(k)) {
                s = s.replace(k, MASK);
            }
        }
        return s;
    }

    private static String learnAndMask(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        do {
            String secret = m.group(2);
            if (!secret.equals(MASK)) {
                remember(secret);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + MASK + (m.groupCount() > 2 ? m.group(3)
                    : "")));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
