package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The generalised affine map of a linear region (digest §4.4): on the region of x, hidden layers 1..ℓ compute
 * h^ℓ = A_ℓ x + b_ℓ with A_ℓ = D_ℓ W_ℓ ⋯ D_1 W_1 (D = diag of the pattern, α for leaky ReLU); the layer is
 * injective on the region when rank A_ℓ = n. The last entry is the output's affine map.
 */
public final class GeneralizedAffine {
    private GeneralizedAffine() {
    }

    /**
     * @param layer 1-based layer index (the last is the output layer)
     * @param a A_ℓ (width × n)
     * @param b b_ℓ
     * @param rank rank of A_ℓ
     * @param injective rank = n
     * @param active active units of the layer at x
     */
    public record LayerMap(int layer, Matrix a, double[] b, int rank, boolean injective, int active) {
    }

    public static List<LayerMap> at(Mlp net, double[] x) {
        int n = net.inputDim();
        Matrix a = Matrix.identity(n);
        double[] b = new double[n];
        double[] h = x.clone();
        List<LayerMap> out = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            Layer ly = net.layer(l);
            double[] z = ly.preActivation(h);
            Matrix na = Linalg.mult(ly.weight(), a);
            double[] nb = ly.weight().times(b);
            int active = 0;
            for (int i = 0; i < z.length; i++) {
                nb[i] += ly.b(i);
                double d = ly.activation().derivative(z[i]);
                if (z[i] > 0) {
                    active++;
                }
                if (d != 1) {
                    for (int q = 0; q < n; q++) {
                        na.set(i, q, d * na.get(i, q));
                    }
                    nb[i] *= d;
                }
                z[i] = ly.activation().apply(z[i]);
            }
            int rank = na.maxAbs() == 0 ? 0 : Linalg.rank(na);
            out.add(new LayerMap(l + 1, na, nb, rank, rank == n, active));
            a = na;
            b = nb;
            h = z;
        }
        return out;
    }
}
