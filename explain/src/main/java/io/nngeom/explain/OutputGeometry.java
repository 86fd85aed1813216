package io.nngeom.explain;

/**
 * The trained output layer against the optimum on the fixed features of the last hidden layer. For class labels,
 * Ψ* = B̃Φ(ΦᵀΦ)⁺ is the low-rank theory's local optimum (digest §1.2), compared with Ψ = diag(√p_y)(W − 1w̄ᵀ); it is
 * the theory's prediction only in the local regime (ε ≤ 0.1), which {@code statement} says in words. For real
 * targets W* = C_yf Λ⁺ is the exact least-squares optimum on the fixed features, compared with W.
 *
 * @param distance ‖Ψ − Ψ*‖_F / ‖Ψ*‖_F (or ‖W − W*‖_F / ‖W*‖_F)
 * @param cosine ⟨Ψ, Ψ*⟩_F / (‖Ψ‖_F ‖Ψ*‖_F): 1 when they point the same way at any scale
 * @param epsilon ε = ‖B̃‖_F of the empirical law of (input, label) (NaN for real targets)
 * @param localRegime whether ε ≤ 0.1 (false for real targets, where the comparison needs no local regime)
 * @param statement the sentence about the local regime
 */
public record OutputGeometry(double distance, double cosine, double epsilon, boolean localRegime, String statement) {
}
