package io.nngeom.convex.experiments;

import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.data.Dataset;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Negative control (digest §2.3, §5a): under ℓ2 weight decay in 2-D the Lasso over sample-only wedges is not
 * exact; it must come out above the exact program's value (a feasible network, so an upper bound on the
 * optimum: the comparison is conservative). The brief's criterion: above by more than 0.5 %.
 */
final class NegativeControlExperiment implements Experiment {
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
        int n = q ? 7 : 10;
        double[] betas = q ? new double[] {0.01} : new double[] {0.01, 0.05, 0.2};
        Dataset data = Toy.smooth2d(n, Seeds.child(ctx.seed(), "negative"));
        double minExcess = Double.POSITIVE_INFINITY;
        double maxLbGap = 0;
        boolean labels = true;
        List<List<String>> rows = new ArrayList<>();
        for (double beta : betas) {
            FitOptions o = FitOptions.defaults(beta).withTolerance(1e-12);
            FitResult lasso = Convex.fit(data, o.withMethod(FitOptions.Method.LASSO));
            FitResult exact = Convex.fit(data, o.withMethod(FitOptions.Method.EXACT));
            labels &= lasso.exactness() == Exactness.UPPER_BOUND && exact.exactness() == Exactness.EXACT;
            double excess = (lasso.nnObjective() - exact.nnObjective()) / exact.nnObjective();
            minExcess = Math.min(minExcess, excess);
            maxLbGap = Math.max(maxLbGap, (exact.nnObjective() - exact.lowerBound()) / exact.nnObjective());
            rows.add(List.of(Lasso1dExperiment.fmt(beta), Lasso1dExperiment.fmt(lasso.nnObjective()), Lasso1dExperiment.fmt(exact.nnObjective()),
                    Lasso1dExperiment.fmt(exact.lowerBound()), Lasso1dExperiment.fmt(100 * excess)));
            if (beta == betas[0]) {
                b.figure(PlaneFigure.draw("convex-2d-l2-exact", "2-D l2 exact optimum: neurons need not pass through two samples (beta = " + beta + ")", data, exact.model()));
            }
        }
        b.param("n", n).param("betas", java.util.Arrays.toString(betas));
        b.table(new Table("convex-negative-control", "2-D l2: sample-wedge Lasso vs exact program",
                List.of("beta", "sample-wedge Lasso (network objective)", "exact program (recovered network)", "certified lower bound", "Lasso excess %"), rows));
        return b.atLeast("min Lasso excess over the exact value (%)", 100 * minExcess, 0.5)
                .atMost("max exact-program certificate gap (exact − lower bound)/exact", maxLbGap, 1e-6)
                .atLeast("labels: Lasso upper-bound, exact program exact (1 = yes)", labels ? 1 : 0, 1)
                .criterion("the sample-only wedge Lasso is above the exact optimum by more than 0.5 % (the exact value is certified by the exact dual lower bound to 1e-6)")
                .build();
    }
}
