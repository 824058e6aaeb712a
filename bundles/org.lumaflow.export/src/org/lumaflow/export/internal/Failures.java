package org.lumaflow.export.internal;

/** Failures in words for export messages: never an exception class name. */
final class Failures {

    private Failures() {
    }

    /** The failure's message; one without a message (a defect) by where it happened. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank() && !(e instanceof NullPointerException)) {
            return m;
        }
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return "internal error" + (at != null ? " at " + at.getFileName() + ":" + at.getLineNumber() : "")
                + " (a defect: please report it)";
    }
}
