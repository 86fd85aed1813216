package io.nngeom.convex;

import io.nngeom.run.RunInfo;
import java.util.Locale;

/**
 * Certificate of (non-)optimality of a trained ReLU network for the regularised problem of any width
 * (digest §5b(ii)).
 *
 * @param nnObjective the network's objective ½‖f(X) − y‖² + (β/2)Σ(‖w‖_p² + α²)
 * @param dualRatio max over the unit neurons searched of |θᵀ(Xŵ + b̂)₊|/β for the centred residual θ (1 at a
 *     global optimum); over all neurons when {@code certified}, otherwise over those searched (a lower estimate)
 * @param lowerBound a lower bound D(sθ) on the optimum, s = min(1, 1/dualRatio), when {@code certified}; NaN otherwise
 * @param gapPercent 100·(nnObjective − lowerBound)/nnObjective: the relative gap to the lower bound (NaN without one)
 * @param certified whether dualRatio is the exact maximum over all neurons (so the lower bound is rigorous)
 * @param how how the maximum over neurons was computed
 * @param residualMean mean of y − f(X) (0 when ξ is optimal)
 * @param verdict optimal (certified within the stated gap), not-optimal (a better network was constructed), or
 *     undecided
 * @param evidence what the verdict rests on, in words
 * @param improvedObjective with {@link Verdict#NOT_OPTIMAL}: the objective of the model with the violating neuron
 *     added (output weight and bias re-fitted), which is lower; NaN otherwise
 * @param violator with {@link Verdict#NOT_OPTIMAL}: the violating unit neuron (w, then b), NaN-free; null otherwise
 */
public record Certificate(double nnObjective, double dualRatio, double lowerBound, double gapPercent,
                          boolean certified, String how, double residualMean, Verdict verdict, String evidence,
                          double improvedObjective, double[] violator, RunInfo run) {
    /** What the certificate proves about the model. */
    public enum Verdict {
        /** The gap to a rigorous lower bound is within the stated tolerance. */
        OPTIMAL,
        /** A neuron violating the dual constraint was found, and a network with lower objective built from it. */
        NOT_OPTIMAL,
        /** Neither: no complete check fitted the limits and no violating neuron was found. */
        UNDECIDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
