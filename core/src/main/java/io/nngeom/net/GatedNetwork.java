package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;

/**
 * A gated-ReLU network (Fiat, Malach and Shalev-Shwartz 2019; the C-GReLU model of Mishkin, Sahiner and Pilanci 2022):
 *
 * <pre>f_k(x) = Σ_i 1[g_iᵀx̃ ≥ 0] · u_{k,i}ᵀx̃,   x̃ = [s(x), 1] with a bias, s(x) otherwise,</pre>
 *
 * with fixed gate vectors g_i, one weight vector u_{k,i} per output k and neuron i, and s(x) = (x − μ)/σ the
 * standardisation the model was trained with (identity when it has none). The gate is on when g_iᵀx̃ ≥ 0 (the
 * convention of the arrangement patterns it was trained on). Immutable value.
 *
 * <p>Layout (as in the files, docs/formats.md): gates m×q (row i = g_i), weights c×m×q row-major
 * (entry [k, i, j] at (k·m + i)·q + j), q = d + 1 with a bias, d without.
 */
public final class GatedNetwork {
    private final Matrix gates;
    private final double[] weights;
    private final int outputs;
    private final boolean bias;
    private final double[] mean;
    private final double[] scale;

    /**
     * @param gates m×q gate vectors (rows)
     * @param weights c·m·q weights, [k, i, j] at (k·m + i)·q + j
     * @param outputs c
     * @param bias whether x̃ ends in a ones coordinate
     * @param mean μ of the standardisation (d values), or null for none
     * @param scale σ of the standardisation (d positive values), or null for none
     */
    public GatedNetwork(Matrix gates, double[] weights, int outputs, boolean bias, double[] mean, double[] scale) {
        int q = gates.cols();
        int m = gates.rows();
        if (m < 1 || outputs < 1 || q < (bias ? 2 : 1)) {
            throw new IllegalArgumentException("a gated network needs at least one gate, one output and one input, got m = " + m
                    + ", c = " + outputs + ", q = " + q);
        }
        if (weights.length != (long) outputs * m * q) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values, expected c*m*q = " + outputs + "*" + m + "*" + q);
        }
        if ((mean == null) != (scale == null)) {
            throw new IllegalArgumentException("standardisation needs both mean and scale");
        }
        int d = bias ? q - 1 : q;
        if (mean != null && (mean.length != d || scale.length != d)) {
            throw new IllegalArgumentException("standardisation has " + mean.length + " / " + scale.length + " values, inputs " + d);
        }
        this.gates = gates.copy();
        this.weights = weights.clone();
        this.outputs = outputs;
        this.bias = bias;
        this.mean = mean == null ? null : mean.clone();
        this.scale = scale == null ? null : scale.clone();
    }

    /** Inputs d. */
    public int inputDim() {
        return bias ? gates.cols() - 1 : gates.cols();
    }

    /** Outputs c. */
    public int outputDim() {
        return outputs;
    }

    /** Gates m. */
    public int width() {
        return gates.rows();
    }

    public boolean bias() {
        return bias;
    }

    /** The m×q gates (a copy). */
    public Matrix gates() {
        return gates.copy();
    }

    /** The c·m·q weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** μ of the standardisation, or null. */
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** σ of the standardisation, or null. */
    public double[] scale() {
        return scale == null ? null : scale.clone();
    }

    /** {@code gated d-m-c}. */
    public String architecture() {
        return "gated " + inputDim() + "-" + width() + "-" + outputs;
    }

    /** Neurons with a nonzero weight vector for some output. */
    public int activeNeurons() {
        int q = gates.cols();
        int m = gates.rows();
        int active = 0;
        for (int i = 0; i < m; i++) {
            boolean on = false;
            for (int k = 0; k < outputs && !on; k++) {
                for (int j = 0; j < q && !on; j++) {
                    on = weights[(k * m + i) * q + j] != 0;
                }
            }
            active += on ? 1 : 0;
        }
        return active;
    }

    /** Parameters c·m·q (the gates are fixed, not counted). */
    public int parameterCount() {
        return weights.length;
    }

    /** The rows x̃ the gates and weights act on: standardised inputs, with a ones column when the model has a bias. */
    public Matrix features(Matrix x) {
        int d = inputDim();
        if (x.cols() != d) {
            throw new IllegalArgumentException("the model takes " + d + " inputs, got " + x.cols());
        }
        int q = gates.cols();
        Matrix a = Matrix.zeros(x.rows(), q);
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < d; j++) {
                a.set(r, j, mean == null ? x.get(r, j) : (x.get(r, j) - mean[j]) / scale[j]);
            }
            if (bias) {
                a.set(r, d, 1);
            }
        }
        return a;
    }

    /** The gate pattern on the rows of x: entry (r, i) is true when g_iᵀx̃_r ≥ 0. */
    public boolean[][] pattern(Matrix x) {
        Matrix a = features(x);
        boolean[][] on = new boolean[x.rows()][gates.rows()];
        for (int r = 0; r < a.rows(); r++) {
            for (int i = 0; i < gates.rows(); i++) {
                on[r][i] = dot(a, r, gates.data(), i * gates.cols()) >= 0;
            }
        }
        return on;
    }

    /** The outputs on the rows of x (n×c). */
    public Matrix apply(Matrix x) {
        Matrix a = features(x);
        boolean[][] on = pattern(x);
        int m = gates.rows();
        int q = gates.cols();
        Matrix f = Matrix.zeros(x.rows(), outputs);
        for (int r = 0; r < a.rows(); r++) {
            for (int k = 0; k < outputs; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    if (on[r][i]) {
                        s += dot(a, r, weights, (k * m + i) * q);
                    }
                }
                f.set(r, k, s);
            }
        }
        return f;
    }

    /** Row r of a dotted with v[off, off + q), summed in index order (the order of the training patterns). */
    private static double dot(Matrix a, int r, double[] v, int off) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            s += a.get(r, j) * v[off + j];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatedNetwork g && g.gates.equals(gates) && Arrays.equals(g.weights, weights) && g.outputs == outputs
                && g.bias == bias && Arrays.equals(g.mean, mean) && Arrays.equals(g.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * gates.hashCode() + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return architecture();
    }
}
