package io.nngeom.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows {@link Progress} on a stream: nothing during the first {@code delay}, then on a terminal one status line
 * redrawn with a carriage return at most five times a second, otherwise one line every {@code interval}. Each
 * line names the step, done/total (with the percentage and an estimate of the time left when the total is known),
 * the status and the elapsed time. Call {@link #close()} to end a redrawn line.
 */
public final class StderrProgress implements Progress, AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long delayNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastShown = Long.MIN_VALUE;
    private boolean redrawn;

    /**
     * @param out where to write (normally {@code System.err})
     * @param terminal whether {@code out} is a terminal (redraw one line) or not (a line every interval)
     * @param delaySeconds nothing is shown before this much time has passed
     * @param intervalSeconds time between lines when not a terminal
     */
    public StderrProgress(PrintStream out, boolean terminal, double delaySeconds, double intervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.delayNanos = (long) (delaySeconds * 1e9);
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** On {@code System.err}: redrawn when a console is attached, otherwise a line every {@code intervalSeconds}. */
    public static StderrProgress onStderr(double intervalSeconds) {
        return new StderrProgress(System.err, System.console() != null, 1.0, intervalSeconds);
    }

    @Override
    public synchronized void update(String step, long done, long total, String status) {
        long now = System.nanoTime();
        if (now - start < delayNanos) {
            return;
        }
        long gap = terminal ? REDRAW_NANOS : intervalNanos;
        if (lastShown != Long.MIN_VALUE && now - lastShown < gap) {
            return;
        }
        lastShown = now;
        String line = line(step, done, total, status, (now - start) / 1e9);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            redrawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The line shown for one update (without carriage return or newline). */
    static String line(String step, long done, long total, String status, double elapsed) {
        StringBuilder sb = new StringBuilder(step);
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            sb.append(String.format(Locale.ROOT, " %d/%d (%.0f%%)", done, total, 100 * fraction));
            if (fraction > 0 && fraction < 1) {
                sb.append(String.format(Locale.ROOT, " eta %.0fs", elapsed * (1 - fraction) / fraction));
            }
        } else {
            sb.append(' ').append(done);
        }
        if (status != null && !status.isEmpty()) {
            sb.append("  ").append(status);
        }
        sb.append(String.format(Locale.ROOT, "  %.1fs", elapsed));
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (redrawn) {
            out.println();
            out.flush();
            redrawn = false;
        }
    }
}
