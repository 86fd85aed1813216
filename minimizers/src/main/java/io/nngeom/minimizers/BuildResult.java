package io.nngeom.minimizers;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.RunInfo;
import java.util.List;

/**
 * The explicit global minimizer of {@link Minimizers#build} and what was measured on it.
 *
 * @param model the network: L ReLU hidden layers of width Q and an affine output layer
 * @param cost C2 = (1/N) Σ |f(x) − y|² on the training data
 * @param costSqrt C = √C2
 * @param order the truncation order π (class indices)
 * @param layers per hidden layer: apex, separation margin, cone slope, conditioning
 * @param cumulative the cumulative parameters (A_ℓ, c_ℓ; G, g) of the model
 * @param curated Z_0 = X, Z_1, ..., Z_L: the curated inputs after every hidden layer (input coordinates)
 * @param gradientNorm |∇C2| over all parameters (backpropagation through {@code io.nngeom.train.Objective})
 * @param sigmaMinApex σ_min of P̃ = [p_1 … p_Q; 1 … 1]
 * @param data the data model with its noise sizes (of the projected inputs when there is a projection)
 * @param projection the affine first layer into R^Q when the inputs have d ≠ Q columns (folded into the first
 *        hidden layer of {@code model}; {@code cumulative}, {@code curated} and {@code layers} describe the
 *        construction in R^Q), null when d = Q
 */
public record BuildResult(Mlp model, double cost, double costSqrt, int[] order, List<LayerReport> layers,
                          CumulativeParameters cumulative, List<Matrix> curated, double gradientNorm,
                          double sigmaMinApex, ClusteredData data, FirstLayerProjection projection, RunInfo run) {

    public BuildResult {
        order = order.clone();
        layers = List.copyOf(layers);
        curated = List.copyOf(curated);
    }

    public int classes() {
        return data.classes();
    }

    public int hiddenLayers() {
        return model.hiddenLayerCount();
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /** Smallest |pre-activation| over all hidden layers and examples. */
    public double minPreActivation() {
        return layers.stream().mapToDouble(LayerReport::minPreActivation).min().orElse(Double.NaN);
    }
}
