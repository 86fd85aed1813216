package io.nngeom.validate;

import io.nngeom.run.Progress;

/**
 * How an experiment is to run.
 *
 * @param seed the root seed; experiments derive every random choice from it
 * @param quick the small version meant for CI (seconds, not minutes)
 * @param progress where an experiment reports its steps (instances, training runs, sweep points) so that a long
 *                 one is never silent; its steps are already prefixed with the experiment's name by the runner
 */
public record ExperimentContext(long seed, boolean quick, Progress progress) {
    public ExperimentContext {
        progress = progress == null ? Progress.NONE : progress;
    }

    /** A context that reports nothing. */
    public ExperimentContext(long seed, boolean quick) {
        this(seed, quick, Progress.NONE);
    }
}
