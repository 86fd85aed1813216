package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.bottleneck;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.epsilons;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.slopeOver;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.slopeWithin;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.softmaxBias;
import static io.nngeom.lowrank.experiments.LowRankExperiments.FIRST_ORDER;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.Bottleneck;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.PopulationObjective;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Sweep;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** E2: with fixed features the optimal weights are Ψ* = B̃Φ(ΦᵀΦ)⁻¹ up to O(ε). */
final class FixedFeaturesExperiment extends NamedExperiment {
    FixedFeaturesExperiment() {
        super("lowrank.fixed-features", "E2: fixed features: optimal weights Ψ* = B̃Φ(ΦᵀΦ)⁻¹ up to O(ε)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int k = 2;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e2"));
        Matrix f = Bottleneck.gaussian(8, k, 1, rng);
        var b = ExperimentResult.builder(this, ctx).param("k", k).param("eps", Arrays.toString(eps));
        double[] rel = new double[eps.length];
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix w = Matrix.zeros(6, k);
            Mlp init = bottleneck(f, w, softmaxBias(d, f, w));
            boolean[] mask = Bottleneck.mask(init, Set.of(0), Set.of(0));
            Bottleneck.Trained t = Bottleneck.train(new PopulationObjective(init, d, LossKind.SOFTMAX, null, mask), init, null, Bottleneck.GRAD_TOL, 20000);
            Matrix phi = LocalGeometry.featureInformation(f, d.px());
            Matrix psi = LocalGeometry.weightInformation(t.model().layer(1).weight(), d.py());
            Matrix bt = LocalGeometry.centredDtm(d);
            Matrix star = Linalg.mult(Linalg.mult(bt, phi), Linalg.inverse(Linalg.multTransA(phi, phi)));
            rel[i] = psi.minus(star).normF() / star.normF();
            double gap = t.loss() - (d.entropyY() - LocalGeometry.hScore(bt, phi));
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                worst = Math.max(worst, rel[i] / eps[i]);
            }
            rows.add(List.of(f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), f(gap / Math.pow(eps[i], 3)), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        slopeWithin(b, "slope of ‖Ψ − Ψ*‖/‖Ψ*‖ (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER);
        b.atMost("max relative error / ε (ε ≤ 0.1)", worst, 0.5);
        b.table(new Table("lowrank-e2", "Learned weights against B̃Φ(ΦᵀΦ)⁻¹", List.of("ε", "rel. error", "rel/ε", "(L − (H(Y) − H-score))/ε³", "grad"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e2-weights", "Fixed features: weight error vs ε", eps, new String[]{"‖Ψ − B̃Φ(ΦᵀΦ)⁻¹‖/‖·‖"}, new double[][]{rel}, new double[]{1}));
        return b.criterion("Random fixed features; W and b trained (convex softmax regression): the weight information "
                + "matrix equals B̃Φ(ΦᵀΦ)⁻¹ with relative error < 0.5ε and slope in [0.85, 1.15].").build();
    }
}
