package io.nngeom.piecewise.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.AffineLift;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/** Helpers the piecewise experiments share (random instances, tolerances, small comparisons). */
final class ExperimentHelpers {
    private ExperimentHelpers() {
    }

    /** The digest's exactness tolerance: 1e-9·(1 + max|f|). */
    static final double TOL = 1e-9;

    static Pwl1d randomPwl(int k, SplittableRandom rng) {
        double[] t = new double[k];
        for (int j = 0; j < k; j++) {
            t[j] = -5 + 10 * rng.nextDouble();
        }
        Arrays.sort(t);
        double[] s = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            s[j] = Seeds.gaussian(rng);
        }
        return new Pwl1d(t, s, Seeds.gaussian(rng));
    }

    /** Largest difference of matching jumps v·w between two canonical nets (∞ if the hyperplanes differ). */
    static double jumpDistance(AffineLift.Canonical a, AffineLift.Canonical b) {
        if (a.effectiveUnits() != b.effectiveUnits()) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (AffineLift.Unit u : a.units()) {
            double best = Double.POSITIVE_INFINITY;
            for (AffineLift.Unit v : b.units()) {
                double d = Math.abs(u.b() - v.b());
                for (int q = 0; q < u.w().length; q++) {
                    d += Math.abs(u.w()[q] - v.w()[q]);
                }
                if (d < 1e-6) {
                    double j = 0;
                    for (int q = 0; q < u.w().length; q++) {
                        j = Math.max(j, Math.abs(u.v() * u.w()[q] - v.v() * v.w()[q]));
                    }
                    best = Math.min(best, j);
                }
            }
            worst = Math.max(worst, best);
        }
        return worst;
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

    static int symmetricDifference(Partition a, Partition b) {
        var x = new HashSet<>(a.patternKeys());
        var y = new HashSet<>(b.patternKeys());
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

    /** MSE below which a trained net counts as an exact interpolant of the samples (float64 round-off level). */
    static final double EXACT_FIT_MSE = 1e-20;

    static boolean hasBreakpoint(List<Double> bps, double lo, double hi) {
        for (double bp : bps) {
            if (bp >= lo - 1e-12 && bp <= hi + 1e-12) {
                return true;
            }
        }
        return false;
    }

    static Matrix gaussian(int r, int c, SplittableRandom rng) {
        double[] d = new double[r * c];
        for (int i = 0; i < d.length; i++) {
            d[i] = Seeds.gaussian(rng);
        }
        return new Matrix(r, c, d);
    }
}
