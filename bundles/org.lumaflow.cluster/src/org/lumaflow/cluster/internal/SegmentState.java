package org.lumaflow.cluster.internal;

import java.util.Locale;

/**
 * A segment's entry in the status map ({@link Configs#STATUS}), kept as text so any member, client or older version
 * reads it: {@code state TAB framesDone TAB frames TAB worker TAB updatedMillis}.
 *
 * @param state {@code queued}, {@code running}, {@code done}, {@code failed: why}, {@code retry N: why}
 */
public record SegmentState(String state, long done, long frames, String worker, long updated) {

    /** The map key of segment {@code index} of plan {@code planId}. */
    public static String key(String planId, int index) {
        return planId + "/" + String.format(Locale.ROOT, "%04d", index);
    }

    /** As stored. */
    public String encode() {
        return String.join("\t", state.replace('\t', ' '), Long.toString(done), Long.toString(frames),
                worker == null ? "" : worker, Long.toString(updated));
    }

    /** Parses a stored value (null for null or malformed). */
    public static SegmentState decode(String v) {
        if (v == null) {
            return null;
        }
        String[] f = v.split("\t", -1);
        if (f.length < 5) {
            return null;
        }
        try {
            return new SegmentState(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
