package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.epsilons;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.slopeWithin;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.sweepTable;
import static io.nngeom.lowrank.experiments.LowRankExperiments.FIRST_ORDER;
import static io.nngeom.lowrank.experiments.LowRankExperiments.GAP_OVER_EPS3;
import static io.nngeom.lowrank.experiments.LowRankExperiments.SECOND_ORDER;

import io.nngeom.lowrank.Bottleneck;
import io.nngeom.lowrank.BottleneckMetrics;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Sweep;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import java.util.Arrays;

/** E4: the trained softmax bottleneck is the rank-k truncation of B̃, errors O(ε). */
final class BottleneckExperiment extends NamedExperiment {
    BottleneckExperiment() {
        super("lowrank.bottleneck", "E4: trained bottleneck = rank-k truncation of B̃ (softmax), errors O(ε)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int restarts = ctx.quick() ? 2 : 4;
        Sweep.Result s = Sweep.run(new Sweep.Options(8, 6, 2, eps, LossKind.SOFTMAX, false, LocalGenerator.DEFAULT_SPECTRUM,
                restarts, ctx.seed(), true));
        var b = ExperimentResult.builder(this, ctx).param("nx", 8).param("ny", 6).param("k", 2).param("restarts", restarts)
                .param("eps", Arrays.toString(eps)).param("positivity limit", f(s.maxEpsilon()));
        slopeWithin(b, "slope M1", s.slopes().get("M1"), FIRST_ORDER);
        slopeWithin(b, "slope M2", s.slopes().get("M2"), FIRST_ORDER);
        slopeWithin(b, "slope M3", s.slopes().get("M3"), FIRST_ORDER);
        slopeWithin(b, "slope 1 − M4", s.slopes().get("1-M4"), SECOND_ORDER);
        double maxM5 = 0;
        double m1e = 0;
        double m3e = 0;
        boolean conv = true;
        for (Sweep.Row r : s.rows()) {
            if (r.epsilon() <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                maxM5 = Math.max(maxM5, Math.abs(r.m5()));
                m1e = Math.max(m1e, r.m1() / r.epsilon());
                m3e = Math.max(m3e, r.m3() / r.epsilon());
            }
            conv &= r.converged();
        }
        b.atMost("max |Δ|/ε³ (ε ≤ 0.1)", maxM5, GAP_OVER_EPS3);
        b.measure("slope |Δ|", s.slopes().get("gap"));
        b.measure("max M1/ε (ε ≤ 0.1; reference instance: 0.37)", m1e);
        b.measure("max M3/ε (ε ≤ 0.1; reference instance: 0.67)", m3e);
        b.atLeast("all trainings reached ‖∇‖ ≤ 1e-10 (1 = yes)", conv ? 1 : 0, 1);
        b.table(sweepTable("lowrank-e4", "Bottleneck metrics per ε (softmax, k = 2)", s));
        s.figures().forEach(b::figure);
        // the pictures of the learned features at ε = 0.05
        JointDistribution d = g.at(0.05);
        LocalGeometry.Modes modes = LocalGeometry.modes(d);
        Bottleneck.Trained t2 = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(restarts));
        b.figure(LowRankFigures.learnedVsPredicted("lowrank-e4-subspace", d, t2.features(), modes, 2));
        Bottleneck.Trained t1 = Bottleneck.train(d, Bottleneck.Options.of(1, LossKind.SOFTMAX, ctx.seed()).withRestarts(restarts));
        BottleneckMetrics m1 = BottleneckMetrics.of(d, t1.model(), t1.loss(), 1, LossKind.SOFTMAX, null);
        b.measure("k = 1 at ε = 0.05: correlation with f₁ (M7)", m1.m7());
        b.figure(LowRankFigures.learnedVsPredicted("lowrank-e4-feature", d, t1.features(), modes, 1));
        b.figure(LowRankFigures.spectrum("lowrank-e4-spectrum", "Singular values of B̃ at ε = 0.05", modes.sigma(), 2));
        s.warnings().forEach(b::note);
        return b.criterion("Over ε ≤ 0.1 the fitted log-log slopes of M1 = sinθ(Φ, V_k), M2 = sinθ(Ψ, U_k) and "
                + "M3 = ‖ΨΦᵀ − B̃_k‖/‖B̃_k‖ lie in [0.85, 1.15]; that of 1 − M4 (H-score ratio) in [1.7, 2.3]; "
                + "|Δ|/ε³ < 0.2 (loss gap to H(Y) − ½Σσ²); every training converged to ‖∇‖ ≤ 1e-10.").build();
    }
}
