package io.nngeom.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiniBatchAdamTest {

    static Dataset classes(int n, int d, int c, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        double[] x = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = 2 * rng.nextDouble() - 1;
            }
            labels[i] = rng.nextInt(c);
        }
        return Dataset.classification(new Matrix(n, d, x), labels, c);
    }

    /**
     * Mini-batch Adam against a loop written here from the definitions: the seeded Fisher–Yates shuffle of
     * docs/conventions.md, each batch evaluated as its own data set ({@link Dataset#subset}, full-batch objective,
     * so the batch mean), and textbook Adam (Kingma &amp; Ba, Algorithm 1 with ε added to √v̂). The gradients are
     * bit-identical (same example order, batches below the two-thread threshold); only the Adam arithmetic is
     * ordered differently (PyTorch's fused operations), a few ulps per step on updates of size ≤ η = 0.01 that are
     * normalised by √v̂, so after 8 steps the parameters agree to far better than 1e-12 while one wrong batch
     * would move them by about η.
     */
    @Test
    void matchesHandWrittenLoopIncludingShortLastBatch() {
        int n = 100;
        int batch = 32;
        int steps = 8; // two epochs of 32, 32, 32, 4
        long seed = 77;
        Dataset data = classes(n, 3, 4, 5);
        Mlp init = Mlp.random(new int[] {3, 12, 12, 4}, Activation.RELU, Seeds.rng(9));
        Objective obj = Objective.of(Loss.SOFTMAX_CE);
        double lr = 0.01;
        TrainingOptions o = TrainingOptions.defaults(Optimizer.ADAM).withBatchSize(batch).withIterations(steps)
                .withLearningRate(lr).withSeed(seed);
        double[] fast = Trainer.train(init, data, obj, o).model().parameters();

        double[] theta = init.parameters();
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        double[] g = new double[theta.length];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int pos = n;
        for (int t = 1; t <= steps; t++) {
            if (pos == n) {
                for (int i = n - 1; i > 0; i--) {
                    int r = rng.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[r];
                    perm[r] = tmp;
                }
                pos = 0;
            }
            int count = Math.min(batch, n - pos);
            int[] idx = Arrays.copyOfRange(perm, pos, pos + count);
            pos += count;
            obj.valueAndGradient(init.withParameters(theta), data.subset(idx), g);
            for (int i = 0; i < theta.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        double maxDiff = 0;
        double moved = 0;
        double[] start = init.parameters();
        for (int i = 0; i < theta.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(theta[i] - fast[i]));
            moved = Math.max(moved, Math.abs(fast[i] - start[i]));
        }
        assertThat(moved).as("the run moved the parameters").isGreaterThan(1e-3);
        assertThat(maxDiff).isLessThan(1e-12);
    }

    @Test
    void sameSeedSameWeightsAndOtherSeedOtherWeights() {
        Dataset data = classes(600, 4, 3, 6);
        Mlp init = Mlp.random(new int[] {4, 16, 3}, Activation.RELU, Seeds.rng(2));
        Objective obj = Objective.of(Loss.SOFTMAX_CE);
        // batches of 300 run on two threads (two fixed halves)
        TrainingOptions o = TrainingOptions.defaults(Optimizer.ADAM).withBatchSize(300).withIterations(6).withSeed(1);
        double[] a = Trainer.train(init, data, obj, o).model().parameters();
        double[] b = Trainer.train(init, data, obj, o).model().parameters();
        double[] c = Trainer.train(init, data, obj, o.withSeed(2)).model().parameters();
        assertThat(b).containsExactly(a);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @Test
    void batchOfWholeDataSetIsFullBatchAdam() {
        Dataset data = classes(50, 2, 2, 3);
        Mlp init = Mlp.random(new int[] {2, 8, 2}, Activation.RELU, Seeds.rng(4));
        Objective obj = Objective.of(Loss.SOFTMAX_CE);
        TrainingOptions full = TrainingOptions.defaults(Optimizer.ADAM).withIterations(5);
        double[] a = Trainer.train(init, data, obj, full).model().parameters();
        double[] b = Trainer.train(init, data, obj, full.withBatchSize(50)).model().parameters();
        assertThat(b).containsExactly(a);
    }
}
