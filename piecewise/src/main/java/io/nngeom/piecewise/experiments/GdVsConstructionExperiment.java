package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.EXACT_FIT_MSE;
import static io.nngeom.piecewise.experiments.ExperimentHelpers.hasBreakpoint;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.AffineLift;
import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.OneDimensional;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** E12: constructed net vs gradient-trained nets on a 1-D PL target */
final class GdVsConstructionExperiment extends PiecewiseExperiment {
    GdVsConstructionExperiment() {
        super("piecewise.gd-vs-construction", "E12: constructed net vs gradient-trained nets on a 1-D PL target");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e12"));
        int nPts = ctx.quick() ? 400 : 2000;
        int k = 4;
        int seeds = ctx.quick() ? 3 : 20;
        int iters = ctx.quick() ? 400 : 3000;
        double spacing = 2.0 / (nPts - 1);
        // breakpoints well inside [−1, 1], at least 10 spacings apart, not on sample points
        double[] t = {-0.6 + 0.37 * spacing, -0.15 + 0.21 * spacing, 0.3 + 0.53 * spacing, 0.7 + 0.11 * spacing};
        Pwl1d f = target(t, rng);
        Dataset data = samples(f, nPts, spacing);
        Construction c = OneDimensional.build(f);
        double cmse = Objective.of(Loss.MSE).loss(c.net(), data);
        Box box = Box.cube(1, -1, 1);
        int[] widths = {k + 1, 4 * (k + 1)};
        int violations = 0;
        int successful = 0;
        int exactFits = 0;
        int exactViolations = 0;
        List<String> violationNotes = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int w : widths) {
            int ok = 0;
            double effSum = 0;
            for (int sd = 0; sd < seeds; sd++) {
                Mlp init = Mlp.random(new int[] {1, w, 1}, Activation.RELU, Seeds.rng(Seeds.child(ctx.seed(), "e12-" + w + "-" + sd)));
                TrainingOptions o = TrainingOptions.defaults(Optimizer.LBFGS).withIterations(iters).withGradTol(1e-14);
                Mlp net = Trainer.train(init, data, Objective.of(Loss.MSE), o).model();
                double mse = Objective.of(Loss.MSE).loss(net, data);
                AffineLift.Canonical can = AffineLift.canonicalize(net, box);
                effSum += can.effectiveUnits();
                List<Double> bps = new ArrayList<>();
                for (AffineLift.Unit u : can.units()) {
                    bps.add(-u.b() / u.w()[0]);
                }
                if (mse < 1e-8) {
                    ok++;
                    successful++;
                    // digest criterion: ≥ k in-domain breakpoints, one inside each sample interval holding a true t_j
                    List<Double> miss = missed(bps, t, spacing, 0, 1);
                    for (double tj : miss) {
                        violationNotes.add(String.format(Locale.ROOT,
                                "width %d seed %d: MSE %.2e, no breakpoint in the sample interval of t = %.6f", w, sd, mse, tj));
                    }
                    if (bps.size() < k || !miss.isEmpty()) {
                        violations++;
                    }
                }
                if (mse < EXACT_FIT_MSE) {
                    // provable for an interpolant: 4 samples x_{i−1..i+2} around t_j are not collinear, so a breakpoint
                    // lies in [x_{i−1}, x_{i+2}]; true breakpoints are > 3 spacings apart, hence ≥ k breakpoints
                    exactFits++;
                    if (bps.size() < k || !missed(bps, t, spacing, -1, 2).isEmpty()) {
                        exactViolations++;
                    }
                }
            }
            rows.add(List.of("" + w, "" + seeds, "" + ok, String.format("%.1f", effSum / seeds)));
        }
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx).param("samples", nPts).param("breakpoints", k)
                .param("seedsPerWidth", seeds).param("optimizer", "L-BFGS, " + iters + " iterations")
                .atMost("constructedMse", cmse, 1e-20)
                .atMost("successfulNetsViolatingBreakpointPlacement", violations, 0)
                .measure("successfulTrainedNets", successful)
                .measure("exactFits", exactFits)
                .atMost("exactFitsWithoutBreakpointNearEachTrueOne", exactViolations, 0)
                .criterion("constructed MSE <= 1e-20; every trained net with MSE < 1e-8 has >= k effective breakpoints, one in "
                        + "each sample interval holding a true breakpoint. Also (provable): every exact fit (MSE < 1e-20) has >= k "
                        + "breakpoints, one within [x_{i-1}, x_{i+2}] of each true t_j. Success rates by width are reported only")
                .table(new Table("gd-success", "Trained one-hidden-layer nets", List.of("width", "seeds", "MSE < 1e-8", "mean effective units"), rows));
        for (String v : violationNotes) {
            b.note(v);
        }
        if (!violationNotes.isEmpty()) {
            b.note("The theory's placement criterion is not implied by MSE < 1e-8: a kink displaced by about one sample spacing "
                    + "(1e-3) with an O(1) slope jump costs only ~1e-9 in MSE. The criterion is kept as the theory states it.");
        }
        return b.build();
    }

    /**
     * The true breakpoints t_j such that no breakpoint of the net lies in [x_{i+from}, x_{i+to}], x_i being the sample
     * point just left of t_j (samples x_i = −1 + i·spacing).
     */
    private static List<Double> missed(List<Double> bps, double[] t, double spacing, int from, int to) {
        List<Double> out = new ArrayList<>();
        for (double tj : t) {
            int i = (int) Math.floor((tj + 1) / spacing);
            if (!hasBreakpoint(bps, -1 + (i + from) * spacing, -1 + (i + to) * spacing)) {
                out.add(tj);
            }
        }
        return out;
    }

    /** The target: breakpoints t, slopes of alternating sign with |s_j| in [0.8, 1.8), value 0.3 at 0. */
    private static Pwl1d target(double[] t, SplittableRandom rng) {
        double[] s = new double[t.length + 1];
        for (int j = 0; j <= t.length; j++) {
            s[j] = (j % 2 == 0 ? 1 : -1) * (0.8 + rng.nextDouble());
        }
        return new Pwl1d(t, s, 0.3);
    }

    /** f at the n equally spaced points x_i = −1 + i·spacing. */
    private static Dataset samples(Pwl1d f, int n, double spacing) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + i * spacing;
            y[i] = f.at(x[i]);
        }
        return Dataset.regression(new Matrix(n, 1, x), new Matrix(n, 1, y));
    }
}
