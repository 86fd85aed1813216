package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative parameters of a ReLU network whose hidden layers are square and invertible (Chen and Muñoz Ewald,
 * digest §1.4): A_ℓ = W_ℓ ⋯ W_1 and c_ℓ = W_ℓ c_{ℓ−1} + b_ℓ (c_0 = 0), so that the ℓ-th hidden activation is
 * x^{(ℓ)} = A_ℓ z_ℓ + c_ℓ with the curated input z_ℓ = τ_{A_ℓ,c_ℓ}(z_{ℓ−1}), z_0 = x; and the output is
 * G z_L + g with G = W_{L+1} A_L, g = W_{L+1} c_L + b_{L+1}.
 *
 * @param hidden the truncations τ_{A_ℓ,c_ℓ}, ℓ = 1..L
 * @param g the output's linear part G (D×Q)
 * @param gBias the output's offset g
 */
public record CumulativeParameters(List<Truncation> hidden, Matrix g, double[] gBias) {

    public CumulativeParameters {
        hidden = List.copyOf(hidden);
        g = g.copy();
        gBias = gBias.clone();
    }

    /**
     * Cumulative parameters of a network with ReLU hidden layers of width Q on inputs of dimension Q and an
     * affine output layer.
     *
     * @throws IllegalArgumentException when a hidden layer is not square, not ReLU, or the output is not affine
     */
    public static CumulativeParameters of(Mlp net) {
        int q = net.inputDim();
        Matrix acc = Matrix.identity(q);
        double[] c = new double[q];
        List<Truncation> ts = new ArrayList<>();
        for (int l = 0; l < net.hiddenLayerCount(); l++) {
            Layer layer = net.layer(l);
            if (layer.inputs() != q || layer.outputs() != q) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " is " + layer.outputs() + "x"
                        + layer.inputs() + "; cumulative parameters need width " + q);
            }
            if (layer.activation().kind() != Activation.Kind.RELU) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " is not ReLU");
            }
            Matrix w = layer.weight();
            acc = Linalg.mult(w, acc);
            double[] nc = w.times(c);
            for (int i = 0; i < q; i++) {
                nc[i] += layer.b(i);
            }
            c = nc;
            ts.add(new Truncation(acc, c));
        }
        Layer out = net.layer(net.layerCount() - 1);
        if (out.activation().kind() != Activation.Kind.IDENTITY) {
            throw new IllegalArgumentException("the output layer must be affine");
        }
        Matrix w = out.weight();
        double[] gb = w.times(c);
        for (int i = 0; i < gb.length; i++) {
            gb[i] += out.b(i);
        }
        return new CumulativeParameters(ts, Linalg.mult(w, acc), gb);
    }

    /**
     * The network with these cumulative parameters: W_1 = A_1, b_1 = c_1; W_ℓ = A_ℓ A_{ℓ−1}⁻¹,
     * b_ℓ = c_ℓ − W_ℓ c_{ℓ−1}; W_{L+1} = G A_L⁻¹, b_{L+1} = g − W_{L+1} c_L.
     */
    public Mlp toMlp() {
        int q = g.cols();
        List<Layer> layers = new ArrayList<>();
        Matrix prevA = Matrix.identity(q);
        double[] prevC = new double[q];
        for (Truncation t : hidden) {
            Matrix w = Linalg.solve(prevA.transpose(), t.a().transpose()).transpose(); // A_ℓ A_{ℓ−1}⁻¹
            layers.add(new Layer(w, minus(t.c(), w.times(prevC)), Activation.RELU));
            prevA = t.a();
            prevC = t.c();
        }
        Matrix w = Linalg.solve(prevA.transpose(), g.transpose()).transpose();
        layers.add(new Layer(w, minus(gBias, w.times(prevC)), Activation.IDENTITY));
        return new Mlp(layers);
    }

    /** The curated copies Z_0 = X, Z_ℓ = τ_ℓ(Z_{ℓ−1}) of a batch (rows are examples); L + 1 matrices. */
    public List<Matrix> curated(Matrix x) {
        List<Matrix> zs = new ArrayList<>();
        zs.add(x);
        Matrix z = x;
        for (Truncation t : hidden) {
            z = t.apply(z);
            zs.add(z);
        }
        return zs;
    }

    /** The network output computed in input space: G z_L + g for every row. */
    public Matrix output(Matrix x) {
        List<Matrix> zs = curated(x);
        Matrix out = Linalg.multTransB(zs.get(zs.size() - 1), g);
        for (int r = 0; r < out.rows(); r++) {
            for (int d = 0; d < out.cols(); d++) {
                out.set(r, d, out.get(r, d) + gBias[d]);
            }
        }
        return out;
    }

    @Override
    public Matrix g() {
        return g.copy();
    }

    @Override
    public double[] gBias() {
        return gBias.clone();
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }
}
