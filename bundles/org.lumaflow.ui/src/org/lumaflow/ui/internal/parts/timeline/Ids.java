package org.lumaflow.ui.internal.parts.timeline;

import java.util.Locale;
import java.util.function.Predicate;

/** Fresh ids for new clips and nodes. */
public final class Ids {

    private Ids() {
    }

    /**
     * {@code base} when free, else {@code base_2}, {@code base_3}, ... (the first free one). {@code base} is first
     * reduced to lower_snake_case letters, digits and underscores ("clip" when nothing is left).
     */
    public static String unique(String base, Predicate<String> taken) {
        String b = sanitize(base);
        if (!taken.test(b)) {
            return b;
        }
        for (int n = 2;; n++) {
            String id = b + "_" + n;
            if (!taken.test(id)) {
                return id;
            }
        }
    }

    /** Lower case, runs of other characters as one underscore, no leading digit, at most 40 characters. */
    public static String sanitize(String s) {
        StringBuilder sb = new StringBuilder();
        boolean underscore = false;
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                underscore = false;
            } else if (!underscore && sb.length() > 0) {
                sb.append('_');
                underscore = true;
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.length() > 40) {
            sb.setLength(40);
        }
        if (sb.length() == 0) {
            return "clip";
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, "c");
        }
        return sb.toString();
    }

    /** The file name of {@code path} without its extension. */
    public static String baseName(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
