package io.nngeom.explain;

/**
 * The low-rank theory's view of a layer's features (theory 1): the sample H-score of the features for the labels,
 * ½ tr(Λ⁺ Σ_y p_y (μ_y − μ)(μ_y − μ)ᵀ) (½ convention of docs/conventions.md; at most (K − 1)/2), or for real targets
 * its squared-loss analogue tr(C_yf Λ⁺ C_fy) (at most tr Cov(y)); see {@code io.nngeom.lowrank.SampleFeatures}.
 *
 * @param kind "softmax" (class labels) or "mmse" (real targets)
 * @param hScore the score on the data
 * @param hScoreMax its largest possible value
 * @param hScoreTest the score on the test data (null without test data)
 * @param output for the last hidden layer: the trained output layer against the fixed-feature optimum (else null)
 */
public record FeatureGeometry(String kind, double hScore, double hScoreMax, Double hScoreTest, OutputGeometry output) {

    /** hScore / hScoreMax (NaN when the maximum is 0). */
    public double hScoreRatio() {
        return hScoreMax == 0 ? Double.NaN : hScore / hScoreMax;
    }
}
