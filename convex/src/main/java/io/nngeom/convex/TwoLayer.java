package io.nngeom.convex;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.util.List;

/**
 * Two-layer ReLU networks f(x) = Σ_j α_j (w_jᵀx + b_j)₊ + ξ in the conventions of docs/conventions.md, their
 * regularised objective ½‖f(X) − y‖² + (β/2)Σ_j(‖w_j‖_p² + α_j²) (biases b_j and ξ unpenalised), and the
 * recovery map from a Lasso solution over unit neurons: w = √|z|ŵ, b = √|z|b̂, α = sign(z)√|z|, which makes
 * the penalty of neuron j equal to β|z_j| (rescaling lemma, digest §1.1).
 */
public final class TwoLayer {
    private TwoLayer() {
    }

    /** The network objective of a 2-layer ReLU {@link Mlp} with one output. */
    public static double objective(Mlp m, Matrix x, double[] y, double beta, PenaltyNorm norm) {
        check(m);
        Matrix f = m.apply(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = f.get(i, 0) - y[i];
            s += r * r;
        }
        return 0.5 * s + beta * penalty(m, norm) / 1.0;
    }

    /** ½Σ_j(‖w_j‖_p² + α_j²) (so that the objective adds β times this). */
    public static double penalty(Mlp m, PenaltyNorm norm) {
        Layer h = m.layer(0);
        Layer o = m.layer(1);
        double pen = 0;
        for (int j = 0; j < h.outputs(); j++) {
            double nw = norm.norm(h.weight().rowArray(j));
            double a = o.w(0, j);
            pen += nw * nw + a * a;
        }
        return 0.5 * pen;
    }

    /** Throws an {@link InputException} unless m is a 2-layer ReLU network with one output. */
    public static void check(Mlp m) {
        if (m.layerCount() != 2 || !m.layer(0).activation().id().startsWith("relu") || m.outputDim() != 1
                || !m.layer(1).activation().id().equals("identity")) {
            throw new InputException("model: expected a 2-layer ReLU network with one linear output (d-m-1), got "
                    + m.architecture() + " with activations " + m.layer(0).activation().id() + ", " + m.layer(1).activation().id());
        }
    }

    /** Recovers the network of a Lasso solution z (with intercept ξ) over a dictionary of unit neurons. */
    public static Mlp recover(Dictionary dict, double[] z, double xi) {
        int d = dict.data().cols();
        int m = 0;
        for (double v : z) {
            if (v != 0) {
                m++;
            }
        }
        Matrix w = Matrix.zeros(Math.max(m, 1), d);
        double[] b = new double[Math.max(m, 1)];
        Matrix a = Matrix.zeros(1, Math.max(m, 1));
        int k = 0;
        for (int j = 0; j < z.length; j++) {
            if (z[j] != 0) {
                double s = Math.sqrt(Math.abs(z[j]));
                double[] dir = dict.direction(j);
                for (int q = 0; q < d; q++) {
                    w.set(k, q, s * dir[q]);
                }
                b[k] = s * dict.bias(j);
                a.set(0, k, Math.signum(z[j]) * s);
                k++;
            }
        }
        return of(w, b, a, xi);
    }

    /** A 2-layer ReLU network from its hidden weights (m×d), hidden biases, output weights (1×m) and ξ. */
    public static Mlp of(Matrix w, double[] b, Matrix alpha, double xi) {
        return new Mlp(List.of(new Layer(w, b, Activation.parse("relu")),
                new Layer(alpha, new double[] {xi}, Activation.parse("identity"))));
    }

    /**
     * Trains a d-m-1 ReLU network on ½‖f − y‖² + (β/2)Σ‖W‖² (weights of both layers, biases free) by full-batch
     * Adam with step decay: {@code stepsPerPhase} steps at each of lr, lr/10, …, lr/10^(phases−1) (GD neurons
     * settle with kinks on samples, where the objective is not differentiable; the decaying step lets Adam
     * approach such non-smooth optima).
     */
    public static TrainingResult adam(Dataset data, double beta, int width, long seed, int stepsPerPhase, double lr, int phases) {
        Mlp init = Mlp.random(new int[] {data.inputDim(), width, 1}, Activation.parse("relu"), Seeds.rng(seed));
        Objective obj = new Objective(Loss.HALF_SSE, Penalty.l2(beta), null);
        TrainingResult r = null;
        Mlp m = init;
        double rate = lr;
        for (int ph = 0; ph < Math.max(1, phases); ph++) {
            r = Trainer.train(m, data, obj, TrainingOptions.defaults(Optimizer.ADAM)
                    .withLearningRate(rate).withIterations(stepsPerPhase).withSeed(seed));
            m = r.model();
            rate /= 10;
        }
        return r;
    }
}
