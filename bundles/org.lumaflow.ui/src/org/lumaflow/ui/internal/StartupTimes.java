package org.lumaflow.ui.internal;

/** Start-up milestones of this studio session, in ms after JVM start (-1 until reached). */
public final class StartupTimes {

    private static volatile long window = -1;
    private static volatile long firstFrame = -1;

    private StartupTimes() {
    }

    static void windowUp(long ms) {
        if (window < 0) {
            window = ms;
        }
    }

    /** Called by the viewer when it has painted its first rendered frame. */
    public static void firstFrame() {
        if (firstFrame < 0) {
            firstFrame = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.getLogger("org.lumaflow.ui").log(System.Logger.Level.INFO,
                    "studio: first viewer frame " + firstFrame + " ms after JVM start");
            if (Boolean.getBoolean("lumaflow.studio.exitAfterFirstFrame")) {
                System.out.println("studio-startup window_ms=" + window + " first_frame_ms=" + firstFrame);
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
        }
    }

    public static long window() {
        return window;
    }

    public static long firstFrameMs() {
        return firstFrame;
    }
}
