package io.nngeom.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A plain-text progress bar on stderr for runs longer than {@link #DELAY_NANOS} (one second). When stderr is
 * probably a terminal ({@code System.console() != null}) one line is redrawn with carriage returns at most five
 * times a second; otherwise a line is printed at each tenth of the run. Silent when disabled.
 */
final class Progress {
    static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final boolean enabled;
    private final int total;
    private final String label;
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastTenth;
    private boolean drawn;

    Progress(boolean enabled, int total, String label) {
        this(enabled, total, label, System.err, System.console() != null);
    }

    Progress(boolean enabled, int total, String label, PrintStream err, boolean terminal) {
        this.enabled = enabled && total > 0;
        this.total = total;
        this.label = label;
        this.err = err;
        this.terminal = terminal;
    }

    void update(int done, double objective) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS) {
            return;
        }
        if (terminal) {
            if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
                return;
            }
            err.print("\r" + line(done, objective, now));
            err.flush();
            lastDraw = now;
            drawn = true;
        } else {
            int tenth = (int) (10L * done / total);
            if (tenth > lastTenth || !drawn) {
                err.println(line(done, objective, now));
                lastTenth = tenth;
                drawn = true;
            }
        }
    }

    void finish() {
        if (enabled && terminal && drawn) {
            err.println();
            err.flush();
        }
    }

    private String line(int done, double objective, long now) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        StringBuilder sb = new StringBuilder(label).append(" [");
        for (int i = 0; i < width; i++) {
            sb.append(i < filled ? '=' : (i == filled ? '>' : ' '));
        }
        sb.append("] ").append(String.format(Locale.ROOT, "%3d%% %d/%d objective %.6g %.1fs",
                100L * done / total, done, total, objective, (now - start) / 1e9));
        return sb.toString();
    }
}
