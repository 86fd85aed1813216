package io.nngeom.convex.experiments;

import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.TwoLayer;
import io.nngeom.convex.figures.FitFigures;
import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.train.TrainingResult;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 1-D: the ramp Lasso equals the exact Pilanci–Ergen program (independent algorithm: augmented Lagrangian over all
 * arrangement patterns) and lies below every Adam run, the best within 1e-3 (digest §5a, e1).
 */
final class Lasso1dExperiment implements Experiment {
    @Override
    public String name() {
        return "convex.lasso-1d";
    }

    @Override
    public String title() {
        return "1-D ramp Lasso = exact convex program <= every Adam run (best within 1e-3)";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        boolean q = ctx.quick();
        int n = q ? 8 : 10;
        double[] betas = q ? new double[] {0.1} : new double[] {0.01, 0.1, 1.0};
        int runs = q ? 10 : 20;
        int steps = q ? 1500 : 5000;
        int width = 30;
        Dataset data = Toy.sine1d(n, Seeds.child(ctx.seed(), "data"));
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx).param("n", n).param("betas", Arrays.toString(betas))
                .param("adam runs", runs).param("adam steps", "4 phases of " + steps + " (lr 1e-2, 1e-3, 1e-4, 1e-5)").param("width", width).param("adam lr", 0.01);
        double worstExact = 0;
        double worstBelow = Double.NEGATIVE_INFINITY;
        double worstBest = 0;
        double worstGap = 0;
        boolean allExact = true;
        List<List<String>> rows = new ArrayList<>();
        Chart fit = null;
        for (double beta : betas) {
            FitResult lasso = Convex.fit(data, FitOptions.defaults(beta).withMethod(FitOptions.Method.LASSO).withTolerance(1e-12));
            FitResult exact = Convex.exactByAugmentedLagrangian(data, FitOptions.defaults(beta));
            allExact &= lasso.exactness() == Exactness.EXACT && exact.exactness() == Exactness.EXACT;
            double p = lasso.objective();
            worstExact = Math.max(worstExact, Toy.rel(exact.nnObjective(), p));
            worstGap = Math.max(worstGap, lasso.dualityGap());
            double best = Double.POSITIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            List<TrainingResult> trained = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                TrainingResult t = TwoLayer.adam(data, beta, width, Seeds.child(ctx.seed(), "adam" + k), steps, 0.01, 4);
                double v = TwoLayer.objective(t.model(), data.x(), data.y().colArray(0), beta, PenaltyNorm.L2);
                trained.add(t);
                min = Math.min(min, v);
                best = Math.min(best, v);
            }
            double below = (p - min) / Math.max(1, Math.abs(p));
            worstBelow = Math.max(worstBelow, below);
            worstBest = Math.max(worstBest, (best - p) / p);
            rows.add(List.of(fmt(beta), fmt(p), fmt(exact.nnObjective()), fmt(lasso.dualityGap()), String.valueOf(lasso.nonzeros()),
                    fmt(best), fmt((best - p) / p)));
            if (fit == null || beta == 0.1) {
                fit = figure(data, lasso, trained, beta);
                b.figure(gapFigure(lasso, beta));
            }
        }
        b.figure(fit);
        b.table(new Table("convex-1d", "1-D: Lasso, exact program and Adam", List.of("beta", "Lasso", "exact program (AL)",
                "Lasso rel. gap", "nonzeros", "best Adam", "best Adam rel. excess"), rows));
        b.atMost("max |exact − Lasso|/Lasso", worstExact, 1e-6)
                .atMost("max (Lasso − min Adam)/max(1,|Lasso|)", worstBelow, 1e-6)
                .atMost("max (best Adam − Lasso)/Lasso", worstBest, 1e-3)
                .atMost("max Lasso relative duality gap", worstGap, 1e-8)
                .atLeast("both programs declared exact (1 = yes)", allExact ? 1 : 0, 1)
                .criterion("Lasso = exact program within 1e-6 relative; no Adam run below the Lasso value (tolerance 1e-6); "
                        + "best Adam run within 1e-3 relative; Lasso certified to relative duality gap 1e-8");
        return b.build();
    }

    static Chart figure(Dataset data, FitResult lasso, List<TrainingResult> gd, double beta) {
        List<Mlp> nets = new ArrayList<>();
        for (int k = 0; k < Math.min(3, gd.size()); k++) {
            nets.add(gd.get(k).model());
        }
        return FitFigures.fit1d("convex-1d-fit", data, lasso.model(), nets, beta);
    }

    static Chart gapFigure(FitResult lasso, double beta) {
        return FitFigures.gap("convex-duality-gap", "Lasso relative duality gap vs outer iterations (1-D, beta = " + FitFigures.num(beta) + ")",
                "outer iteration (full pass)", "active-set Lasso", lasso.gapIterations(), lasso.gapHistory());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
