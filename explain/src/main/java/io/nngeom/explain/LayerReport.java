package io.nngeom.explain;

/**
 * Everything {@code explain} says about one layer: ℓ = 0 is the input, ℓ = 1..L−1 the hidden layers.
 *
 * @param layer ℓ
 * @param width number of features (units)
 * @param activation the layer's activation ("input" for ℓ = 0)
 * @param activity dead and always-active units (null for the input)
 * @param regions patterns on the data and regions along segments
 * @param distinguishability collisions, rank, linear separability
 * @param featureGeometry H-score (and for the last hidden layer, the output layer against Ψ*)
 * @param collapse NC1 and spread on the data (null for real targets)
 * @param collapseTest NC1 and spread on the test data (null without it)
 * @param summary what the layer does, in one line
 */
public record LayerReport(int layer, int width, String activation, Activity activity, Regions regions,
                          Distinguish distinguishability, FeatureGeometry featureGeometry, Collapse collapse,
                          Collapse collapseTest, String summary) {
}
