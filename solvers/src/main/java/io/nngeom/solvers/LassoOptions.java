package io.nngeom.solvers;

import io.nngeom.run.Budget;
import java.util.Objects;

/**
 * Stopping rule and switches shared by the Lasso solvers.
 *
 * @param tolerance stop when the relative duality gap (P − D)/P is at most this
 * @param maxIterations cap on outer iterations (full passes over the dictionary for coordinate descent,
 *                      gradient steps for FISTA)
 * @param screening apply gap-safe screening (Fercoq, Gramfort, Salmon 2015; Ndiaye et al. 2017)
 * @param workingSet initial working-set size of the working-set solvers (celer-style working sets of
 *                   {@link ActiveSetLasso} and {@link CoordinateDescentLasso})
 * @param budget deadline and progress: a solver past the deadline stops with its best point, {@code converged}
 *               false ({@link ActiveSetLasso} and {@link FistaGroupLasso} honour it)
 */
public record LassoOptions(double tolerance, int maxIterations, boolean screening, int workingSet, Budget budget) {
    public LassoOptions {
        Objects.requireNonNull(budget, "budget");
    }

    public LassoOptions(double tolerance, int maxIterations, boolean screening, int workingSet) {
        this(tolerance, maxIterations, screening, workingSet, Budget.NONE);
    }

    /** Relative duality gap 1e-9, 10 000 iterations, screening on, working set 100, no deadline. */
    public static LassoOptions defaults() {
        return new LassoOptions(1e-9, 10_000, true, 100);
    }

    public LassoOptions withTolerance(double t) {
        return new LassoOptions(t, maxIterations, screening, workingSet, budget);
    }

    public LassoOptions withMaxIterations(int m) {
        return new LassoOptions(tolerance, m, screening, workingSet, budget);
    }

    public LassoOptions withScreening(boolean s) {
        return new LassoOptions(tolerance, maxIterations, s, workingSet, budget);
    }

    public LassoOptions withBudget(Budget b) {
        return new LassoOptions(tolerance, maxIterations, screening, workingSet, b);
    }
}
