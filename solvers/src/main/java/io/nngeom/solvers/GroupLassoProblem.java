package io.nngeom.solvers;

/**
 * The group lasso min_{u, ξ} ½‖Σ_g B_g u_g + ξ1 − y‖² + β Σ_g ‖u_g‖₂ (intercept ξ free when {@code intercept}).
 * Dual: max θᵀy_c − ½‖θ‖² s.t. ‖B_gᵀθ‖₂ ≤ β for every g (and 1ᵀθ = 0 with an intercept); the residual scaled by
 * min(1, β/max_g‖B_gᵀr‖₂) is dual feasible and gives the certificate.
 */
public record GroupLassoProblem(BlockProvider blocks, double[] y, double beta, boolean intercept) {
    public GroupLassoProblem {
        if (y.length != blocks.rows()) {
            throw new IllegalArgumentException("y has " + y.length + " values, the blocks " + blocks.rows() + " rows");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
    }

    public GroupLassoProblem withBeta(double b) {
        return new GroupLassoProblem(blocks, y, b, intercept);
    }
}
