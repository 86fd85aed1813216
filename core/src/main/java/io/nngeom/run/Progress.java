package io.nngeom.run;

/**
 * Progress of a long operation, reported by library code and shown by the command line. Library code calls
 * {@link #update} as often as it likes (each call is cheap); the implementation decides what to show and when
 * (see {@link StderrProgress}). {@link #NONE} shows nothing.
 */
@FunctionalInterface
public interface Progress {
    /** Shows nothing. */
    Progress NONE = (step, done, total, status) -> { };

    /**
     * Reports where a long operation stands.
     *
     * @param step what is running, for example {@code "convex fit: column generation"}
     * @param done units of work done so far (iterations, regions, experiments)
     * @param total units expected in all, or a value {@code <= 0} when unknown
     * @param status the measures that matter now, in words (for example {@code "objective 1.25 gap 3.1e-4"}),
     *               or an empty string
     */
    void update(String step, long done, long total, String status);

    /**
     * Reports the end of an operation with its final numbers. A renderer that has shown anything of this run shows
     * this line too, whatever its throttling, so the last line on screen carries the numbers the command prints.
     * By default the same as {@link #update}.
     */
    default void finish(String step, long done, long total, String status) {
        update(step, done, total, status);
    }

    /** This progress with every step prefixed by {@code prefix + ": "} (for example an experiment's name). */
    default Progress prefixed(String prefix) {
        Progress self = this;
        return new Progress() {
            @Override
            public void update(String step, long done, long total, String status) {
                self.update(prefix + ": " + step, done, total, status);
            }

            @Override
            public void finish(String step, long done, long total, String status) {
                self.finish(prefix + ": " + step, done, total, status);
            }
        };
    }
}
