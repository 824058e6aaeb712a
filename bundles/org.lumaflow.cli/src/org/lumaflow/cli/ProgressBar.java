package org.lumaflow.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A terminal progress bar with rate and ETA. On a terminal it redraws one line (at most 10 times a second);
 * otherwise it prints a plain line every 10%.
 */
public final class ProgressBar {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean tty;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    /** A bar on {@code out} (standard error) labelled {@code label}, for {@code total} items. */
    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.tty = System.console() != null && System.getenv("CI") == null;
    }

    /** Shows {@code done} items finished (redraws at most a few times a second). */
    public void update(long done) {
        long now = System.nanoTime();
        double secs = (now - startNanos) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        if (tty) {
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * done / total);
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %5.1f fps ETA %s ", label, "#".repeat(filled),
                    " ".repeat(width - filled), done, total, rate, clock(eta));
            if (done >= total) {
                out.println();
            }
        } else {
            int decile = (int) (10 * done / total);
            if (decile != lastDecile || done >= total) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "%s %3d%% %d/%d %.1f fps ETA %s%n", label, 100 * done / total, done, total,
                        rate, clock(eta));
            }
        }
        out.flush();
    }

    /** Seconds since the bar was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
