package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.CompareOptions;
import io.nngeom.minimizers.CompareResult;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * E3 of the digest: the constructed minimizer's cost is at most the best cost that Adam and L-BFGS reach on
 * the same architecture from random initialisations (plus 1e-12); the trained costs and the merged-class
 * plateaus they stall at are reported.
 */
public final class TrainingComparisonExperiment implements Experiment {
    /** C2_constructed ≤ min C2_trained + 1e-12. */
    static final double MARGIN = 1e-12;
    /** Floor for drawing costs on a logarithmic axis. */
    static final double LOG_FLOOR = 1e-32;

    @Override
    public String name() {
        return "minimizers.training";
    }

    @Override
    public String title() {
        return "Constructed minimizer against Adam and L-BFGS on the same architecture";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int[][] cases = ctx.quick() ? new int[][] {{2, 2}, {3, 3}} : new int[][] {{2, 2}, {3, 3}, {3, 5}};
        CompareOptions base = ctx.quick() ? CompareOptions.defaults(1).withSeeds(3).withIterations(1500, 200)
                : CompareOptions.defaults(1).withSeeds(10);
        int perClass = ctx.quick() ? 30 : 100;
        b.param("(Q, L)", Arrays.deepToString(cases)).param("seeds", base.seeds())
                .param("Adam steps", base.adamIterations()).param("Adam lr", base.adamRate())
                .param("L-BFGS iterations", base.lbfgsIterations()).param("N_j", perClass).param("delta", 0.8)
                .param("init", "He normal, zero biases");
        double worstExcess = Double.NEGATIVE_INFINITY;
        List<List<String>> rows = new ArrayList<>();
        for (int[] c : cases) {
            int q = c[0];
            int l = c[1];
            Dataset d = ClusteredData.generate(q, perClass * q, 0.8, Seeds.child(ctx.seed(), "training-" + q));
            CompareResult r = Minimizers.compare(d, new CompareOptions(l, base.seeds(), base.adamIterations(),
                    base.adamRate(), base.lbfgsIterations(), ctx.seed()), ctx.progress().prefixed("Q=" + q + ", L=" + l));
            worstExcess = Math.max(worstExcess, r.constructedCost() - r.best(null));
            rows.add(List.of("Q=" + q + ", L=" + l, fmt(r.constructedCost()), fmt(r.best("adam")), fmt(r.median("adam")),
                    fmt(r.best("lbfgs")), fmt(r.median("lbfgs")), r.atPlateau(1e-3) + " of " + r.runs().size()));
            Chart chart = Chart.of("minimizers-training-q" + q + "-l" + l,
                    "Adam from " + base.seeds() + " seeds against the constructed cost (Q = " + q + ", L = " + l + ")",
                    "iteration", "C2").withLogY();
            int adamRun = 0;
            for (CompareResult.Run run : r.runs()) {
                if (!run.optimizer().equals("adam")) {
                    continue;
                }
                double[] x = new double[run.iterations().length];
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.max(1, run.iterations()[i]);
                    y[i] = Math.max(LOG_FLOOR, run.history()[i]);
                }
                chart = chart.line("Adam run " + (++adamRun), x, y);
            }
            double last = Math.max(1, base.adamIterations());
            double cc = Math.max(LOG_FLOOR, r.constructedCost());
            chart = chart.withSeries(new Chart.Series("constructed minimizer", new double[] {1, last},
                    new double[] {cc, cc}, Chart.Series.Style.DASHED));
            b.figure(chart);
        }
        return b.atMost("max (C2_constructed − min C2_trained)", worstExcess, MARGIN)
                .table(new Table("minimizers-training", "Constructed against trained costs (C2 = (1/N) Σ |f(x) − y|²)",
                        List.of("case", "constructed", "Adam best", "Adam median", "L-BFGS best", "L-BFGS median",
                                "runs at a merged plateau (±1e-3)"), rows))
                .criterion("C2_constructed ≤ min over seeds and optimizers of C2_trained + 1e-12")
                .note("Training from random initialisations with width Q often kills ReLU units and stalls at the "
                        + "merged-class plateaus (1/N) Σ_{k∈S} N_k |y_k − ȳ_S|²; the last column counts those runs.")
                .build();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
