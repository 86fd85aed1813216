package io.nngeom.piecewise.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PatternSearchEnumerator;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** E10 and the dense-grid check: linear regions of shallow, random deep and trained networks. */
final class RegionChecks {
    private RegionChecks() {
    }

    /**
     * A 2-N-1 ReLU net with N lines at evenly spread angles (jittered) through random points of [−0.5, 0.5]²: a
     * generic arrangement (no two parallel, no three concurrent, with probability one).
     */
    static Mlp randomArrangement(int n, SplittableRandom rng) {
        double[] w = new double[2 * n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double th = Math.PI * (i + 0.5 * rng.nextDouble()) / n;
            w[2 * i] = Math.cos(th);
            w[2 * i + 1] = Math.sin(th);
            double px = rng.nextDouble() - 0.5;
            double py = rng.nextDouble() - 0.5;
            b[i] = -(w[2 * i] * px + w[2 * i + 1] * py);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Seeds.gaussian(rng);
        }
        return new Mlp(List.of(new Layer(new Matrix(n, 2, w), b, Activation.RELU),
                new Layer(new Matrix(1, n, v), new double[] {0.1}, Activation.IDENTITY)));
    }

    /** The square [−h, h]² with h = 1.1 × the largest crossing coordinate (at least 1): every crossing is inside. */
    static Box crossingBox(Mlp net) {
        Layer l = net.layer(0);
        int n = l.outputs();
        double h = 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double det = l.w(i, 0) * l.w(j, 1) - l.w(i, 1) * l.w(j, 0);
                double x = (-l.b(i) * l.w(j, 1) + l.b(j) * l.w(i, 1)) / det;
                double y = (-l.w(i, 0) * l.b(j) + l.w(j, 0) * l.b(i)) / det;
                h = Math.max(h, 1.1 * Math.max(Math.abs(x), Math.abs(y)));
            }
        }
        return Box.cube(2, -h, h);
    }

    static ExperimentResult e10(Experiment e, ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e10"));
        int[] ns = ctx.quick() ? new int[] {3, 8, 15, 30} : new int[] {1, 2, 5, 10, 15, 20, 25, 30};
        int formulaMismatch = 0;
        int agreeMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int n : ns) {
            Mlp net = randomArrangement(n, rng);
            Box box = crossingBox(net);
            Partition p = new PlanarPartitioner().enumerate(net, box);
            long expect = RegionBounds.shallowArrangement(n, 2).longValue();
            if (p.count() != expect) {
                formulaMismatch++;
            }
            String lp = "-";
            if (n <= 15 || !ctx.quick()) {
                Partition q = new PatternSearchEnumerator().enumerate(net, box);
                lp = "" + q.count();
                if (!q.patternKeys().equals(p.patternKeys())) {
                    agreeMismatch++;
                }
            }
            rows.add(List.of("shallow 2-" + n + "-1", "" + p.count(), lp, "" + expect, "" + expect, "-"));
        }
        // small deep nets: bounds, sampling, agreement
        int[][] archs = ctx.quick() ? new int[][] {{2, 6, 6, 1}, {2, 8, 4, 1}} : new int[][] {{2, 6, 6, 1}, {2, 8, 4, 1}, {2, 10, 10, 1}, {2, 8, 8, 8, 1}};
        int boundViolations = 0;
        int sampledMissing = 0;
        Partition shown = null;
        for (int[] a : archs) {
            Mlp net = Mlp.random(a, Activation.RELU, rng);
            Box b = Box.cube(2, -2, 2);
            Partition p = new PlanarPartitioner().enumerate(net, b);
            Partition q = new PatternSearchEnumerator().enumerate(net, b);
            if (!q.patternKeys().equals(p.patternKeys())) {
                agreeMismatch++;
            }
            int[] hs = RegionBounds.hiddenSizes(net);
            long upper = RegionBounds.serraUpper(hs).longValue();
            int[] grid = p.gridCheck(net, ctx.quick() ? 300 : 1000);
            if (p.count() > upper || p.count() < grid[0]) {
                boundViolations++;
            }
            sampledMissing += grid[1];
            var low = RegionBounds.montufarLower(hs);
            rows.add(List.of(net.architecture(), "" + p.count(), "" + q.count(), "" + upper, low == null ? "n/a" : low.toString(),
                    "" + grid[0]));
            shown = shown == null ? p : shown;
        }
        return ExperimentResult.builder(e, ctx).param("shallowWidths", java.util.Arrays.toString(ns))
                .param("shallowBox", "square containing every crossing (1.1 x the largest crossing coordinate)")
                .atMost("shallowFormulaMismatches", formulaMismatch, 0)
                .atMost("enumeratorDisagreements", agreeMismatch, 0)
                .atMost("boundViolations", boundViolations, 0)
                .atMost("sampledPatternsMissing", sampledMissing, 0)
                .criterion("shallow nets with all crossings inside the box: regions = 1 + N + C(N,2); deep nets: "
                        + "sampled patterns <= regions <= Serra et al. bound; planar partition and LP search find the same patterns")
                .note("Both enumerators report a region only if it contains a disc of radius 1e-7 (relative to the box); a "
                        + "nearly concurrent triple of lines can make a genuine smaller region, which would then be missing from both.")
                .note("Montufar et al.'s lower bound is on the maximal count over parameters, shown for scale; random nets "
                        + "stay far below it (Hanin & Rolnick 2019).")
                .table(new Table("region-counts", "Linear regions", List.of("net", "planar", "LP search", "Serra upper",
                        "Montufar lower (max)", "sampled patterns"), rows))
                .figure(PartitionSvg.figure("partition-random-deep", "Linear regions of a random " + archs[0].length + "-layer net", shown))
                .build();
    }

    /** Two interleaved half-moons labelled ±1 (a 2-D classification workload). */
    static Dataset moons(int n, SplittableRandom rng) {
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            boolean upper = i % 2 == 0;
            x[2 * i] = upper ? Math.cos(t) : 1 - Math.cos(t);
            x[2 * i + 1] = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            x[2 * i] += 0.1 * Seeds.gaussian(rng);
            x[2 * i + 1] += 0.1 * Seeds.gaussian(rng);
            y[i] = upper ? 1 : -1;
        }
        return Dataset.regression(new Matrix(n, 2, x), new Matrix(n, 1, y));
    }

    /** A 2-32-32-1 ReLU net trained by Adam (MSE to ±1) on the moons. */
    static Mlp trainedMoonsNet(long seed, int iterations, Dataset data) {
        Mlp init = Mlp.random(new int[] {2, 32, 32, 1}, Activation.RELU, Seeds.rng(Seeds.child(seed, "init")));
        TrainingOptions o = TrainingOptions.defaults(Optimizer.ADAM).withLearningRate(0.01).withIterations(iterations).withSeed(seed);
        return Trainer.train(init, data, Objective.of(Loss.MSE), o).model();
    }

    static ExperimentResult grid(Experiment e, ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "grid"));
        Dataset data = moons(400, rng);
        Mlp net = trainedMoonsNet(ctx.seed(), ctx.quick() ? 150 : 2000, data);
        Box box = Box.bounding(data.x(), 0.05);
        Partition p = new PlanarPartitioner().enumerate(net, box);
        int perSide = ctx.quick() ? 400 : 1500;
        int[] g = p.gridCheck(net, perSide);
        double area = 0;
        for (var r : p.regions()) {
            area += r.area();
        }
        ExperimentResult.Builder b = ExperimentResult.builder(e, ctx).param("net", "2-32-32-1 trained (Adam, MSE, two moons)")
                .param("gridPerSide", perSide).param("box", box.toString())
                .measure("regions", p.count()).measure("sampledPatterns", g[0]).measure("partitionSeconds", p.seconds())
                .atMost("sampledPatternsMissing", g[1], 0)
                .atMost("areaDefect", Math.abs(area - box.volume()) / box.volume(), 1e-9)
                .atMost("regionsMinusSerraUpper", p.count() - RegionBounds.serraUpper(RegionBounds.hiddenSizes(net)).doubleValue(), 0);
        if (!ctx.quick()) {
            Partition q = new PatternSearchEnumerator().enumerate(net, box);
            b.atMost("enumeratorSymmetricDifference", symmetricDifference(p, q), 0).measure("lpCount", q.lpCount())
                    .measure("lpSearchSeconds", q.seconds());
        }
        return b.criterion("every activation pattern on a dense grid is a region of the exact partition; the polygons tile the box"
                        + " (area defect <= 1e-9); full run: the LP search finds the same patterns")
                .figure(PartitionSvg.figure("partition-trained", "Linear regions of a trained 2-32-32-1 net (decision boundary bold)", p))
                .build();
    }

    static int symmetricDifference(Partition a, Partition b) {
        var x = new java.util.HashSet<>(a.patternKeys());
        var y = new java.util.HashSet<>(b.patternKeys());
        int d = 0;
        for (String k : x) {
            if (!y.contains(k)) {
                d++;
            }
        }
        for (String k : y) {
            if (!x.contains(k)) {
                d++;
            }
        }
        return d;
    }
}
