package io.nngeom.convex;

import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Mlp;
import io.nngeom.run.RunInfo;

/**
 * The outcome of {@link Convex#fit}.
 *
 * @param model the recovered 2-layer ReLU network (null for the gated relaxation, which is not a ReLU network)
 * @param method the program actually solved (lasso, exact, gated)
 * @param objective the convex objective ½‖Az + ξ1 − y‖² + β‖z‖₁ (or the group-lasso/exact-program objective)
 * @param nnObjective the network objective of {@code model} (NaN without a model)
 * @param dualityGap relative duality gap certified by the solver for its own program
 * @param lowerBound certified lower bound on the network optimum P_NN (NaN where none is available)
 * @param nonzeros nonzero coefficients (Lasso) or active neurons (exact, gated groups)
 * @param l1Norm ‖z‖₁ (or Σ‖u_i‖ for group programs)
 * @param exactness how {@code objective} relates to P_NN
 * @param reason why
 * @param columns dictionary columns or pattern blocks
 * @param gapIterations / gapHistory the solver's duality gap against iterations
 * @param gated the gated-ReLU network of {@code --method gated} (null for the other methods)
 */
public record FitResult(Mlp model, String method, double objective, double nnObjective, double dualityGap,
                        double lowerBound, int nonzeros, double l1Norm, Exactness exactness, String reason, long columns,
                        String dictionary, double[] gapIterations, double[] gapHistory, RunInfo run, GatedNetwork gated) {
    /** A result without a gated network (every method but gated). */
    public FitResult(Mlp model, String method, double objective, double nnObjective, double dualityGap, double lowerBound,
                     int nonzeros, double l1Norm, Exactness exactness, String reason, long columns, String dictionary,
                     double[] gapIterations, double[] gapHistory, RunInfo run) {
        this(model, method, objective, nnObjective, dualityGap, lowerBound, nonzeros, l1Norm, exactness, reason, columns, dictionary,
                gapIterations, gapHistory, run, null);
    }

    /** The same result with another {@code reason}. */
    public FitResult withReason(String why) {
        return new FitResult(model, method, objective, nnObjective, dualityGap, lowerBound, nonzeros, l1Norm, exactness, why,
                columns, dictionary, gapIterations, gapHistory, run, gated);
    }
}
