package io.nngeom.minimizers;

import io.nngeom.net.Mlp;
import io.nngeom.run.RunInfo;

/**
 * The shallow construction of {@link Shallow#build} and the quantities of the companion paper (digest §4).
 *
 * @param model x ↦ W_2 σ(W_1 x + b_1) + b_2, hidden width M
 * @param cost C2 of the model on the data (network forward pass)
 * @param costSqrt C = √C2
 * @param closedFormCost (1/N) ‖(Y − c uᵀ) B‖_F² with B = X̄⁺ ΔX (independent of the network)
 * @param bound ‖Y − c uᵀ‖_op · ‖X̄⁺‖_op · δ_P, the O(δ_P) upper bound on C
 * @param translation the translation c used
 * @param leastSquaresCost C2_LS, the affine least-squares minimum (lstsq by SVD): the exact degenerate local
 *                         minimum of the shallow network for M = Q
 * @param leastSquaresClosedForm C2_LS from the mean/deviation closed form [A | c] = Y D_N X̃ᵀ Γ⁻¹, evaluated
 *                               through its residuals
 * @param relativeGap (C − √C2_LS) / C
 * @param deltaP δ_P = max |P Δx|
 */
public record ShallowResult(Mlp model, double cost, double costSqrt, double closedFormCost, double bound,
                            double[] translation, double leastSquaresCost, double leastSquaresClosedForm,
                            double relativeGap, double deltaP, RunInfo run) {

    public ShallowResult {
        translation = translation.clone();
    }

    @Override
    public double[] translation() {
        return translation.clone();
    }
}
