package io.nngeom.optim;

/**
 * Stopping rule and switches shared by the Lasso solvers.
 *
 * @param tolerance stop when the relative duality gap (P − D)/P is at most this
 * @param maxIterations cap on outer iterations (full passes over the dictionary for coordinate descent,
 *                      gradient steps for FISTA)
 * @param screening apply gap-safe screening (Fercoq, Gramfort, Salmon 2015; Ndiaye et al. 2017)
 * @param workingSet initial working-set size of the working-set solvers (celer-style working sets of
 *                   {@link ActiveSetLasso} and {@link CoordinateDescentLasso})
 */
public record LassoOptions(double tolerance, int maxIterations, boolean screening, int workingSet) {
    /** Relative duality gap 1e-9, 10 000 iterations, screening on, working set 100. */
    public static LassoOptions defaults() {
        return new LassoOptions(1e-9, 10_000, true, 100);
    }

    public LassoOptions withTolerance(double t) {
        return new LassoOptions(t, maxIterations, screening, workingSet);
    }

    public LassoOptions withMaxIterations(int m) {
        return new LassoOptions(tolerance, m, screening, workingSet);
    }

    public LassoOptions withScreening(boolean s) {
        return new LassoOptions(tolerance, maxIterations, s, workingSet);
    }
}
