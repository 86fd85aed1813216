package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;

/**
 * One dense layer a = σ(W x + b). The weight is stored out×in (PyTorch's {@code nn.Linear} convention);
 * on a batch X whose rows are examples the pre-activation is Z = X Wᵀ + 1 bᵀ. Immutable: the arrays are
 * copied on construction and never handed out unless copied.
 */
public final class Layer {
    private final Matrix weight;
    private final double[] bias;
    private final Activation activation;

    public Layer(Matrix weight, double[] bias, Activation activation) {
        if (weight.rows() <= 0 || weight.cols() <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive, got " + weight.rows() + "x" + weight.cols());
        }
        if (bias.length != weight.rows()) {
            throw new IllegalArgumentException("bias length " + bias.length + " != output size " + weight.rows());
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
        this.weight = weight.copy();
        this.bias = bias.clone();
        this.activation = activation;
    }

    public int inputs() {
        return weight.cols();
    }

    public int outputs() {
        return weight.rows();
    }

    /** Copy of W (out×in). */
    public Matrix weight() {
        return weight.copy();
    }

    /** Copy of b. */
    public double[] bias() {
        return bias.clone();
    }

    /** W(i, j) without copying. */
    public double w(int i, int j) {
        return weight.get(i, j);
    }

    /** b(i) without copying. */
    public double b(int i) {
        return bias[i];
    }

    public Activation activation() {
        return activation;
    }

    public int parameterCount() {
        return weight.rows() * weight.cols() + bias.length;
    }

    /** The same weights with another activation. */
    public Layer withActivation(Activation a) {
        return new Layer(weight, bias, a);
    }

    /** Pre-activation W x + b of one input. */
    public double[] preActivation(double[] x) {
        double[] z = weight.times(x);
        for (int i = 0; i < z.length; i++) {
            z[i] += bias[i];
        }
        return z;
    }

    /** Batch pre-activation Z = X Wᵀ + 1 bᵀ (rows are examples). */
    public Matrix preActivation(Matrix x) {
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException("input has " + x.cols() + " columns, layer expects " + inputs());
        }
        int n = x.rows();
        int in = inputs();
        int out = outputs();
        double[] xd = x.data();
        double[] wd = weight.data();
        double[] z = new double[n * out];
        for (int r = 0; r < n; r++) {
            int xo = r * in;
            int zo = r * out;
            for (int i = 0; i < out; i++) {
                double s = bias[i];
                int wo = i * in;
                for (int j = 0; j < in; j++) {
                    s += xd[xo + j] * wd[wo + j];
                }
                z[zo + i] = s;
            }
        }
        return new Matrix(n, out, z);
    }

    /** Backing weight matrix, for code in this package that promises not to modify it. */
    Matrix weightView() {
        return weight;
    }

    double[] biasView() {
        return bias;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layer l && l.activation.equals(activation) && l.weight.equals(weight)
                && Arrays.equals(l.bias, bias);
    }

    @Override
    public int hashCode() {
        return weight.hashCode() * 31 + Arrays.hashCode(bias) + activation.hashCode();
    }
}
