package org.lumaflow.cli;

import java.util.List;

/**
 * For commands that walk their arguments themselves ({@code for (i...) switch (argv.get(i))}): an option's value, a
 * number, and a positional that must not look like an option, each failing with a {@link UsageException} that names
 * the option.
 */
public final class Options {

    private Options() {
    }

    /** {@code argv.get(i)}, the value of option {@code opt}; fails when {@code i} is past the end. */
    public static String value(List<String> argv, int i, String opt) throws UsageException {
        if (i >= argv.size()) {
            throw new UsageException("option " + opt + " needs a value");
        }
        return argv.get(i);
    }

    /** {@code v}, the value of option {@code opt}, as a finite number {@code >= 0}. */
    public static double nonNegative(String v, String opt) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || !Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("bad " + opt + " '" + v + "': expected a number >= 0");
        }
    }

    /** {@code arg} as a positional; "unknown option" when it starts with {@code -} ({@code -} alone is fine). */
    public static String positional(String arg) throws UsageException {
        if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("unknown option " + arg);
        }
        return arg;
    }
}
