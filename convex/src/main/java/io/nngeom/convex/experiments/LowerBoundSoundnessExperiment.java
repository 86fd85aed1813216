package io.nngeom.convex.experiments;

import io.nngeom.convex.Certificate;
import io.nngeom.convex.CertifyOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.TwoLayer;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Property test of the convex area's claims (issue "no false certificates"): on random small instances in d = 3..5,
 * where the arrangement patterns can all be enumerated, every lower bound nngeom reports (by {@code fit} with the
 * complete pattern set, with a sampled one, and by {@code certify} of every network) is at most the objective of
 * every network found by any route (the complete solve, the restricted solves, the sample-wedge Lasso and Adam runs),
 * and every result labelled exact is no worse than any of those networks. Restricted solves must not be labelled
 * exact and must report no lower bound.
 */
final class LowerBoundSoundnessExperiment implements Experiment {
    /** A lower bound counts as violated when (bound − network objective)/max(1, |objective|) exceeds this (rounding). */
    static final double SOUND_TOL = 1e-9;
    /** Adam baselines per instance, width and schedule. */
    static final int ADAM_RUNS = 3;
    static final int ADAM_WIDTH = 20;

    @Override
    public String name() {
        return "convex.lower-bounds-sound";
    }

    @Override
    public String title() {
        return "Random instances in d = 3..5: no reported lower bound exceeds a network found by another route";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx);
        int perDim = ctx.quick() ? 1 : 3;
        int steps = ctx.quick() ? 1500 : 4000;
        List<List<String>> rows = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        int complete = 0;
        int falseExact = 0;
        int restrictedClaims = 0;
        int instances = 0;
        for (int d = 3; d <= 5; d++) {
            for (int k = 0; k < perDim; k++) {
                long seed = Seeds.child(ctx.seed(), "sound-d" + d + "-" + k);
                Dataset data = instance(8, d, seed);
                double beta = 0.05 * (1 + k);
                double[] y = data.y().colArray(0);
                FitOptions o = FitOptions.defaults(beta).withTolerance(1e-10).withSeed(seed);
                FitResult full = Convex.fit(data, o.withMethod(FitOptions.Method.EXACT).withMaxPatterns(100_000));
                FitResult restricted = Convex.fit(data, o.withMethod(FitOptions.Method.EXACT).withMaxPatterns(10));
                FitResult lasso = Convex.fit(data, o.withMethod(FitOptions.Method.LASSO));
                List<Mlp> nets = new ArrayList<>(List.of(full.model(), restricted.model(), lasso.model()));
                for (int a = 0; a < ADAM_RUNS; a++) {
                    nets.add(TwoLayer.adam(data, beta, ADAM_WIDTH, Seeds.child(seed, "adam" + a), steps, 0.01, 3).model());
                }
                double best = Double.POSITIVE_INFINITY;
                for (Mlp m : nets) {
                    best = Math.min(best, TwoLayer.objective(m, data.x(), y, beta, PenaltyNorm.L2));
                }
                List<Double> bounds = new ArrayList<>(List.of(full.lowerBound(), restricted.lowerBound(), lasso.lowerBound()));
                CertifyOptions co = new CertifyOptions(beta, PenaltyNorm.L2);
                for (Mlp m : nets) {
                    Certificate c = Convex.certify(m, data, co);
                    bounds.add(c.lowerBound());
                }
                double maxBound = Double.NEGATIVE_INFINITY;
                for (double lb : bounds) {
                    if (!Double.isNaN(lb)) {
                        maxBound = Math.max(maxBound, lb);
                    }
                }
                double violation = (maxBound - best) / Math.max(1, Math.abs(best));
                worst = Math.max(worst, violation);
                complete += full.exactness() == Exactness.EXACT ? 1 : 0;
                for (FitResult r : List.of(full, restricted, lasso)) {
                    if (r.exactness() == Exactness.EXACT && (r.nnObjective() - best) / Math.max(1, Math.abs(best)) > SOUND_TOL) {
                        falseExact++;
                    }
                }
                if (restricted.exactness() == Exactness.EXACT && restricted.reason().contains("sampled")
                        || !Double.isNaN(restricted.lowerBound()) && restricted.exactness() != Exactness.EXACT) {
                    restrictedClaims++;
                }
                instances++;
                rows.add(List.of(String.valueOf(d), fmt(beta), full.exactness().id(), fmt(full.nnObjective()), fmt(full.lowerBound()),
                        restricted.exactness().id(), fmt(restricted.nnObjective()), lasso.exactness().id(), fmt(lasso.nnObjective()),
                        fmt(best), String.format(Locale.ROOT, "%.2e", violation)));
            }
        }
        b.param("instances", instances + " (n = 8; d = 3, 4, 5; x ~ N(0, I), y = sin(x1) x2 + 0.1 noise)")
                .param("routes", "exact fit over all patterns, exact fit over 10 sampled patterns, sample-wedge Lasso, "
                        + ADAM_RUNS + " Adam runs of width " + ADAM_WIDTH + "; certify of each network");
        b.table(new Table("convex-lower-bounds", "lower bounds against networks found by other routes",
                List.of("d", "beta", "complete: label", "complete: objective", "complete: lower bound", "10 patterns: label",
                        "10 patterns: objective", "Lasso: label", "Lasso: objective", "best network", "max (bound − best)"), rows));
        return b.atMost("max over instances of (largest reported lower bound − best network)/max(1,|best|)", worst, SOUND_TOL)
                .atMost("results labelled exact but worse than a network found by another route", falseExact, 0)
                .atMost("restricted (sampled-pattern) solves claiming exactness or a lower bound", restrictedClaims, 0)
                .atLeast("instances solved exactly over the complete pattern set", complete, instances)
                .criterion("no lower bound reported by fit or certify exceeds the objective of any network found by another route "
                        + "(tolerance 1e-9); nothing labelled exact is beaten; sampled-pattern solves claim neither exactness nor a bound")
                .build();
    }

    /** n Gaussian points in d dimensions, y = sin(x₁)·x₂ + 0.1·noise. */
    static Dataset instance(int n, int d, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, d);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x.set(i, k, Seeds.gaussian(rng));
            }
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }

    private static String fmt(double v) {
        return Lasso1dExperiment.fmt(v);
    }
}
