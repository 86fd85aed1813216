package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.RunInfo;
import io.nngeom.solvers.ColumnProvider;
import io.nngeom.solvers.LassoSolution;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The outcome of {@link Convex#path}.
 *
 * @param betas the regularisation values, largest first
 * @param solutions one certified Lasso solution per beta, in that order
 * @param dictionary the dictionary solved over (a {@link Dictionary} or a {@link DeepDictionary})
 * @param description the dictionary in words
 * @param exactness how every solution relates to the network optimum at its beta
 * @param reason why
 */
public record PathResult(double[] betas, List<LassoSolution> solutions, ColumnProvider dictionary, String description,
                         Exactness exactness, String reason, RunInfo run) {
    /** The network of the k-th solution: the two-layer network of the wedge dictionary, or the deep narrow network. */
    public Mlp model(int k) {
        LassoSolution s = solutions.get(k);
        return dictionary instanceof DeepDictionary dd ? DeepNarrow.recover(dd, s.z(), s.intercept())
                : TwoLayer.recover((Dictionary) dictionary, s.z(), s.intercept());
    }

    /** The fitted function t ↦ Σ_j z_j a_j(t) + ξ of the k-th solution on 1-D data (for pictures). */
    public DoubleUnaryOperator fitted(int k) {
        double[] z = solutions.get(k).z();
        double xi = solutions.get(k).intercept();
        if (dictionary instanceof DeepDictionary dd) {
            return t -> {
                double f = xi;
                for (int j = 0; j < z.length; j++) {
                    if (z[j] != 0) {
                        f += z[j] * dd.feature(j, t);
                    }
                }
                return f;
            };
        }
        Mlp m = TwoLayer.recover((Dictionary) dictionary, z, xi);
        return t -> m.apply(new Matrix(1, 1, new double[] {t})).get(0, 0);
    }
}
