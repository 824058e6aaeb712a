package org.lumaflow.export.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection for the fallback path: makes a named encoder fail at a given frame, as a broken driver would. Set
 * by tests, or with {@code -Dlumaflow.export.failEncoder=NAME:FRAME} to rehearse a fallback on a real machine.
 */
public final class EncoderFaults {

    private static final Map<String, Long> FAIL_AT = new ConcurrentHashMap<>();
    private static final Map<String, Long> FAIL_ONCE = new ConcurrentHashMap<>();

    static {
        String spec = System.getProperty("lumaflow.export.failEncoder");
        if (spec != null && spec.contains(":")) {
            FAIL_AT.put(spec.substring(0, spec.indexOf(':')), Long.parseLong(spec.substring(spec.indexOf(':') + 1)));
        }
    }

    private EncoderFaults() {
    }

    /** From now on {@code encoder} fails when asked to encode frame {@code frame}. */
    public static void failAt(String encoder, long frame) {
        FAIL_AT.put(encoder, frame);
    }

    /** The next encode of frame {@code frame} (or later) by {@code encoder} fails, once (a transient fault). */
    public static void failOnce(String encoder, long frame) {
        FAIL_ONCE.put(encoder, frame);
    }

    /** Removes every injected fault. */
    public static void clear() {
        FAIL_AT.clear();
        FAIL_ONCE.clear();
    }

    static boolean shouldFail(String encoder, long frame) {
        if (FAIL_AT.isEmpty() && FAIL_ONCE.isEmpty()) {
            return false;
        }
        Long once = FAIL_ONCE.get(encoder);
        if (once != null && frame >= once && FAIL_ONCE.remove(encoder, once)) {
            return true;
        }
        Long at = FAIL_AT.get(encoder);
        return at != null && frame >= at;
    }
}
