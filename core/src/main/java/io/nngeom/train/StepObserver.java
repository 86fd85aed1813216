package io.nngeom.train;

/**
 * Sees the parameters after every update of a first-order run (GD, SGD, Adam) of {@link Trainer}: the hook of
 * a caller that shows training live (the explorer of {@code nngeom serve}). It only reads; it may block (to
 * pause a run between two updates) or throw {@link Stop} to end the run early. Neither changes the sequence of
 * updates, so the parameters after step k are those of a run of k iterations, bit for bit.
 */
@FunctionalInterface
public interface StepObserver {
    /** Sees nothing. */
    StepObserver NONE = (step, objective, theta) -> { };

    /**
     * Called after update {@code step} (1, 2, …).
     *
     * @param step updates done so far
     * @param objective the (mini-batch) objective at the parameters before this update
     * @param theta the parameters after the update, in {@code Mlp.parameters()} order. Not modified; must not be
     *              kept (copy what is needed)
     */
    void afterStep(int step, double objective, double[] theta);

    /** Thrown by an observer to end a run; {@link Trainer} lets it pass to its caller. */
    final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stop() {
            super("training stopped by its observer", null, false, false);
        }
    }
}
