package io.nngeom.convex.experiments;

import io.nngeom.convex.Certificate;
import io.nngeom.convex.CertifyOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.TwoLayer;
import io.nngeom.data.Dataset;
import io.nngeom.run.Seeds;
import io.nngeom.train.TrainingResult;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Dual certificate of trained networks (digest §5b(ii), e9): for gradient-trained networks whose objective reached
 * the convex optimum the ratio max|a_jᵀr|/β is in [0.999, 1.001]; for under-trained networks it is ≫ 1, and any
 * run stuck above the optimum is flagged (ratio &gt; 1.001).
 */
final class CertificateExperiment implements Experiment {
    @Override
    public String name() {
        return "convex.certificate";
    }

    @Override
    public String title() {
        return "Dual certificate: ~1 for converged GD networks, >> 1 for under-trained ones";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        boolean q = ctx.quick();
        ExperimentResult.Builder b0 = ExperimentResult.builder(this, ctx);
        int n = 10;
        double beta = 0.1;
        int runs = q ? 3 : 10;
        Dataset data = Toy.sine1d(n, Seeds.child(ctx.seed(), "cert"));
        FitResult opt = Convex.fit(data, FitOptions.defaults(beta).withTolerance(1e-12));
        double p = opt.objective();
        CertifyOptions co = new CertifyOptions(beta, PenaltyNorm.L2);
        List<List<String>> rows = new ArrayList<>();
        double worstConverged = 0;
        int converged = 0;
        int flagged = 0;
        int stuck = 0;
        for (int k = 0; k < runs; k++) {
            TrainingResult t = TwoLayer.adam(data, beta, 30, Seeds.child(ctx.seed(), "gd" + k), q ? 2000 : 6000, 0.01, 5);
            Certificate c = Convex.certify(t.model(), data, co);
            double excess = (c.nnObjective() - p) / p;
            if (excess <= 1e-5) {
                converged++;
                worstConverged = Math.max(worstConverged, Math.abs(c.dualRatio() - 1));
            } else if (excess > 1e-3) {
                stuck++;
                if (c.dualRatio() > 1.001) {
                    flagged++;
                }
            }
            rows.add(List.of("trained " + (k + 1), Lasso1dExperiment.fmt(c.nnObjective()), Lasso1dExperiment.fmt(excess),
                    Lasso1dExperiment.fmt(c.dualRatio()), Lasso1dExperiment.fmt(c.gapPercent()), Lasso1dExperiment.fmt(t.gradNorm())));
        }
        double minUnder = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 2; k++) {
            TrainingResult t = TwoLayer.adam(data, beta, 2, Seeds.child(ctx.seed(), "under" + k), 50, 0.01, 1);
            Certificate c = Convex.certify(t.model(), data, co);
            minUnder = Math.min(minUnder, c.dualRatio());
            rows.add(List.of("under-trained " + (k + 1) + " (width 2, 50 Adam steps)", Lasso1dExperiment.fmt(c.nnObjective()),
                    Lasso1dExperiment.fmt((c.nnObjective() - p) / p), Lasso1dExperiment.fmt(c.dualRatio()), Lasso1dExperiment.fmt(c.gapPercent()), Lasso1dExperiment.fmt(t.gradNorm())));
        }
        ExperimentResult.Builder b = b0.param("n", n).param("beta", beta).param("runs", runs)
                .param("training", "full-batch Adam, width 30, step decay lr 1e-2 ... 1e-6 (5 phases of " + (q ? 2000 : 6000) + " steps)");
        b.table(new Table("convex-certificates", "certificates of trained networks (optimum " + Lasso1dExperiment.fmt(p) + ")",
                List.of("network", "NN objective", "rel. excess over optimum", "dual ratio", "optimal within %", "final gradient norm"), rows));
        b.measure("runs at the optimum (excess <= 1e-5)", converged)
                .atLeast("runs at the optimum, at least one", converged, 1)
                .atMost("max |ratio − 1| over runs at the optimum", worstConverged, 1e-3)
                .atLeast("min ratio of under-trained networks", minUnder, 5)
                .atLeast("stuck runs (excess > 1e-3) flagged by ratio > 1.001", flagged, stuck)
                .criterion("ratio in [0.999, 1.001] for every run at the optimum; >= 5 for under-trained networks; every run "
                        + "stuck more than 1e-3 above the optimum has ratio > 1.001");
        return b.build();
    }
}
