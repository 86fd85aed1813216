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
}
