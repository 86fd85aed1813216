package io.nngeom.convex.experiments;

import io.nngeom.convex.Convex;
import io.nngeom.convex.DualConstraint;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.TwoLayer;
import io.nngeom.net.Mlp;
import io.nngeom.data.Dataset;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Negative control (digest §2.3 and the "discriminating negative test" of §5a): under ℓ2 weight decay in 2-D the
 * Lasso over sample-only wedges (lines through sample pairs) is not exact. Its network must come out above the
 * exact optimum, computed by column generation over all unit neurons and certified by the exact dual sweep.
 * The criterion: above by more than {@link #MIN_EXCESS_PERCENT} % on every judged instance.
 *
 * <p>Instances follow the digest's protocol (a) for 2-D, fixed before any outcome was seen: quick n = 10,
 * β = 1e-2; full n ∈ {10, 15, 20} × β ∈ {1e-2, 1e-1, 0.5}. The exact optimum comes from column generation
 * ({@link io.nngeom.convex.ColumnGeneration}, exact pricing by the dual sweep), which made the protocol's n = 15 and
 * 20 affordable again (the augmented-Lagrangian program needed 6–10 minutes per instance there). The data of size n come from
 * {@link Toy#smooth2d} at the child seed {@code "negative-n" + n} of the run's seed, so the quick instance is one
 * of the full ones. How far the Lasso lies above the optimum varies strongly with the draw (docs/theory/convex.md
 * gives the distribution over seeds), so the verdict on one draw is not the theory's verdict.
 *
 * <p>Independent check (digest §5a: "because GD reaches the exact value, [the Lasso] must also come out above the
 * best GD run"): on every judged instance {@link #ADAM_RUNS} Adam runs are trained on the same ℓ2 objective. None
 * may lie below the certified exact value, and the best must lie below the Lasso network.
 *
 * <p>Precondition, checked before any program is solved: the exact optimum is a nonzero network, i.e.
 * β &lt; β_max = h(y − ȳ), the exact dual constraint at the centred targets ({@link DualConstraint#exactMax}).
 * For β ≥ β_max the zero network (ξ = ȳ) is optimal, both programs return it and there is nothing to
 * discriminate; such instances are reported in the table and not judged.
 */
final class NegativeControlExperiment implements Experiment {
    /** The threshold: the sample-wedge Lasso's network objective exceeds the exact value by more than this (%). */
    static final double MIN_EXCESS_PERCENT = 0.5;
    /** The exact program's value counts as certified when (value − certified lower bound)/value ≤ this. */
    static final double CERTIFICATE_TOL = 1e-6;
    /**
     * An Adam run counts as below the exact optimum (which would refute the optimum) when
     * (exact − Adam)/max(1, |exact|) exceeds this (digest §5a criterion 1, the tolerance of the 1-D experiment).
     */
    static final double BELOW_TOL = 1e-6;
    /** Adam baselines per judged instance (digest §5a: K ≥ 10), their width (m = 30–50) and step schedule. */
    static final int ADAM_RUNS = 10;
    static final int ADAM_WIDTH = 40;
    static final double ADAM_LR = 0.01;
    static final int ADAM_PHASES = 4;

    @Override
    public String name() {
        return "convex.negative-control-l2-2d";
    }

    @Override
    public String title() {
        return "2-D, l2 weight decay: sample-wedge Lasso lies above the exact program (> 0.5 %)";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx);
        boolean q = ctx.quick();
        int[] sizes = q ? new int[] {10} : new int[] {10, 15, 20};
        int steps = q ? 2500 : 5000;
        double[] betas = q ? new double[] {0.01} : new double[] {0.01, 0.1, 0.5};
        double minExcess = Double.POSITIVE_INFINITY;
        double maxLbGap = 0;
        boolean labels = true;
        double worstBelow = Double.NEGATIVE_INFINITY;
        int gdBeatsLasso = 0;
        int judged = 0;
        int skipped = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int n : sizes) {
            Dataset data = Toy.smooth2d(n, Seeds.child(ctx.seed(), "negative-n" + n));
            double[] y = data.y().colArray(0);
            double mean = Arrays.stream(y).average().orElse(0);
            double[] yc = Arrays.stream(y).map(v -> v - mean).toArray();
            double betaMax = DualConstraint.exactMax(data.x(), yc, PenaltyNorm.L2);
            for (double beta : betas) {
                if (!(beta < betaMax)) {
                    skipped++;
                    rows.add(List.of(String.valueOf(n), Lasso1dExperiment.fmt(beta), Lasso1dExperiment.fmt(betaMax),
                            "not judged: beta >= beta_max, the zero network is optimal", "", "", "", "", "", "", ""));
                    continue;
                }
                FitOptions o = FitOptions.defaults(beta).withTolerance(1e-12);
                long t0 = System.nanoTime();
                FitResult lasso = Convex.fit(data, o.withMethod(FitOptions.Method.LASSO));
                long t1 = System.nanoTime();
                FitResult exact = Convex.fit(data, o.withMethod(FitOptions.Method.EXACT));
                long t2 = System.nanoTime();
                labels &= lasso.exactness() == Exactness.UPPER_BOUND && exact.exactness() == Exactness.EXACT;
                double excess = (lasso.nnObjective() - exact.nnObjective()) / exact.nnObjective();
                double lbGap = (exact.nnObjective() - exact.lowerBound()) / exact.nnObjective();
                double bestAdam = Double.POSITIVE_INFINITY;
                for (int k = 0; k < ADAM_RUNS; k++) {
                    Mlp m = Toy.train(data, beta, ADAM_WIDTH, Seeds.child(ctx.seed(), "negative-n" + n + "-beta" + beta + "-adam" + k),
                            steps, ADAM_LR, ADAM_PHASES).model();
                    bestAdam = Math.min(bestAdam, TwoLayer.objective(m, data.x(), y, beta, PenaltyNorm.L2));
                }
                worstBelow = Math.max(worstBelow, (exact.nnObjective() - bestAdam) / Math.max(1, Math.abs(exact.nnObjective())));
                if (bestAdam < lasso.nnObjective()) {
                    gdBeatsLasso++;
                }
                judged++;
                minExcess = Math.min(minExcess, excess);
                maxLbGap = Math.max(maxLbGap, lbGap);
                rows.add(List.of(String.valueOf(n), Lasso1dExperiment.fmt(beta), Lasso1dExperiment.fmt(betaMax),
                        Lasso1dExperiment.fmt(lasso.nnObjective()), Lasso1dExperiment.fmt(exact.nnObjective()),
                        Lasso1dExperiment.fmt(exact.lowerBound()), String.format(java.util.Locale.ROOT, "%.4f", 100 * excess),
                        Lasso1dExperiment.fmt(bestAdam), String.format(java.util.Locale.ROOT, "%.4f", 100 * (bestAdam - exact.nnObjective()) / exact.nnObjective()),
                        lasso.nonzeros() + " / " + exact.nonzeros(),
                        String.format(java.util.Locale.ROOT, "%.1f / %.1f", (t1 - t0) / 1e9, (t2 - t1) / 1e9)));
                if (judged == 1) {
                    b.figure(PlaneFigure.draw("convex-2d-l2-lasso", String.format(java.util.Locale.ROOT,
                            "2-D, l2: sample-wedge Lasso network (n = %d, beta = %s, %.3f %% above the optimum): every neuron passes through two samples", n, FitFigures.num(beta), 100 * excess),
                            data, lasso.model()));
                    b.figure(PlaneFigure.draw("convex-2d-l2-exact", String.format(java.util.Locale.ROOT,
                            "2-D, l2: exact optimum (n = %d, beta = %s): some neurons pass through one sample or none", n, FitFigures.num(beta)),
                            data, exact.model()));
                }
            }
        }
        b.param("n", Arrays.toString(sizes)).param("betas", Arrays.toString(betas))
                .param("adam", ADAM_RUNS + " runs per instance, width " + ADAM_WIDTH + ", " + ADAM_PHASES + " phases of " + steps
                        + " steps (lr " + ADAM_LR + ", then /10 per phase)")
                .param("data", "Toy.smooth2d (x ~ N(0, I_2), y = sin(x1) x2 + 0.1 noise) at child seed negative-n<n>");
        b.table(new Table("convex-negative-control", "2-D l2: sample-wedge Lasso vs exact program",
                List.of("n", "beta", "beta_max (exact dual at y - mean)", "sample-wedge Lasso (network objective)", "exact program (recovered network)",
                        "certified lower bound", "Lasso excess %", "best of " + ADAM_RUNS + " Adam runs", "best Adam excess %", "nonzeros Lasso / exact", "seconds Lasso / exact"), rows));
        if (skipped > 0) {
            b.note(skipped + " instance(s) not judged: beta >= beta_max, where the zero network is the exact optimum (precondition of the control).");
        }
        return b.atLeast("judged instances (precondition beta < beta_max met)", judged, 1)
                .atLeast("min Lasso excess over the exact value over judged instances (%)", judged == 0 ? Double.NaN : 100 * minExcess, MIN_EXCESS_PERCENT)
                .atMost("max (exact − best Adam)/max(1,|exact|): no trained network below the exact optimum", judged == 0 ? Double.NaN : worstBelow, BELOW_TOL)
                .atLeast("judged instances where the best Adam run is below the Lasso network (GD beats the Lasso)", gdBeatsLasso, judged)
                .atMost("max exact-program certificate gap (exact − lower bound)/exact", maxLbGap, CERTIFICATE_TOL)
                .atLeast("labels: Lasso upper-bound, exact program exact (1 = yes)", labels ? 1 : 0, 1)
                .criterion("on every instance with a nonzero exact optimum (beta < beta_max), the sample-only wedge Lasso is above the "
                        + "exact optimum by more than 0.5 %; the exact value is certified by the exact dual lower bound to 1e-6; no Adam run lies below "
                        + "the exact value (tolerance 1e-6) and the best of 10 Adam runs lies below the Lasso network on every judged instance (digest §5a)")
                .build();
    }
}
