package io.nngeom.bench;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one full-batch Adam step (forward, MSE loss, backward, Adam update) of a 2-64-64-1 ReLU network on 4096
 * points in float64, through the real {@link Trainer} code path: each timing is one {@code Trainer.train} run
 * of {@code steps} Adam steps, divided by the number of steps (its one extra closing evaluation and the setup
 * are charged to the steps, so the figure is slightly pessimistic). Prints the median over the repeats.
 *
 * <p>Usage: {@code AdamStepBench [steps=200] [repeats=9] [warmupRuns=5] [points=4096]}.
 */
public final class AdamStepBench {
    private AdamStepBench() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 4096;
        SplittableRandom rng = Seeds.rng(Seeds.DEFAULT);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * rng.nextDouble() - 1;
            double b = 2 * rng.nextDouble() - 1;
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = Math.sin(3 * a) * Math.cos(2 * b);
        }
        Dataset data = Dataset.regression(new Matrix(n, 2, x), new Matrix(n, 1, y));
        Mlp init = Mlp.random(new int[] {2, 64, 64, 1}, Activation.RELU, rng);
        Objective obj = Objective.of(Loss.MSE);
        TrainingOptions opts = TrainingOptions.defaults(Optimizer.ADAM).withIterations(steps);
        double sink = 0;
        for (int w = 0; w < warmup; w++) {
            sink += Trainer.train(init, data, obj, opts).loss();
        }
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            TrainingResult res = Trainer.train(init, data, obj, opts);
            long t1 = System.nanoTime();
            sink += res.loss();
            ms[r] = (t1 - t0) / 1e6 / steps;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[repeats / 2];
        System.out.printf(Locale.ROOT, "java: Adam step 2-64-64-1 relu, %d points, float64: median %.3f ms "
                + "(min %.3f, max %.3f) over %d runs of %d steps; availableProcessors=%d (checksum %.6g)%n",
                n, median, sorted[0], sorted[repeats - 1], repeats, steps, Runtime.getRuntime().availableProcessors(), sink);
        System.out.printf(Locale.ROOT, "java_ms_per_step %.4f%n", median);
        System.out.printf(Locale.ROOT, "java_ms_min %.4f%n", sorted[0]);
    }
}
