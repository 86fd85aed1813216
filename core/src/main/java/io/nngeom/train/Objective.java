package io.nngeom.train;

import io.nngeom.data.Dataset;
import io.nngeom.net.Backprop;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import java.util.Arrays;

/**
 * The training objective J(θ) = Σ_i w_i ℓ(f_θ(x_i), y_i) + P(θ): a {@link Loss} with per-example weights w_i
 * plus a {@link Penalty}.
 *
 * @param loss the data-fit loss
 * @param penalty the explicit penalty (never null; {@link Penalty#NONE} for none)
 * @param sampleWeights per-example nonnegative weights w_i replacing the loss's default (1/N for MSE and
 *        cross-entropy, 1 for ½-SSE), or null for the default. With weights p_i of a probability distribution,
 *        MSE becomes the population loss Σ_i p_i‖f(x_i) − y_i‖².
 */
public record Objective(Loss loss, Penalty penalty, double[] sampleWeights) {

    public Objective {
        if (loss == null) {
            throw new IllegalArgumentException("loss is null");
        }
        if (penalty == null) {
            penalty = Penalty.NONE;
        }
        if (sampleWeights != null) {
            sampleWeights = sampleWeights.clone();
            for (int i = 0; i < sampleWeights.length; i++) {
                double w = sampleWeights[i];
                if (!(Double.isFinite(w) && w >= 0)) {
                    throw new IllegalArgumentException("sample weight " + i + " must be finite and >= 0, got " + w);
                }
            }
        }
    }

    /** The loss alone, default weights, no penalty. */
    public static Objective of(Loss loss) {
        return new Objective(loss, Penalty.NONE, null);
    }

    public static Objective of(Loss loss, Penalty penalty) {
        return new Objective(loss, penalty, null);
    }

    public Objective withPenalty(Penalty p) {
        return new Objective(loss, p, sampleWeights);
    }

    public Objective withSampleWeights(double[] w) {
        return new Objective(loss, penalty, w);
    }

    /** The weight w_i of every example of a data set of n examples. */
    public double[] weights(int n) {
        checkSize(n);
        double[] w = new double[n];
        if (sampleWeights == null) {
            Arrays.fill(w, loss.defaultWeight(n));
        } else {
            System.arraycopy(sampleWeights, 0, w, 0, n);
        }
        return w;
    }

    void checkSize(int n) {
        if (sampleWeights != null && sampleWeights.length != n) {
            throw new IllegalArgumentException("objective has " + sampleWeights.length + " sample weights, data set has "
                    + n + " examples");
        }
    }

    /** J(θ) = loss + penalty. */
    public double value(Mlp net, Dataset data) {
        return function(net, data).value(net.parameters());
    }

    /** The loss part Σ_i w_i ℓ_i alone (no penalty). */
    public double loss(Mlp net, Dataset data) {
        return function(net, data).loss(net.parameters());
    }

    /** J(θ), and ∇J(θ) written into {@code gradOut} in the flat order of {@link Mlp#parameters()}. */
    public double valueAndGradient(Mlp net, Dataset data, double[] gradOut) {
        return function(net, data).valueAndGradient(net.parameters(), gradOut);
    }

    /**
     * J as a function of the flat parameters of networks shaped like {@code shape}, on {@code data}; reuses its
     * workspaces between calls (not thread-safe).
     */
    public NetworkFunction function(Mlp shape, Dataset data) {
        checkSize(data.size());
        return new NetworkFunction(shape, data);
    }

    /** J(θ) over flat parameters θ for a fixed architecture and data set. */
    public final class NetworkFunction implements DiffFunction {
        private final Mlp shape;
        private final Dataset data;
        private final Backprop engine;
        private final ParameterLayout layout;
        private double lastLoss = Double.NaN;

        NetworkFunction(Mlp shape, Dataset data) {
            this.shape = shape;
            this.data = data;
            this.engine = new Backprop(shape, loss);
            this.layout = ParameterLayout.of(shape);
        }

        @Override
        public int dimension() {
            return engine.parameterCount();
        }

        public ParameterLayout layout() {
            return layout;
        }

        public Mlp shape() {
            return shape;
        }

        /** The loss part of the last evaluation. */
        public double lastLoss() {
            return lastLoss;
        }

        private double scale() {
            return sampleWeights == null ? loss.defaultWeight(data.size()) : 1.0;
        }

        /** Σ_i w_i ℓ_i at θ (no penalty). */
        public double loss(double[] theta) {
            lastLoss = engine.evaluate(theta, data.x(), data.y(), null, data.size(), sampleWeights, scale(), null);
            return lastLoss;
        }

        @Override
        public double value(double[] theta) {
            return loss(theta) + penalty.value(theta, layout);
        }

        @Override
        public double valueAndGradient(double[] theta, double[] grad) {
            lastLoss = engine.evaluate(theta, data.x(), data.y(), null, data.size(), sampleWeights, scale(), grad);
            penalty.addGradient(theta, layout, grad);
            return lastLoss + penalty.value(theta, layout);
        }

        /**
         * Mini-batch estimate of J: the examples {@code rows[0..count)} with weights multiplied by N/count (so
         * that the loss part is an unbiased estimate of the full one under uniform sampling; for MSE and
         * cross-entropy with default weights this is the batch mean) plus the full penalty.
         */
        public double batchValueAndGradient(double[] theta, int[] rows, int count, double[] grad) {
            double s;
            if (sampleWeights == null && loss != Loss.HALF_SSE) {
                s = 1.0 / count;
            } else {
                s = scale() * ((double) data.size() / count);
            }
            lastLoss = engine.evaluate(theta, data.x(), data.y(), rows, count, sampleWeights, s, grad);
            if (grad != null) {
                penalty.addGradient(theta, layout, grad);
            }
            return lastLoss + penalty.value(theta, layout);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Objective ob && ob.loss == loss && ob.penalty.equals(penalty)
                && Arrays.equals(ob.sampleWeights, sampleWeights);
    }

    @Override
    public int hashCode() {
        return loss.hashCode() * 31 + penalty.hashCode() + Arrays.hashCode(sampleWeights);
    }

    @Override
    public String toString() {
        return "Objective[" + loss + ", penalty " + penalty + (sampleWeights == null ? "" : ", weighted") + "]";
    }
}
