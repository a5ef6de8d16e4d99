package io.github.creditrisk.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on standard error for long runs watched by a person: count, rate and, when the input's
 * size is known, time left. Redrawn at most twice a second; off unless standard error is a terminal, so it
 * never disturbs a pipeline or a log. Called from one thread.
 */
public final class Progress {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /**
     * @param totalBytes the input's size in bytes, or -1 when unknown (standard input)
     */
    public Progress(PrintStream err, boolean enabled, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalBytes = totalBytes;
    }

    /** Notes that {@code count} items are done after reading {@code bytesRead} bytes. */
    public void update(long count, long bytesRead) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        draw(count, bytesRead, now, false);
    }

    /** Draws the final line (when progress was shown at all). */
    public void finish(long count, long bytesRead) {
        if (enabled && drawn) {
            draw(count, bytesRead, System.nanoTime(), true);
            err.println();
        }
    }

    private void draw(long count, long bytesRead, long now, boolean done) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\r  %,d borrowers  %,.0f/s  %s",
                count, count / seconds, clock(seconds)));
        if (!done && totalBytes > 0 && bytesRead > 0) {
            double left = seconds * (totalBytes - bytesRead) / bytesRead;
            line.append(String.format(Locale.ROOT, "  about %s left (%.0f%%)", clock(left),
                    100.0 * bytesRead / totalBytes));
        }
        line.append("   ");
        err.print(line);
        err.flush();
        drawn = true;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
