package io.nngeom.minimizers;

import io.nngeom.net.Mlp;

/**
 * One candidate configuration of the local-minima study (digest §3) and what was measured on it.
 *
 * @param kind TRUNCATE (reading A: the classes in {@code classes} are collapsed one per layer, the others kept,
 *             least-squares output), or MERGE (one layer collapses all of {@code classes} to one point, the others
 *             are collapsed one per layer)
 * @param classes the subset S
 * @param model the network of the configuration
 * @param cost C2
 * @param closedForm the predicted cost where there is one (S = ∅: affine least squares C2_LS; S = all: 0;
 *                   MERGE: (1/N) Σ_{k∈S} N_k |y_k − ȳ_S|²), else NaN
 * @param gradientNorm |∇C2| over all parameters
 * @param hiddenGradientNorm |∇C2| over the hidden layers' parameters only
 * @param descentFraction fraction of random directions v (over all ε) with C2(θ + εv) − C2(θ) &lt; −1e-13
 * @param minCostChange min over the tried directions and ε of C2(θ + εv) − C2(θ)
 * @param costAfterDescent C2 after the gradient-descent steps started at θ
 * @param descentDistance |θ_GD − θ|
 * @param localMinimum whether all three numerical tests hold: gradient ≤ {@link LocalMinima#GRADIENT_TOLERANCE},
 *                     no descending direction, and gradient descent lowers C2 by at most
 *                     {@link LocalMinima#DESCENT_TOLERANCE}
 */
public record Configuration(Kind kind, int[] classes, Mlp model, double cost, double closedForm, double gradientNorm,
                            double hiddenGradientNorm, double descentFraction, double minCostChange,
                            double costAfterDescent, double descentDistance, boolean localMinimum) {

    /** How the subset S is used. */
    public enum Kind { TRUNCATE, MERGE }

    public Configuration {
        classes = classes.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** "S = {0,2}" style label with the kind. */
    public String label() {
        StringBuilder sb = new StringBuilder(kind == Kind.TRUNCATE ? "truncate {" : "merge {");
        for (int i = 0; i < classes.length; i++) {
            sb.append(i == 0 ? "" : ",").append(classes[i]);
        }
        return sb.append('}').toString();
    }
}
