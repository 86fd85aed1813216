package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.minimizers.BuildOptions;
import io.nngeom.minimizers.BuildResult;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.LayerReport;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.minimizers.Permutations;
import io.nngeom.minimizers.Pictures;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.ArrayList;
import java.util.List;

/**
 * E1 of the digest: the explicit construction (arXiv:2309.10639, L ≥ Q) reaches zero cost with zero gradient
 * for every Q and every truncation order, collapsing one class per layer and leaving the others in place.
 */
public final class ConstructionExperiment implements Experiment {
    /** C2 ≤ 1e-20 · max(1, mean |y|²). */
    static final double COST_TOLERANCE = 1e-20;
    /** |∇C2| ≤ 1e-10. */
    static final double GRADIENT_TOLERANCE = 1e-10;
    /** Collapsed spread and kept-point motion ≤ 1e-12 · scale. */
    static final double MOTION_TOLERANCE = 1e-12;
    /** Pre-activations bounded away from zero: ≥ 1e-6 · scale. */
    static final double PREACTIVATION_TOLERANCE = 1e-6;

    @Override
    public String name() {
        return "minimizers.construction";
    }

    @Override
    public String title() {
        return "Explicit minimizer: zero cost and zero gradient for every Q and truncation order";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int qMax = ctx.quick() ? 3 : 5;
        int perClass = ctx.quick() ? 30 : 100;
        double delta = 0.8;
        b.param("Q", "1.." + qMax).param("L", "Q and Q+2").param("orders", "all Q!").param("N_j", perClass)
                .param("delta", delta).param("mean radius", ClusteredData.GENERATOR_SCALE);
        double worstCost = 0;
        double worstGrad = 0;
        double worstSpread = 0;
        double worstMoved = 0;
        double minPre = Double.POSITIVE_INFINITY;
        double maxCondA = 0;
        double maxCondW = 0;
        double minSigma = Double.POSITIVE_INFINITY;
        int builds = 0;
        List<Dataset> sets = new ArrayList<>();
        for (int q = 1; q <= qMax; q++) {
            sets.add(ClusteredData.generate(q, perClass * q, delta, Seeds.child(ctx.seed(), "construction-" + q)));
        }
        Dataset three = ClusteredData.generate(3, perClass * 3, delta, Seeds.child(ctx.seed(), "unequal"));
        sets.add(Data.unequal(three));
        sets.add(Data.randomTargets(three, Seeds.child(ctx.seed(), "targets")));
        int largeN = ctx.quick() ? 20_000 : 100_000;
        Dataset large = ClusteredData.generate(3, largeN, delta, Seeds.child(ctx.seed(), "large"));
        b.param("large N (Q = 3, order 0,1,2)", largeN);
        sets.add(large);
        for (Dataset d : sets) {
            int q = d.classes();
            double ys = Math.max(1, Data.targetScale(d));
            List<int[]> orders = d == large ? List.of(new int[] {0, 1, 2}) : Permutations.all(q);
            for (int[] order : orders) {
                for (int l : new int[] {q, q + 2}) {
                    BuildResult r = Minimizers.build(d, BuildOptions.defaults(l).withOrder(order).withSeed(ctx.seed()));
                    double scale = r.data().scale();
                    worstCost = Math.max(worstCost, r.cost() / ys);
                    worstGrad = Math.max(worstGrad, r.gradientNorm());
                    for (LayerReport lr : r.layers()) {
                        worstSpread = Math.max(worstSpread, lr.collapsedSpread() / scale);
                        worstMoved = Math.max(worstMoved, lr.othersMoved() / scale);
                        maxCondA = Math.max(maxCondA, lr.condA());
                        maxCondW = Math.max(maxCondW, lr.condW());
                    }
                    minPre = Math.min(minPre, r.minPreActivation() / scale);
                    if (q > 1) {
                        minSigma = Math.min(minSigma, r.sigmaMinApex());
                    }
                    builds++;
                }
            }
        }
        b.measure("builds", builds)
                .atMost("max C2 / max(1, mean|y|^2)", worstCost, COST_TOLERANCE)
                .atMost("max |grad C2|", worstGrad, GRADIENT_TOLERANCE)
                .atMost("max collapsed spread / scale", worstSpread, MOTION_TOLERANCE)
                .atMost("max motion of kept points / scale", worstMoved, MOTION_TOLERANCE)
                .atLeast("min |pre-activation| / scale", minPre, PREACTIVATION_TOLERANCE)
                .measure("max cond(A_l)", maxCondA)
                .measure("max cond(W_l)", maxCondW)
                .measure("min sigma_min(P~)", minSigma)
                .criterion("every build: C2 ≤ 1e-20·max(1, mean|y|²), |∇C2| ≤ 1e-10 (backpropagation), each collapsed "
                        + "class within 1e-12·scale of its apex and every other point moved ≤ 1e-12·scale, "
                        + "pre-activations ≥ 1e-6·scale away from 0; also unequal N_j, random targets and one large N (Q = 3)")
                .note("C2 = (1/N) Σ |f(x) − y|²; scale = max(1, max |x|).");
        for (int q = 2; q <= 3; q++) {
            Dataset d = ClusteredData.generate(q, 60 * q, 0.8, Seeds.child(ctx.seed(), "picture-" + q));
            BuildResult r = Minimizers.build(d, BuildOptions.defaults(q).withSeed(ctx.seed()));
            for (Chart c : Pictures.curated(r, "minimizers-curated-q" + q)) {
                b.figure(c);
            }
        }
        return b.build();
    }
}
