package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.List;

/**
 * Everything a forward pass computed on a batch (rows are examples).
 *
 * @param preActivations Z_l = A_{l-1} W_lᵀ + 1 b_lᵀ for l = 1..L (index l − 1)
 * @param activations A_0 = X, A_l = σ_l(Z_l) for l = 1..L (index l); the last one is the network output
 */
public record ForwardTrace(List<Matrix> preActivations, List<Matrix> activations) {

    public Matrix input() {
        return activations.get(0);
    }

    public Matrix output() {
        return activations.get(activations.size() - 1);
    }

    /** Number of layers with weights. */
    public int layerCount() {
        return preActivations.size();
    }

    /**
     * ReLU activation pattern of layer {@code layer} (0-based) for example {@code example}: unit i is on when
     * its pre-activation is strictly positive.
     */
    public boolean[] pattern(int layer, int example) {
        Matrix z = preActivations.get(layer);
        boolean[] p = new boolean[z.cols()];
        for (int i = 0; i < p.length; i++) {
            p[i] = z.get(example, i) > 0;
        }
        return p;
    }

    /** Concatenated on/off pattern of all hidden layers for one example. */
    public boolean[] fullPattern(int example) {
        int total = 0;
        for (int l = 0; l < layerCount() - 1; l++) {
            total += preActivations.get(l).cols();
        }
        boolean[] p = new boolean[total];
        int o = 0;
        for (int l = 0; l < layerCount() - 1; l++) {
            boolean[] q = pattern(l, example);
            System.arraycopy(q, 0, p, o, q.length);
            o += q.length;
        }
        return p;
    }
}
