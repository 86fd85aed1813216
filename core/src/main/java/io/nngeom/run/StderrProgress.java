package io.nngeom.run;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Shows {@link Progress} on a stream: nothing during the first {@code delay}, then on a terminal one status line
 * redrawn with a carriage return at most five times a second, otherwise one line every {@code interval}. Each
 * line names the step, done/total (with the percentage and an estimate of the time left when the total is known),
 * the status and the time spent on the operation (the step up to its first {@code ": "}, e.g. one experiment of a
 * validate run); the estimate counts from when the step itself began. The end of a whole operation
 * ({@link #finish} of a step without {@code ": "}) is always shown once anything was; off a terminal the end of a part
 * of one waits for the interval like an update. {@link #finish} always shows its line once anything has been shown.
 * {@link #clear()} erases a redrawn line (before other output goes to the same terminal); {@link #close()} ends it.
 *
 * <p>Not me.tongfei:progressbar: the command line needs the non-terminal mode (a plain line every interval, for
 * logs and CI), the interleaving with table rows on stdout ({@link #clear()}), and in-process capture for tests;
 * this class does all three in a few lines, without a terminal library on the start-up path.
 */
public final class StderrProgress implements Progress, AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean enabled;
    private final boolean terminal;
    private final long delayNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastShown = Long.MIN_VALUE;
    private String step = "";
    private long stepStart = start;
    private String operation = "";
    private long operationStart = start;
    private boolean shown;
    private boolean redrawn;

    /**
     * @param out where to write (normally stderr)
     * @param terminal whether {@code out} is a terminal (redraw one line) or not (a line every interval)
     * @param delaySeconds nothing is shown before this much time has passed
     * @param intervalSeconds time between lines when not a terminal
     */
    public StderrProgress(PrintWriter out, boolean terminal, double delaySeconds, double intervalSeconds) {
        this(out, true, terminal, delaySeconds, intervalSeconds);
    }

    private StderrProgress(PrintWriter out, boolean enabled, boolean terminal, double delaySeconds,
                           double intervalSeconds) {
        this.out = out;
        this.enabled = enabled;
        this.terminal = terminal;
        this.delayNanos = (long) (delaySeconds * 1e9);
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    /** The same on a {@link PrintStream} (UTF-8). */
    public StderrProgress(PrintStream out, boolean terminal, double delaySeconds, double intervalSeconds) {
        this(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true), terminal, delaySeconds,
                intervalSeconds);
    }

    /** One that shows nothing ({@code --quiet}). */
    public static StderrProgress silent() {
        return new StderrProgress(new PrintWriter(Writer.nullWriter()), false, false, 0, 0);
    }

    /**
     * The command line's progress on {@code err}: after one second, a redrawn line when {@link #isTerminal()}, else a
     * line every 10 seconds. The system properties {@code nngeom.progress.delay} and {@code nngeom.progress.interval}
     * (seconds) change the two times (for tests).
     */
    public static StderrProgress forCommand(PrintWriter err) {
        return new StderrProgress(err, isTerminal(), seconds("nngeom.progress.delay", 1.0),
                seconds("nngeom.progress.interval", 10.0));
    }

    private static double seconds(String property, double otherwise) {
        String v = System.getProperty(property);
        try {
            return v == null ? otherwise : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** On {@code System.err}: redrawn when a console is attached, otherwise a line every {@code intervalSeconds}. */
    public static StderrProgress onStderr(double intervalSeconds) {
        return new StderrProgress(System.err, isTerminal(), 1.0, intervalSeconds);
    }

    /**
     * Whether stdin, stdout and stderr are a terminal ({@code System.console() != null}), or the system property
     * {@code nngeom.terminal} says so ({@code true}/{@code false}; for tests).
     */
    public static boolean isTerminal() {
        String forced = System.getProperty("nngeom.terminal");
        return forced != null ? Boolean.parseBoolean(forced) : System.console() != null;
    }

    @Override
    public synchronized void update(String step, long done, long total, String status) {
        long now = System.nanoTime();
        if (!enabled || now - start < delayNanos) {
            return;
        }
        clocks(step, now);
        long gap = terminal ? REDRAW_NANOS : intervalNanos;
        if (lastShown != Long.MIN_VALUE && now - lastShown < gap) {
            return;
        }
        show(line(step, done, total, status, (now - stepStart) / 1e9, (now - operationStart) / 1e9), now);
    }

    /** Restarts the step's clock when the step changes and the operation's clock when the operation changes. */
    private void clocks(String s, long now) {
        if (!s.equals(step)) {
            step = s;
            stepStart = now;
            int colon = s.indexOf(": ");
            String op = colon < 0 ? s : s.substring(0, colon);
            if (!op.equals(operation)) {
                operation = op;
                operationStart = now;
            }
        }
    }

    @Override
    public synchronized void finish(String step, long done, long total, String status) {
        long now = System.nanoTime();
        // off a terminal, the end of a part of a larger operation ("a: b") waits for the interval like any update
        boolean part = step.contains(": ") && !terminal && lastShown != Long.MIN_VALUE && now - lastShown < intervalNanos;
        if (enabled && !part && (shown || now - start >= delayNanos)) {
            clocks(step, now);
            show(line(step, done, total, status, (now - stepStart) / 1e9, (now - operationStart) / 1e9), now);
        }
    }

    private void show(String line, long now) {
        lastShown = now;
        shown = true;
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            redrawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /**
     * The line shown for one update (without carriage return or newline): the estimate of the time left from
     * {@code stepSeconds}, the time shown is {@code operationSeconds}.
     */
    static String line(String step, long done, long total, String status, double stepSeconds, double operationSeconds) {
        StringBuilder sb = new StringBuilder(step);
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            sb.append(String.format(Locale.ROOT, " %d/%d (%.0f%%)", done, total, 100 * fraction));
            if (fraction > 0 && fraction < 1) {
                sb.append(String.format(Locale.ROOT, " eta %.0fs", stepSeconds * (1 - fraction) / fraction));
            }
        } else if (done > 0) {
            sb.append(' ').append(done);
        }
        if (status != null && !status.isEmpty()) {
            sb.append("  ").append(status);
        }
        sb.append(String.format(Locale.ROOT, "  %.1fs", operationSeconds));
        return sb.toString();
    }

    /** Erases a redrawn line (a terminal only), so that other output starts at the beginning of a clean line. */
    public synchronized void clear() {
        if (redrawn) {
            out.print("\r\u001b[K");
            out.flush();
            redrawn = false;
        }
    }

    /** Ends a redrawn line with a newline, leaving its last state on screen. */
    @Override
    public synchronized void close() {
        if (redrawn) {
            out.println();
            out.flush();
            redrawn = false;
        }
    }
}
