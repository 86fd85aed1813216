package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.minimizers.BuildOptions;
import io.nngeom.minimizers.BuildResult;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.Costs;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.SplittableRandom;

/**
 * E5 of the digest on the constructed point: no random direction at ε ∈ {1e-6, 1e-4} lowers C2 by more than
 * 1e-13, and the gradient vanishes.
 */
public final class LocalMinimalityExperiment implements Experiment {
    /** A perturbation may not lower C2 by more than 1e-13. */
    static final double DECREASE_TOLERANCE = 1e-13;

    @Override
    public String name() {
        return "minimizers.local-minimality";
    }

    @Override
    public String title() {
        return "Constructed minimizer: no random perturbation at ε ∈ {1e-6, 1e-4} lowers the cost";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int dirs = ctx.quick() ? 100 : 500;
        int qMax = ctx.quick() ? 3 : 4;
        b.param("Q", "2.." + qMax).param("L", "Q").param("directions per ε", dirs).param("ε", "1e-6, 1e-4");
        double minChange = Double.POSITIVE_INFINITY;
        double maxGrad = 0;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "directions"));
        for (int q = 2; q <= qMax; q++) {
            Dataset d = ClusteredData.generate(q, 50 * q, 0.8, Seeds.child(ctx.seed(), "minimality-" + q));
            BuildResult r = Minimizers.build(d, BuildOptions.defaults(q).withSeed(ctx.seed()));
            maxGrad = Math.max(maxGrad, r.gradientNorm());
            double[] theta = r.model().parameters();
            for (double eps : new double[] {1e-6, 1e-4}) {
                for (int t = 0; t < dirs; t++) {
                    double[] v = new double[theta.length];
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Seeds.gaussian(rng);
                        s += v[i] * v[i];
                    }
                    s = Math.sqrt(s);
                    double[] p = theta.clone();
                    for (int i = 0; i < p.length; i++) {
                        p[i] += eps * v[i] / s;
                    }
                    Mlp moved = r.model().withParameters(p);
                    minChange = Math.min(minChange, Costs.c2(moved, r.data()) - r.cost());
                }
            }
        }
        return b.atLeast("min C2(θ + εv) − C2(θ)", minChange, -DECREASE_TOLERANCE)
                .atMost("max |grad C2|", maxGrad, ConstructionExperiment.GRADIENT_TOLERANCE)
                .criterion("for every Q, ε and random unit direction v: C2(θ + εv) − C2(θ) ≥ −1e-13; |∇C2| ≤ 1e-10")
                .note("At a zero-cost point every perturbation has C2 ≥ 0, so this check mainly guards the cost "
                        + "evaluation and the claim that the constructed point has cost exactly zero to round-off.")
                .build();
    }
}
