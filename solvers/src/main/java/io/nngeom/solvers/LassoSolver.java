package io.nngeom.solvers;

/** A solver of {@link LassoProblem}; every implementation stops on the relative duality gap. */
public interface LassoSolver {
    /**
     * Solves the problem.
     *
     * @param warmStart initial z (not modified), or null for zero
     */
    LassoSolution solve(LassoProblem problem, LassoOptions options, double[] warmStart);

    default LassoSolution solve(LassoProblem problem, LassoOptions options) {
        return solve(problem, options, null);
    }
}
