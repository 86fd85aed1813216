package io.nngeom.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.plot.Figure;
import io.nngeom.run.RunInfo;
import java.util.List;

/**
 * What {@link LowRank#analyze} found for a joint law.
 *
 * @param loss the loss whose geometry was analysed
 * @param k the number of features requested (features has min(k, rank) columns)
 * @param xNames the X symbols kept (zero-probability symbols dropped, see warnings)
 * @param yNames the Y symbols kept
 * @param px p_x
 * @param py p_y
 * @param epsilon ‖B̃‖_F (the local-region size, digest §1.4)
 * @param singularValues σ_1 ≥ σ_2 ≥ … of the loss's matrix: B̃ (softmax) or M (mse), trivial pair excluded
 * @param dtmSingularValues singular values of B̃ (equal to singularValues for softmax)
 * @param entropy H_L(Y): H(Y) in nats (softmax) or tr Cov(e(Y)) (mse)
 * @param conditionalEntropy H_L(Y|X): H(Y|X) (softmax) or E‖e(Y) − E[e(Y)|X]‖² (mse)
 * @param mutualInformation I(X;Y) in nats
 * @param halfChiSquare ½‖B̃‖²_F, equal to I(X;Y) + O(ε³)
 * @param features optimal features f_i(x) = v_i(x)/√p_x(x), n_x × k
 * @param weights optimal weights g_i(y) = u_i(y)/√p_y(y) (softmax, n_y × k) or u_i (mse, d × k)
 * @param hScore the optimal H-score ½Σ_{i≤k}σ_i² (softmax, ½ convention) or Σ_{i≤k}σ_i(M)² (mse)
 * @param predictedLoss H_L(Y) − hScore: the optimal loss of a k-feature network, + o(ε²) for softmax, exact for mse
 * @param trained the trained bottleneck's metrics when requested, else null
 * @param trainedGradNorm gradient norm of that training (NaN if none)
 * @param warnings dropped symbols and other changes to the input
 * @param figures singular spectrum and the features
 */
public record AnalyzeResult(LossKind loss, int k, List<String> xNames, List<String> yNames, double[] px, double[] py,
                            double epsilon, double[] singularValues, double[] dtmSingularValues, double entropy,
                            double conditionalEntropy, double mutualInformation, double halfChiSquare,
                            Matrix features, Matrix weights, double hScore, double predictedLoss,
                            BottleneckMetrics trained, double trainedGradNorm, List<String> warnings,
                            List<Figure> figures, RunInfo run) {
    public AnalyzeResult {
        xNames = List.copyOf(xNames);
        yNames = List.copyOf(yNames);
        warnings = List.copyOf(warnings);
        figures = List.copyOf(figures);
        px = px.clone();
        py = py.clone();
        singularValues = singularValues.clone();
        dtmSingularValues = dtmSingularValues.clone();
    }
}
