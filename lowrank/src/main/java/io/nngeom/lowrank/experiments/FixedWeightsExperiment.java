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

/** E3: with fixed weights the optimal features are Φ* = B̃ᵀΨ(ΨᵀΨ)⁻¹ up to O(ε). */
final class FixedWeightsExperiment extends NamedExperiment {
    FixedWeightsExperiment() {
        super("lowrank.fixed-weights", "E3: fixed weights: optimal features Φ* = B̃ᵀΨ(ΨᵀΨ)⁻¹ up to O(ε)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int k = 2;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e3"));
        Matrix w0 = Bottleneck.gaussian(6, k, 1, rng);
        Matrix f0 = Bottleneck.gaussian(8, k, 0.1, rng);
        var b = ExperimentResult.builder(this, ctx).param("k", k).param("eps", Arrays.toString(eps));
        double[] rel = new double[eps.length];
        double worst = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix w = w0.scale(eps[i]);
            Mlp init = bottleneck(f0, w, softmaxBias(d, f0, w));
            boolean[] mask = Bottleneck.mask(init, Set.of(1), Set.of());
            Bottleneck.Trained t = Bottleneck.train(new PopulationObjective(init, d, LossKind.SOFTMAX, null, mask), init, null, Bottleneck.GRAD_TOL, 20000);
            Matrix phi = LocalGeometry.featureInformation(t.features(), d.px());
            Matrix psi = LocalGeometry.weightInformation(w, d.py());
            Matrix bt = LocalGeometry.centredDtm(d);
            Matrix star = Linalg.mult(Linalg.multTransA(bt, psi), Linalg.inverse(Linalg.multTransA(psi, psi)));
            rel[i] = phi.minus(star).normF() / star.normF();
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                worst = Math.max(worst, rel[i] / eps[i]);
            }
            rows.add(List.of(f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        slopeWithin(b, "slope of ‖Φ − Φ*‖/‖Φ*‖ (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER);
        b.atMost("max relative error / ε (ε ≤ 0.1)", worst, 0.5);
        b.table(new Table("lowrank-e3", "Learned features against B̃ᵀΨ(ΨᵀΨ)⁻¹", List.of("ε", "rel. error", "rel/ε", "grad"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e3-features", "Fixed weights: feature error vs ε", eps, new String[]{"‖Φ − B̃ᵀΨ(ΨᵀΨ)⁻¹‖/‖·‖"}, new double[][]{rel}, new double[]{1}));
        return b.criterion("Fixed output weights W = ε·W0; features (identity layer on one-hot x) and bias trained: the "
                + "feature information matrix equals B̃ᵀΨ(ΨᵀΨ)⁻¹ with relative error < 0.5ε and slope in [0.85, 1.15].").build();
    }
}
