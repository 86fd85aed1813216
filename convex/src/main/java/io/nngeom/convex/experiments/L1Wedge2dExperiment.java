package io.nngeom.convex.experiments;

import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.figures.PlaneFigure;
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
 * 2-D, ℓ1 first-layer penalty: the Lasso over wedges of sample pairs and basis vectors equals the exact program
 * (augmented Lagrangian over all arrangement patterns) and the certified dual lower bound from the exact
 * angular sweep (digest §2.3, e2).
 */
final class L1Wedge2dExperiment implements Experiment {
    @Override
    public String name() {
        return "convex.l1-wedge-2d";
    }

    @Override
    public String title() {
        return "2-D, l1 penalty: wedge-and-basis Lasso = exact program = certified dual bound";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        boolean q = ctx.quick();
        int n = q ? 7 : 10;
        double[] betas = q ? new double[] {0.05} : new double[] {0.01, 0.05, 0.2};
        Dataset data = Toy.smooth2d(n, Seeds.child(ctx.seed(), "data2d"));
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx).param("n", n).param("betas", Arrays.toString(betas));
        double worst = 0;
        double worstLb = 0;
        boolean exact = true;
        List<List<String>> rows = new ArrayList<>();
        for (double beta : betas) {
            FitOptions o = FitOptions.defaults(beta).withNorm(PenaltyNorm.L1).withTolerance(1e-12);
            FitResult lasso = Convex.fit(data, o.withMethod(FitOptions.Method.LASSO));
            FitResult ex = Convex.exactByAugmentedLagrangian(data, o);
            exact &= lasso.exactness() == Exactness.EXACT && ex.exactness() == Exactness.EXACT;
            worst = Math.max(worst, Toy.rel(ex.nnObjective(), lasso.objective()));
            worstLb = Math.max(worstLb, (lasso.nnObjective() - lasso.lowerBound()) / lasso.nnObjective());
            rows.add(List.of(Lasso1dExperiment.fmt(beta), String.valueOf(lasso.columns()), Lasso1dExperiment.fmt(lasso.objective()),
                    Lasso1dExperiment.fmt(ex.nnObjective()), Lasso1dExperiment.fmt(lasso.lowerBound()), String.valueOf(lasso.nonzeros())));
            if (beta == betas[betas.length / 2]) {
                b.figure(PlaneFigure.draw("convex-2d-l1-neurons", "2-D l1 optimum: neurons are lines through sample pairs or axis-parallel through a sample (beta = " + beta + ")",
                        data, lasso.model()));
            }
        }
        b.table(new Table("convex-l1-2d", "2-D l1: Lasso vs exact program vs certified lower bound",
                List.of("beta", "columns", "Lasso", "exact program (AL)", "certified lower bound", "nonzeros"), rows));
        return b.atMost("max |exact − Lasso|/Lasso", worst, 1e-6)
                .atMost("max (Lasso − lower bound)/Lasso", worstLb, 1e-6)
                .atLeast("both declared exact (1 = yes)", exact ? 1 : 0, 1)
                .criterion("wedge-and-basis Lasso equals the exact program and the exact-sweep dual lower bound within 1e-6 relative")
                .build();
    }
}
