package io.nngeom.bench;

import io.nngeom.data.Dataset;
import io.nngeom.io.AtomicFiles;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PatternSearchEnumerator;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Linear-region benchmark: trains a 2-32-32-1 ReLU net on two moons (Adam, MSE to ±1), then times the exact 2-D
 * partition of its data box (median of repeated runs after warm-up), the LP pattern search (regions per second,
 * LPs per region), and compares both with a dense grid of sampled activation patterns.
 *
 * <p>Usage: {@code RegionsBench [OUT_DIR] [ITERATIONS]}; writes {@code regions-bench.json}, the trained model
 * {@code moons-2-32-32-1.safetensors} and its data box into OUT_DIR (default {@code bench-out}).
 */
public final class RegionsBench {
    private RegionsBench() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        long seed = Seeds.DEFAULT;
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "moons"));
        int n = 400;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            boolean upper = i % 2 == 0;
            x[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + 0.1 * Seeds.gaussian(rng);
            x[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + 0.1 * Seeds.gaussian(rng);
            y[i] = upper ? 1 : -1;
        }
        Dataset data = Dataset.regression(new Matrix(n, 2, x), new Matrix(n, 1, y));
        Mlp init = Mlp.random(new int[] {2, 32, 32, 1}, Activation.RELU, Seeds.rng(Seeds.child(seed, "init")));
        long t0 = System.nanoTime();
        Mlp net = Trainer.train(init, data, Objective.of(Loss.MSE),
                TrainingOptions.defaults(Optimizer.ADAM).withLearningRate(0.01).withIterations(iterations).withSeed(seed)).model();
        double trainSec = (System.nanoTime() - t0) / 1e9;
        double mse = Objective.of(Loss.MSE).loss(net, data);
        Box box = Box.bounding(data.x(), 0.05);
        out.toFile().mkdirs();
        ModelIo.write(net, out.resolve("moons-2-32-32-1.safetensors"));

        PlanarPartitioner planar = new PlanarPartitioner();
        for (int w = 0; w < 5; w++) {
            planar.enumerate(net, box);
        }
        int reps = 15;
        double[] secs = new double[reps];
        Partition p = null;
        for (int r = 0; r < reps; r++) {
            p = planar.enumerate(net, box);
            secs[r] = p.seconds();
        }
        Arrays.sort(secs);
        double planarMedian = secs[reps / 2];

        PatternSearchEnumerator lp = new PatternSearchEnumerator();
        Partition q = lp.enumerate(net, box);

        int perSide = 2000;
        int[] grid = p.gridCheck(net, perSide);
        int[] gridLp = q.gridCheck(net, perSide);
        Set<String> a = new HashSet<>(p.patternKeys());
        Set<String> b = new HashSet<>(q.patternKeys());
        Set<String> onlyPlanar = new HashSet<>(a);
        onlyPlanar.removeAll(b);
        Set<String> onlyLp = new HashSet<>(b);
        onlyLp.removeAll(a);

        String json = String.format(Locale.ROOT, "{%n"
                        + "  \"net\": \"2-32-32-1 relu, Adam %d iterations, MSE %.4g, trained in %.2f s\",%n"
                        + "  \"box\": \"%s\",%n"
                        + "  \"regions\": %d,%n  \"planarMedianSeconds\": %.4f,%n  \"planarMinSeconds\": %.4f,%n"
                        + "  \"planarRegionsPerSecond\": %.0f,%n  \"decisionBoundarySegments\": %d,%n"
                        + "  \"lpRegions\": %d,%n  \"lpSeconds\": %.3f,%n  \"lpRegionsPerSecond\": %.1f,%n  \"lpCount\": %d,%n"
                        + "  \"lpPerRegion\": %.2f,%n  \"patternsOnlyPlanar\": %d,%n  \"patternsOnlyLp\": %d,%n"
                        + "  \"gridPerSide\": %d,%n  \"gridDistinctPatterns\": %d,%n  \"gridPatternsMissingPlanar\": %d,%n"
                        + "  \"gridPatternsMissingLp\": %d,%n  \"serraUpperBound\": %s%n}%n",
                iterations, mse, trainSec, box, p.count(), planarMedian, secs[0], p.count() / planarMedian, p.boundarySegments(),
                q.count(), q.seconds(), q.count() / q.seconds(), q.lpCount(), q.lpCount() / (double) q.count(),
                onlyPlanar.size(), onlyLp.size(), perSide, grid[0], grid[1], gridLp[1],
                RegionBounds.serraUpper(RegionBounds.hiddenSizes(net)));
        AtomicFiles.writeString(out.resolve("regions-bench.json"), json);
        StringBuilder boxText = new StringBuilder();
        boxText.append(box.lo(0)).append(',').append(box.hi(0)).append(',').append(box.lo(1)).append(',').append(box.hi(1));
        AtomicFiles.writeString(out.resolve("box.txt"), boxText + "\n");
        System.out.print(json);
    }
}
