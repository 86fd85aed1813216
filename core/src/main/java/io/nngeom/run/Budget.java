package io.nngeom.run;

import java.util.Locale;
import java.util.Objects;

/**
 * What a long computation may spend and where it reports: an optional wall-clock deadline and a {@link Progress}.
 * Solvers check {@link #expired()} between iterations and stop cleanly with their best point so far, saying so in
 * their result; {@link #NONE} has no deadline and shows nothing.
 *
 * @param deadlineNanos {@link System#nanoTime()} at which to stop, or {@link Long#MAX_VALUE} for none
 * @param progress where to report
 */
public record Budget(long deadlineNanos, Progress progress) {
    /** No deadline, no progress. */
    public static final Budget NONE = new Budget(Long.MAX_VALUE, Progress.NONE);

    public Budget {
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * A budget of {@code seconds} from now ({@code seconds} ≤ 0 or infinite: no deadline), reporting to
     * {@code progress}.
     */
    public static Budget of(double seconds, Progress progress) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return new Budget(Long.MAX_VALUE, progress);
        }
        return new Budget(System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0), progress);
    }

    /** Whether a deadline is set. */
    public boolean limited() {
        return deadlineNanos != Long.MAX_VALUE;
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return limited() && System.nanoTime() - deadlineNanos >= 0;
    }

    /** Reports to {@link #progress}; {@code status} is formatted with {@link Locale#ROOT}. */
    public void report(String step, long done, long total, String status, Object... args) {
        if (progress != Progress.NONE) {
            progress.update(step, done, total, args.length == 0 ? status : String.format(Locale.ROOT, status, args));
        }
    }
}
