package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The constructed minimizer against Adam and L-BFGS on the same architecture (digest §5, E3). */
final class Comparison {
    private Comparison() {
    }

    static CompareResult run(Dataset data, CompareOptions opt, Progress progress) {
        long start = System.nanoTime();
        BuildResult built = Minimizers.build(data, BuildOptions.defaults(opt.layers()).withSeed(opt.seed()));
        ClusteredData cd = built.data();
        Dataset train = cd.toDataset();
        int q = cd.classes();
        int[] sizes = new int[opt.layers() + 2];
        Arrays.fill(sizes, q);
        sizes[sizes.length - 1] = cd.outputDim();
        Objective obj = Objective.of(Loss.MSE);
        List<CompareResult.Run> runs = new ArrayList<>();
        for (int i = 0; i < opt.seeds(); i++) {
            long s = Seeds.child(opt.seed(), i);
            Mlp init = heNormal(sizes, Seeds.rng(s));
            Progress run = progress.prefixed("initialisation " + (i + 1) + "/" + opt.seeds());
            TrainingResult adam = Trainer.train(init, train, obj, TrainingOptions.defaults(Optimizer.ADAM)
                    .withLearningRate(opt.adamRate()).withIterations(opt.adamIterations()).withSeed(s), run);
            runs.add(new CompareResult.Run("adam", s, adam.loss(), adam.history().iteration(), adam.history().loss()));
            TrainingResult lbfgs = Trainer.train(init, train, obj, TrainingOptions.defaults(Optimizer.LBFGS)
                    .withIterations(opt.lbfgsIterations()).withSeed(s), run);
            runs.add(new CompareResult.Run("lbfgs", s, lbfgs.loss(), lbfgs.history().iteration(), lbfgs.history().loss()));
        }
        List<Double> plateaus = new ArrayList<>();
        for (int mask = 0; mask < (1 << q); mask++) {
            if (Integer.bitCount(mask) >= 2) {
                int[] s = new int[Integer.bitCount(mask)];
                for (int k = 0, j = 0; k < q; k++) {
                    if ((mask & (1 << k)) != 0) {
                        s[j++] = k;
                    }
                }
                plateaus.add(LocalMinima.mergedCost(cd, s));
            }
        }
        return new CompareResult(built.cost(), runs, plateaus.stream().mapToDouble(Double::doubleValue).toArray(),
                RunInfo.of(opt.seed(), start));
    }

    /** He-normal initialisation: W ~ N(0, 2/fan_in), b = 0 (digest §5, E3). */
    static Mlp heNormal(int[] sizes, SplittableRandom rng) {
        List<Layer> ls = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            Matrix w = Matrix.zeros(out, in);
            double sd = Math.sqrt(2.0 / in);
            for (int i = 0; i < out; i++) {
                for (int k = 0; k < in; k++) {
                    w.set(i, k, sd * Seeds.gaussian(rng));
                }
            }
            ls.add(new Layer(w, new double[out], l == sizes.length - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new Mlp(ls);
    }
}
