package io.nngeom.piecewise.experiments;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.AffineLift;
import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.ShallowFit;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** E8: affine lift leaves the function unchanged; family dimension h(m-n) */
final class LiftExperiment extends PiecewiseExperiment {
    LiftExperiment() {
        super("piecewise.lift", "E8: affine lift leaves the function unchanged; family dimension h(m-n)");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int trials = ctx.quick() ? 3 : 10;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e8"));
        double worst = 0;
        int dimMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            int n = 1 + rng.nextInt(3);
            int h = 2 + rng.nextInt(5);
            int m = n + 1 + rng.nextInt(8);
            // every hidden unit's hyperplane passes near the origin, so it is active on part of the box (a dead unit
            // would add n more invariant directions: domain-dependent redundancy, not the lift's family)
            Mlp net = Mlp.random(new int[] {n, h, 1}, Activation.RELU, rng);
            double[] hb = new double[h];
            for (int i = 0; i < h; i++) {
                hb[i] = 0.1 * Seeds.gaussian(rng);
            }
            net = net.withLayer(0, new Layer(net.layer(0).weight(), hb, Activation.RELU));
            Box box = Box.cube(n, -1, 1);
            Construction lifted = AffineLift.lift(net, m, box, 1.0, rng.nextLong());
            Matrix xs = ShallowFit.boxSamples(box, 5000, rng.nextLong());
            Matrix a = net.apply(xs);
            Matrix b = lifted.net().apply(xs);
            double d = a.minus(b).maxAbs();
            worst = Math.max(worst, d);
            int dim = AffineLift.invariantDimension(lifted.net(), box, Math.max(60, 4 * h * m), rng.nextLong());
            if (dim != h * (m - n)) {
                dimMismatch++;
            }
            rows.add(List.of("" + n, "" + h, "" + m, "" + h * (m - n), "" + dim, String.format("%.1e", d)));
        }
        return ExperimentResult.builder(this, ctx).param("trials", trials)
                .atMost("maxFunctionChange", worst, 1e-10).atMost("familyDimensionMismatches", dimMismatch, 0)
                .criterion("the lifted net equals the original on the box (<= 1e-10); null space of W' -> values has dimension h(m-n)")
                .table(new Table("lift", "Affine lifts", List.of("n", "h", "m", "h(m-n)", "measured", "max change"), rows))
                .build();
    }
}
