package org.lumaflow.live.internal.capture;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Heap bytes allocated and CPU time used by one capture thread per delivered frame, over a window. */
final class Meter {

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long tid;
    private final LongSupplier frames;
    private final long bytes0;
    private final long cpu0;
    private final long process0;
    private final long frames0;
    private final long t0;

    /** Starts measuring {@code thread}; {@code frames} counts what it delivered. */
    Meter(Thread thread, LongSupplier frames) {
        this.tid = thread.threadId();
        this.frames = frames;
        this.bytes0 = MX.getThreadAllocatedBytes(tid);
        this.cpu0 = MX.getThreadCpuTime(tid);
        this.process0 = OS.getProcessCpuTime();
        this.frames0 = frames.getAsLong();
        this.t0 = System.nanoTime();
    }

    /** What the window measured. */
    record Result(long frames, double seconds, double bytesPerFrame, double cpuMsPerFrame, double processMsPerFrame) {
        double fps() {
            return frames / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames in %.2f s (%.1f fps), %.0f B/frame allocated, capture "
                    + "thread %.2f ms CPU/frame, whole process %.2f ms CPU/frame", frames, seconds, fps(),
                    bytesPerFrame, cpuMsPerFrame, processMsPerFrame);
        }
    }

    Result stop() {
        long n = frames.getAsLong() - frames0;
        long bytes = MX.getThreadAllocatedBytes(tid) - bytes0;
        long cpu = MX.getThreadCpuTime(tid) - cpu0;
        long process = OS.getProcessCpuTime() - process0;
        double s = (System.nanoTime() - t0) / 1e9;
        double d = Math.max(1, n);
        return new Result(n, s, bytes / d, cpu / 1e6 / d, process / 1e6 / d);
    }
}
