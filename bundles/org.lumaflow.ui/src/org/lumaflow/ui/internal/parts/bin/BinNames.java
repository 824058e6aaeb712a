package org.lumaflow.ui.internal.parts.bin;

import java.util.function.ToIntFunction;

/** File names in the media bin: shortened in the middle (start and extension stay) to fit the column. */
public final class BinNames {

    private BinNames() {
    }

    /**
     * {@code name} when it fits {@code max} (as measured by {@code width}), else its start, an ellipsis and its end
     * (the extension and the last characters before it, which tell takes apart), as long as fits.
     */
    public static String fit(String name, int max, ToIntFunction<String> width) {
        if (width.applyAsInt(name) <= max || name.length() <= 4) {
            return name;
        }
        int lo = 1;
        int hi = name.length() - 1;
        String best = name.charAt(0) + "\u2026";
        while (lo <= hi) { // the longest kept length that fits
            int keep = (lo + hi) / 2;
            int tail = Math.max(1, keep * 2 / 5);
            int head = keep - tail;
            String s = name.substring(0, Math.max(1, head)) + "\u2026" + name.substring(name.length() - tail);
            if (width.applyAsInt(s) <= max) {
                best = s;
                lo = keep + 1;
            } else {
                hi = keep - 1;
            }
        }
        return best;
    }
}
