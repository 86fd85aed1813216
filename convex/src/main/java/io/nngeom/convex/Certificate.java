package io.nngeom.convex;

import io.nngeom.run.RunInfo;

/**
 * Certificate of global optimality for a trained 2-layer ReLU network (digest §5b(ii)).
 *
 * @param nnObjective the network's objective ½‖f(X) − y‖² + (β/2)Σ(‖w‖_p² + α²)
 * @param dualRatio max over unit neurons of |θᵀ(Xŵ + b̂)₊|/β for the centred residual θ (1 at a global optimum)
 * @param lowerBound certified lower bound D(sθ) on the optimum, s = min(1, 1/dualRatio)
 * @param gapPercent 100·(nnObjective − lowerBound)/nnObjective: "globally optimal within gapPercent %"
 * @param certified whether dualRatio is computed over the exact neuron set (so the lower bound is rigorous)
 * @param how how the maximum over neurons was computed
 * @param residualMean mean of y − f(X) (0 when ξ is optimal)
 */
public record Certificate(double nnObjective, double dualRatio, double lowerBound, double gapPercent,
                          boolean certified, String how, double residualMean, RunInfo run) {
}
