package io.nngeom.net;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import java.util.Locale;

/**
 * Data-fit losses of a network output f(x) ∈ R^c against a target y ∈ R^c, summed over examples with weights.
 *
 * <p>Every loss is Σ_i w_i ℓ(f(x_i), y_i) with the per-example loss ℓ and the default weight w_i below
 * ({@code docs/conventions.md}, section "Losses and penalties"):
 * <ul>
 *   <li>{@link #MSE}: ℓ = ‖f − y‖², w_i = 1/N, so the loss is (1/N)Σ‖f(x_i) − y_i‖² (PyTorch's
 *       {@code MSELoss} times the output dimension c; identical for c = 1).</li>
 *   <li>{@link #HALF_SSE}: ℓ = ½‖f − y‖², w_i = 1, so the loss is ½Σ‖f(x_i) − y_i‖².</li>
 *   <li>{@link #SOFTMAX_CE}: ℓ = −Σ_k y_k log softmax(f)_k = (Σ_k y_k)·LSE(f) − Σ_k y_k f_k, w_i = 1/N. With
 *       one-hot targets (class labels) this is −log softmax(f)_{label}, PyTorch's {@code CrossEntropyLoss}.
 *       LSE(f) = m + log Σ_k exp(f_k − m), m = max_k f_k (no overflow).</li>
 * </ul>
 * Sample weights (see {@code io.nngeom.train.Objective}) replace the default w_i.
 */
public enum Loss {
    /** Mean squared error (1/N)Σ‖f(x_i) − y_i‖². */
    MSE("mse"),
    /** Half sum of squares ½Σ‖f(x_i) − y_i‖². */
    HALF_SSE("half-sse"),
    /** Softmax cross-entropy (1/N)Σ −log softmax(f(x_i))_{y_i}. */
    SOFTMAX_CE("softmax");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The name used by the CLI and JSON results: {@code mse}, {@code half-sse}, {@code softmax}. */
    public String id() {
        return id;
    }

    /**
     * Parses a loss name: {@code mse}, {@code half-sse} (also {@code half_sse}, {@code sse}), {@code softmax}
     * (also {@code ce}, {@code cross-entropy}, {@code softmax-ce}).
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Loss parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "mse" -> MSE;
            case "half-sse", "sse", "halfsse" -> HALF_SSE;
            case "softmax", "ce", "cross-entropy", "softmax-ce", "crossentropy" -> SOFTMAX_CE;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "' (expected mse, half-sse, softmax)");
        };
    }

    /** The default weight w_i of each of N examples: 1/N for MSE and cross-entropy, 1 for ½-SSE. */
    public double defaultWeight(int n) {
        return this == HALF_SSE ? 1.0 : 1.0 / n;
    }

    /**
     * Per-example loss ℓ(f, y) of one output row, and (if {@code g} is not null) w·∂ℓ/∂f written into
     * {@code g[go .. go+c)}.
     *
     * @return ℓ(f, y) (unweighted)
     */
    public double example(double[] f, int fo, double[] y, int yo, int c, double w, double[] g, int go) {
        switch (this) {
            case MSE: {
                double s = 0;
                for (int k = 0; k < c; k++) {
                    double d = f[fo + k] - y[yo + k];
                    s += d * d;
                    if (g != null) {
                        g[go + k] = 2.0 * w * d;
                    }
                }
                return s;
            }
            case HALF_SSE: {
                double s = 0;
                for (int k = 0; k < c; k++) {
                    double d = f[fo + k] - y[yo + k];
                    s += d * d;
                    if (g != null) {
                        g[go + k] = w * d;
                    }
                }
                return 0.5 * s;
            }
            default: {
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    m = Math.max(m, f[fo + k]);
                }
                double se = 0;
                for (int k = 0; k < c; k++) {
                    se += Math.exp(f[fo + k] - m);
                }
                double lse = m + Math.log(se);
                double ysum = 0;
                double yf = 0;
                for (int k = 0; k < c; k++) {
                    double yk = y[yo + k];
                    ysum += yk;
                    if (yk != 0) {
                        yf += yk * f[fo + k];
                    }
                }
                if (g != null) {
                    double inv = 1.0 / se;
                    for (int k = 0; k < c; k++) {
                        double p = Math.exp(f[fo + k] - m) * inv;
                        g[go + k] = w * (ysum * p - y[yo + k]);
                    }
                }
                return ysum * lse - yf;
            }
        }
    }

    /**
     * The loss Σ_i w_i ℓ(output_i, y_i) of given outputs (rows are examples) with the default weights.
     */
    public double value(Matrix output, Matrix y) {
        return value(output, y, null);
    }

    /** The loss with explicit per-example weights (null: the default weights). */
    public double value(Matrix output, Matrix y, double[] weights) {
        if (output.rows() != y.rows() || output.cols() != y.cols()) {
            throw new IllegalArgumentException("outputs are " + output.rows() + "x" + output.cols() + " but targets "
                    + y.rows() + "x" + y.cols());
        }
        int n = output.rows();
        int c = output.cols();
        double w0 = defaultWeight(n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? w0 : weights[i];
            if (w != 0) {
                s += w * example(output.data(), i * c, y.data(), i * c, c, w, null, 0);
            }
        }
        return s;
    }

    /** The loss of a network on a data set (default weights). */
    public double value(Mlp net, Dataset data) {
        return value(net.apply(data.x()), data.y());
    }

    @Override
    public String toString() {
        return id;
    }
}
