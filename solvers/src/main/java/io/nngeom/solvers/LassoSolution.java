package io.nngeom.solvers;

/**
 * A Lasso solution with its optimality certificate.
 *
 * @param z coefficients
 * @param intercept ξ (0 without intercept)
 * @param primal P = ½‖Az + ξ1 − y‖² + β‖z‖₁
 * @param dual D(θ) for the scaled residual θ; a lower bound on the optimum
 * @param relativeGap (P − D)/P
 * @param dualRatio max_j |a_jᵀ r|/β for the residual r at the solution (1 at the optimum when z ≠ 0)
 * @param iterations outer iterations used
 * @param converged whether the gap reached the tolerance
 * @param gapIterations iteration counts at which the gap was measured
 * @param gapHistory relative gap measured at those iterations
 * @param screened number of columns discarded by gap-safe screening at the end
 * @param seconds wall time
 */
public record LassoSolution(double[] z, double intercept, double primal, double dual, double relativeGap,
                            double dualRatio, int iterations, boolean converged, double[] gapIterations,
                            double[] gapHistory, int screened, double seconds) {
    /** Number of nonzero coefficients. */
    public int nonzeros() {
        int k = 0;
        for (double v : z) {
            if (v != 0) {
                k++;
            }
        }
        return k;
    }

    /** ‖z‖₁. */
    public double l1Norm() {
        double s = 0;
        for (double v : z) {
            s += Math.abs(v);
        }
        return s;
    }
}
