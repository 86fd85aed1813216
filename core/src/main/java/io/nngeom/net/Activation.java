package io.nngeom.net;

import java.util.Locale;

/**
 * Elementwise activation σ with its derivative σ'(z). Names (as in the CLI, JSON models and safetensors
 * metadata): {@code relu}, {@code leaky-relu} (α = 0.01) or {@code leaky-relu:α}, {@code tanh},
 * {@code sigmoid}, {@code identity}, {@code softplus}. At a ReLU kink (z = 0) the derivative is 0, the
 * convention of PyTorch.
 */
public record Activation(Kind kind, double alpha) {

    /** The activation families. */
    public enum Kind { RELU, LEAKY_RELU, TANH, SIGMOID, IDENTITY, SOFTPLUS }

    public static final Activation RELU = new Activation(Kind.RELU, 0);
    public static final Activation TANH = new Activation(Kind.TANH, 0);
    public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0);
    public static final Activation IDENTITY = new Activation(Kind.IDENTITY, 0);
    public static final Activation SOFTPLUS = new Activation(Kind.SOFTPLUS, 0);
    /** Default slope of {@code leaky-relu} without an explicit α (PyTorch's default). */
    public static final double DEFAULT_LEAKY_ALPHA = 0.01;

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind is null");
        }
        if (kind == Kind.LEAKY_RELU && !(Double.isFinite(alpha) && alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("leaky-relu slope must lie in [0, 1), got " + alpha);
        }
        if (kind != Kind.LEAKY_RELU) {
            alpha = 0;
        }
    }

    public static Activation leakyRelu(double alpha) {
        return new Activation(Kind.LEAKY_RELU, alpha);
    }

    /**
     * Parses an activation name.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Activation parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (s) {
            case "relu": return RELU;
            case "tanh": return TANH;
            case "sigmoid": return SIGMOID;
            case "identity": case "linear": return IDENTITY;
            case "softplus": return SOFTPLUS;
            case "leaky-relu": case "leakyrelu": return leakyRelu(DEFAULT_LEAKY_ALPHA);
            default:
                if (s.startsWith("leaky-relu:")) {
                    try {
                        return leakyRelu(Double.parseDouble(s.substring("leaky-relu:".length())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad leaky-relu slope in '" + name + "'");
                    }
                }
                throw new IllegalArgumentException("unknown activation '" + name
                        + "' (expected relu, leaky-relu[:alpha], tanh, sigmoid, identity, softplus)");
        }
    }

    /** The canonical name, parseable by {@link #parse}. */
    public String id() {
        return switch (kind) {
            case RELU -> "relu";
            case LEAKY_RELU -> alpha == DEFAULT_LEAKY_ALPHA ? "leaky-relu" : "leaky-relu:" + alpha;
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case IDENTITY -> "identity";
            case SOFTPLUS -> "softplus";
        };
    }

    /** True for activations that are piecewise linear (ReLU, leaky ReLU, identity). */
    public boolean isPiecewiseLinear() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU || kind == Kind.IDENTITY;
    }

    public double apply(double z) {
        return switch (kind) {
            case RELU -> z > 0 ? z : 0.0;
            case LEAKY_RELU -> z > 0 ? z : alpha * z;
            case TANH -> Math.tanh(z);
            case SIGMOID -> z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
            case IDENTITY -> z;
            // log(1 + e^z) computed stably
            case SOFTPLUS -> z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        };
    }

    /** σ'(z). */
    public double derivative(double z) {
        return switch (kind) {
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> z > 0 ? 1.0 : alpha;
            case TANH -> {
                double t = Math.tanh(z);
                yield 1.0 - t * t;
            }
            case SIGMOID -> {
                double s = apply(z);
                yield s * (1.0 - s);
            }
            case IDENTITY -> 1.0;
            case SOFTPLUS -> z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
