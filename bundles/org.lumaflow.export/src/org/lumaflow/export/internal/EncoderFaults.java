package org.lumaflow.export.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection for the fallback path: makes a named encoder fail at a given frame, as a broken driver would. Set
 * by tests, or with {@code -Dlumaflow.export.failEncoder=NAME:FRAME} to rehearse a fallback on a real machine.
 */
public final class EncoderFaults {

    private static final Map<String, Long> FAIL_AT = new ConcurrentHashMap<>();

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

    /** Removes every injected fault. */
    public static void clear() {
        FAIL_AT.clear();
    }

    static boolean shouldFail(String encoder, long frame) {
        if (FAIL_AT.isEmpty()) {
            return false;
        }
        Long at = FAIL_AT.get(encoder);
        return at != null && frame >= at;
    }
}
