package io.nngeom.lowrank.experiments;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.Ops;
import io.nngeom.lowrank.Sweep;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Helpers the lowrank experiments share (sweep ε values, slope fits, number formatting, small networks). */
final class ExperimentHelpers {
    private ExperimentHelpers() {
    }

    static LocalGenerator generator(ExperimentContext ctx) {
        return LocalGenerator.standard(ctx.seed());
    }

    /** The sweep ε values below the positivity limit; quick: {0.1, 0.05, 0.025}. */
    static double[] epsilons(ExperimentContext ctx, LocalGenerator g) {
        double[] base = ctx.quick() ? new double[]{0.1, 0.05, 0.025} : new double[]{0.4, 0.2, 0.1, 0.05, 0.025, 0.0125};
        return Arrays.stream(base).filter(e -> e < g.maxEpsilon()).toArray();
    }

    static double slopeOver(double[] eps, double[] err) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                x.add(eps[i]);
                y.add(err[i]);
            }
        }
        return Sweep.slope(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static void slopeWithin(ExperimentResult.Builder b, String name, double slope, double[] window) {
        b.atLeast(name + " (lower end)", slope, window[0]);
        b.atMost(name + " (upper end)", slope, window[1]);
    }

    /** A two-layer identity bottleneck with the given feature table F (n_x × k) and output weights/bias. */
    static Mlp bottleneck(Matrix features, Matrix outWeight, double[] outBias) {
        return new Mlp(List.of(new Layer(features.transpose(), new double[features.cols()], Activation.IDENTITY),
                new Layer(outWeight, outBias, Activation.IDENTITY)));
    }

    static double[] softmaxBias(JointDistribution law, Matrix f, Matrix w) {
        double[] mu = Ops.weightedMean(f, law.px());
        double[] wm = w.times(mu);
        double[] py = law.py();
        double[] b = new double[py.length];
        for (int y = 0; y < b.length; y++) {
            b[y] = Math.log(py[y]) - wm[y];
        }
        return b;
    }

    static Table sweepTable(String name, String title, Sweep.Result s) {
        List<List<String>> rows = new ArrayList<>();
        for (Sweep.Row r : s.rows()) {
            rows.add(List.of(f(r.epsilon()), f(r.m1()), f(r.m2()), f(r.m3()), String.format(Locale.ROOT, "%.8f", r.m4()),
                    f(r.m5()), f(r.m6()), f(r.relativeGap()), String.format(Locale.ROOT, "%.1e", r.gradNorm())));
        }
        List<String> slopes = new ArrayList<>();
        slopes.add("slope ε≤0.1");
        slopes.add(f(s.slopes().getOrDefault("M1", Double.NaN)));
        slopes.add(f(s.slopes().getOrDefault("M2", Double.NaN)));
        slopes.add(f(s.slopes().getOrDefault("M3", Double.NaN)));
        slopes.add("1−M4: " + f(s.slopes().getOrDefault("1-M4", Double.NaN)));
        slopes.add("|Δ|: " + f(s.slopes().getOrDefault("gap", Double.NaN)));
        slopes.add("");
        slopes.add("");
        slopes.add("");
        rows.add(slopes);
        return new Table(name, title, List.of("ε", "M1", "M2", "M3", "M4", "M5 = Δ/ε³", "M6 = bias/ε²", "|Δ|/H_L(Y)", "‖∇‖"), rows);
    }
}
