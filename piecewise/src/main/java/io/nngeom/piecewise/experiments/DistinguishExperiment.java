package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.gaussian;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.Distinguishability;
import io.nngeom.piecewise.Lattice;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** E13: collisions propagate; all-active full-rank layers keep data distinguishable */
final class DistinguishExperiment extends PiecewiseExperiment {
    DistinguishExperiment() {
        super("piecewise.distinguish", "E13: collisions propagate; all-active full-rank layers keep data distinguishable");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e13"));
        int n = ctx.quick() ? 400 : 2000;
        double[] xd = new double[2 * n];
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            xd[2 * i] = 4 * rng.nextDouble() - 2;
            xd[2 * i + 1] = 4 * rng.nextDouble() - 2;
            lab[i] = (xd[2 * i] * xd[2 * i + 1] > 0) ? 1 : 0;
        }
        Matrix x = new Matrix(n, 2, xd);
        Mlp net = Mlp.random(new int[] {2, 3, 3, 2, 1}, Activation.RELU, rng);
        List<Distinguishability.LayerReport> rep = Distinguishability.analyse(net, x, lab, false);
        // collided pairs (equal images at some layer) must have equal outputs
        var tr = net.trace(x);
        double worst = 0;
        long pairs = 0;
        for (int l = 1; l < net.layerCount(); l++) {
            Matrix f = tr.activations().get(l);
            double tol = Distinguishability.COLLISION_TOL * (1 + f.maxAbs());
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean eq = true;
                    for (int q = 0; q < f.cols() && eq; q++) {
                        eq = Math.abs(f.get(i, q) - f.get(j, q)) <= tol;
                    }
                    if (eq) {
                        pairs++;
                        worst = Math.max(worst, Math.abs(tr.output().get(i, 0) - tr.output().get(j, 0)));
                    }
                }
            }
        }
        // transmission net: all-active full-rank layers on the box keep every pair apart
        Box box = Box.cube(2, -2, 2);
        List<Layer> ls = new ArrayList<>();
        Layer l1 = Lattice.transmission(gaussian(6, 2, rng), box, 1.0);
        ls.add(l1);
        ls.add(new Layer(gaussian(1, 6, rng), new double[1], Activation.IDENTITY));
        Mlp trans = new Mlp(ls);
        List<Distinguishability.LayerReport> rep2 = Distinguishability.analyse(trans, x, lab, true);
        long transColl = 0;
        for (var r : rep2) {
            transColl += r.collisions();
        }
        List<List<String>> rows = new ArrayList<>();
        for (var r : rep) {
            rows.add(List.of("random 2-3-3-2-1", "" + r.layer(), "" + r.width(), "" + r.collisions(), "" + r.zeroImages(), "" + r.rank()));
        }
        for (var r : rep2) {
            rows.add(List.of("transmission 2-6-1", "" + r.layer(), "" + r.width(), "" + r.collisions(), "" + r.zeroImages(), "" + r.rank()));
        }
        boolean monotone = true;
        for (int l = 1; l < rep.size(); l++) {
            monotone &= rep.get(l).collisions() >= rep.get(l - 1).collisions();
        }
        return ExperimentResult.builder(this, ctx).param("points", n)
                .measure("collidingPairs", pairs)
                .atMost("maxOutputDifferenceOfCollidedPairs", worst, 1e-12)
                .atMost("transmissionNetCollisions", transColl, 0)
                .atLeast("collisionsNeverDecreaseWithDepth", monotone ? 1 : 0, 1)
                .atLeast("transmissionHiddenLayerLinearlySeparableAsInput", Objects.equals(rep2.get(1).linearlySeparable(), rep2.get(0).linearlySeparable()) ? 1 : 0, 1)
                .criterion("pairs with equal images at a layer have equal outputs; collisions never decrease with depth; a layer "
                        + "all active on the box with rank n (C5a) creates no collisions and keeps linear separability")
                .table(new Table("distinguishability", "Collisions per layer", List.of("net", "layer", "width", "label collisions", "zero images", "rank"), rows))
                .build();
    }
}
