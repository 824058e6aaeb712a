package org.lumaflow.engine.vulkan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns shaderc's errors for a generated shader into what a plugin author needs: a one-line reason with the lines
 * counted in the node's own {@code glsl()} (for render warnings) and the generated source with numbered lines and
 * the failing ones marked (for the log).
 */
final class ShaderErrors {

    /** shaderc: {@code NAME:LINE: error: TEXT} (NAME may itself contain colons). */
    private static final Pattern ERROR = Pattern.compile("^.*?:(\\d+): (error|warning): (.*)$");

    private final List<Integer> lines = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /**
     * @param shaderc   the compiler's message (after "does not compile: " when present)
     * @param bodyLine  line of the generated source where {@code glsl()} starts (1-based)
     * @param bodyLines number of lines of {@code glsl()}
     */
    ShaderErrors(String shaderc, int bodyLine, int bodyLines) {
        String m = shaderc;
        int at = m.indexOf("does not compile: ");
        if (at >= 0) {
            m = m.substring(at + "does not compile: ".length());
        }
        for (String l : m.split("\n")) {
            Matcher x = ERROR.matcher(l.strip());
            if (x.matches() && x.group(2).equals("error")) {
                int n = Integer.parseInt(x.group(1));
                lines.add(n);
                texts.add(where(n, bodyLine, bodyLines) + ": " + x.group(3).strip());
            }
        }
        if (texts.isEmpty()) {
            texts.add(m.strip().replace('\n', ' '));
        }
    }

    private static String where(int n, int bodyLine, int bodyLines) {
        if (n >= bodyLine && n < bodyLine + bodyLines) {
            return "line " + (n - bodyLine + 1) + " of glsl()";
        }
        return "line " + n + " of the generated source (" + (n < bodyLine ? "the declarations generated from the "
                + "descriptor: check parameter and port names" : "the generated main(): does glsl() define "
                        + "uint shade(ivec2)?") + ")";
    }

    /** One line: every error, its place named. */
    String summary() {
        return String.join("; ", texts);
    }

    /** The source with numbered lines, {@code >>} before each failing one. */
    String listing(String source) {
        TreeSet<Integer> bad = new TreeSet<>(lines);
        String[] src = source.split("\n", -1);
        int width = Integer.toString(src.length).length();
        StringBuilder s = new StringBuilder(source.length() + src.length * (width + 5));
        for (int i = 0; i < src.length; i++) {
            if (i == src.length - 1 && src[i].isEmpty()) {
                break;
            }
            s.append(bad.contains(i + 1) ? ">> " : "   ")
                    .append(String.format(Locale.ROOT, "%" + width + "d", i + 1)).append("  ").append(src[i])
                    .append('\n');
        }
        return s.toString();
    }
}
