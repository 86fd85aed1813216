package io.nngeom.solvers;

/**
 * The Lasso min_{z, ξ} ½‖A z + ξ1 − y‖² + β‖z‖₁, with an unpenalised intercept ξ when {@code intercept}
 * (ξ = 0 otherwise).
 *
 * <p>Dual (Fenchel): max_θ θᵀy_c − ½‖θ‖² subject to ‖Aᵀθ‖_∞ ≤ β and, with an intercept, 1ᵀθ = 0, where y_c is
 * y centred when there is an intercept. At the optimum θ* = y − A z* − ξ* (the residual), so a residual scaled
 * into the dual feasible set gives a lower bound and the relative duality gap (P − D)/P certifies the solution.
 *
 * @param a the dictionary (columns a_j)
 * @param y targets, length n
 * @param beta the ℓ1 weight β &gt; 0
 * @param intercept whether the unpenalised intercept ξ is free
 */
public record LassoProblem(ColumnProvider a, double[] y, double beta, boolean intercept) {
    public LassoProblem {
        if (y.length != a.rows()) {
            throw new IllegalArgumentException("y has " + y.length + " values, the dictionary " + a.rows() + " rows");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
    }

    /** The same problem with another β (for paths). */
    public LassoProblem withBeta(double b) {
        return new LassoProblem(a, y, b, intercept);
    }
}
