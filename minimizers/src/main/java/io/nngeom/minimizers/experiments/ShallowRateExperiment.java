package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.Shallow;
import io.nngeom.minimizers.ShallowOptions;
import io.nngeom.minimizers.ShallowResult;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.Arrays;
import java.util.Locale;

/**
 * E2 and E7 of the digest (shallow companion paper, arXiv:2309.10370): the constructed shallow network's cost
 * equals its closed form, respects the O(δ_P) bound, lies above the affine least-squares minimum, and with the
 * optimal translation c* the relative gap to that minimum shrinks like δ² (a factor ≈ 4 per halving of δ).
 */
public final class ShallowRateExperiment implements Experiment {
    static final double[] DELTAS = {0.8, 0.4, 0.2, 0.1, 0.05};
    /** The ratio of consecutive relative gaps must lie in [3.5, 4.5]. */
    static final double RATIO_LOW = 3.5;
    static final double RATIO_HIGH = 4.5;

    @Override
    public String name() {
        return "minimizers.shallow-rate";
    }

    @Override
    public String title() {
        return "Shallow construction: closed form, O(δ_P) bound, and relative gap to the minimum shrinking ≈ 4× per halving of δ";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int[] qs = ctx.quick() ? new int[] {3} : new int[] {2, 3, 4};
        int perClass = ctx.quick() ? 60 : 200;
        b.param("Q = M", Arrays.toString(qs)).param("N_j", perClass)
                .param("delta", Arrays.toString(DELTAS));
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        double worstClosed = 0;
        double worstLs = 0;
        double worstLsAbove = Double.NEGATIVE_INFINITY;
        double worstBound = Double.NEGATIVE_INFINITY;
        Chart chart = Chart.of("minimizers-shallow-gap", "Shallow construction: relative gap (C − √C2_LS)/C against δ",
                "delta", "relative gap").withLogLog();
        for (int q : qs) {
            double[] gapOpt = new double[DELTAS.length];
            double[] gapZero = new double[DELTAS.length];
            long seed = Seeds.child(ctx.seed(), "shallow-" + q);
            for (int i = 0; i < DELTAS.length; i++) {
                Dataset d = ClusteredData.generate(q, perClass * q, DELTAS[i], seed);
                for (ShallowOptions.Translation t : ShallowOptions.Translation.values()) {
                    ShallowResult r = Shallow.build(d, ShallowOptions.defaults().withTranslation(t));
                    worstClosed = Math.max(worstClosed, Math.abs(r.cost() - r.closedFormCost()) / r.closedFormCost());
                    worstLs = Math.max(worstLs, Math.abs(r.leastSquaresCost() - r.leastSquaresClosedForm())
                            / r.leastSquaresCost());
                    worstLsAbove = Math.max(worstLsAbove, (r.leastSquaresCost() - r.cost()) / r.cost());
                    worstBound = Math.max(worstBound, r.costSqrt() / r.bound());
                    if (t == ShallowOptions.Translation.OPTIMAL) {
                        gapOpt[i] = r.relativeGap();
                    } else {
                        gapZero[i] = r.relativeGap();
                    }
                }
                if (i > 0) {
                    double ratio = gapOpt[i - 1] / gapOpt[i];
                    minRatio = Math.min(minRatio, ratio);
                    maxRatio = Math.max(maxRatio, ratio);
                }
            }
            StringBuilder sb = new StringBuilder("Q = " + q + ": relative gap with c* ");
            for (double g : gapOpt) {
                sb.append(String.format(Locale.ROOT, "%.3e ", g));
            }
            sb.append("; with c = 0 ");
            for (double g : gapZero) {
                sb.append(String.format(Locale.ROOT, "%.3e ", g));
            }
            b.note(sb.toString().strip());
            chart = chart.withSeries(new Chart.Series("Q = " + q + ", optimal c*", DELTAS, gapOpt, Chart.Series.Style.LINE_MARKERS))
                    .withSeries(new Chart.Series("Q = " + q + ", c = 0", DELTAS, gapZero, Chart.Series.Style.DASHED));
        }
        return b.atLeast("min ratio of gaps per halving (c*)", minRatio, RATIO_LOW)
                .atMost("max ratio of gaps per halving (c*)", maxRatio, RATIO_HIGH)
                .atMost("max relative |C2_network − closed form|", worstClosed, 1e-12)
                .atMost("max relative |C2_LS (SVD) − C2_LS (closed form)|", worstLs, 1e-10)
                .atMost("max (C2_LS − C2(c)) / C2(c)", worstLsAbove, 1e-12)
                .atMost("max C / bound", worstBound, 1.0)
                .criterion("ratio of consecutive relative gaps in [3.5, 4.5]; network cost equals (1/N)‖(Y − c uᵀ)X̄⁺ΔX‖² "
                        + "to 1e-12; two least-squares algorithms agree to 1e-10; C2_LS ≤ C2(c); C ≤ ‖Y − c uᵀ‖‖X̄⁺‖δ_P")
                .figure(chart)
                .build();
    }
}
