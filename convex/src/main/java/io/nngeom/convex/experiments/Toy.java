package io.nngeom.convex.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.util.SplittableRandom;

/** Small data sets and gradient-trained baselines shared by the convex experiments (and the CLI's GD overlays). */
public final class Toy {
    private Toy() {
    }

    /** n points x ~ U[−2, 2], y = sin 2x + 0.1·noise (digest e1). */
    static Dataset sine1d(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, 1);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, -2 + 4 * rng.nextDouble());
            y.set(i, 0, Math.sin(2 * x.get(i, 0)) + 0.1 * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }

    /** n Gaussian points in 2-D, y = sin(x₁)·x₂ + 0.1·noise. */
    static Dataset smooth2d(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, Seeds.gaussian(rng));
            x.set(i, 1, Seeds.gaussian(rng));
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }

    /**
     * Trains a d-m-1 ReLU network on ½‖f − y‖² + (β/2)Σ‖W‖² (weights of both layers, biases free) by full-batch
     * Adam with step decay: {@code stepsPerPhase} steps at each of lr, lr/10, …, lr/10^(phases−1) (GD neurons
     * settle with kinks on samples, where the objective is not differentiable; the decaying step lets Adam
     * approach such non-smooth optima).
     */
    public static TrainingResult train(Dataset data, double beta, int width, long seed, int stepsPerPhase, double lr, int phases) {
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

    static double[] grid(double lo, double hi, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = lo + (hi - lo) * i / (k - 1);
        }
        return g;
    }

    static double[] eval1d(Mlp m, double[] xs) {
        Matrix x = Matrix.zeros(xs.length, 1);
        for (int i = 0; i < xs.length; i++) {
            x.set(i, 0, xs[i]);
        }
        return m.apply(x).colArray(0);
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }
}
