package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.slopeOver;
import static io.nngeom.lowrank.experiments.LowRankExperiments.FIRST_ORDER;
import static io.nngeom.lowrank.experiments.LowRankExperiments.INSTANCES;
import static io.nngeom.lowrank.experiments.LowRankExperiments.QUICK_INSTANCE_NOTE;

import io.nngeom.lowrank.Bottleneck;
import io.nngeom.lowrank.HiddenLayer;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Sweep;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** E7: the hidden-layer weight formula with a frozen top (softmax and MMSE). */
final class HiddenExperiment extends NamedExperiment {
    HiddenExperiment() {
        super("lowrank.hidden", "E7: hidden-layer weight formula with a frozen top (softmax and MMSE)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = hiddenEpsilons(ctx, g);
        List<JointDistribution> laws = new ArrayList<>();
        for (double x : eps) {
            laws.add(g.at(x));
        }
        var b = ExperimentResult.builder(this, ctx).param("k1 (frozen tanh)", 7).param("k2 (sigmoid)", 3)
                .param("top", "V = diag(1/√p_y)Q, Q random orthonormal ⟂ √p_y (Ψ_V = Q)").param("eps", Arrays.toString(eps))
                .param("method", "continuation in ε from W = 0 at the smallest ε, warm starts upward");
        List<List<String>> rows = new ArrayList<>();
        List<double[]> errs = new ArrayList<>();
        for (LossKind kind : LossKind.values()) {
            errs.add(judgeBranch(b, kind, laws, eps, ctx.seed(), rows));
        }
        if (!ctx.quick()) {
            reportInstances(b, ctx);
        }
        if (ctx.quick()) {
            b.note(QUICK_INSTANCE_NOTE);
        }
        b.note("Why the previous run left the local region: with k₁ ≥ n_x − 1 the map (W, c) ↦ a(x) is a bijection, so the loss is "
                + "convex in u(x) = σ(a(x)) and b; every interior critical point is a global minimiser, and one exists only if the "
                + "convex optimum's spread of u over x is below 1, the sigmoid's range. That spread is ≈ ‖Ψ_V⁺B̃ diag(1/√p_x)‖, "
                + "so a badly conditioned random Gaussian top amplifies it: in E8's table (the reference protocol's Gaussian top) the "
                + "required spread is many times ε, the certified local branch is off by several ε "
                + "once its pre-activations move by O(1), and where the spread reaches 1 no critical point exists and the "
                + "optimiser runs into saturation. That is E8's negative "
                + "control. The verdict here is taken on a top with Ψ_V orthonormal, where the required spread is O(ε) with no "
                + "amplification, and the local-region hypothesis (shift ≤ 1) is checked rather than assumed.");
        b.note("The minimisers form a family (the operating point a0 is free: u → u + t, b → b − Vt), and the formula is "
                + "evaluated at each network's own a0, so different minimisers of the same loss give slightly different errors: "
                + "the last column (L-BFGS from W = 0 at each ε, same loss to rounding) shows it. The verdict uses the branch "
                + "followed by continuation from W = 0, the one the reference protocol's small-step GD from W = 0 selects.");
        b.table(new Table("lowrank-e7", "Hidden-layer weights on the local branch against the closed form",
                List.of("loss", "ε", "rel. error", "rel/ε", "‖RJWΦ₁ᵀ − Ξ_l‖/‖Ξ_l‖", "max |a − a0|", "required u-spread", "‖∇‖",
                        "zero eig./symmetries", "λ_min(H|T⊥)/‖H‖", "L − infimum", "rel/ε, L-BFGS from W = 0"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e7-hidden", "Hidden-layer weight error vs ε (local branch)", eps,
                new String[]{"softmax top", "MMSE top"}, new double[][]{errs.get(0), errs.get(1)}, new double[]{1, 2}));
        return b.criterion("One-hot → frozen tanh (k₁ = 7) → sigmoid (k₂ = 3) → frozen well-conditioned top. The local branch "
                + "(continuation from W = 0) is a certified critical point (‖∇‖ ≤ 1e-10, Hessian positive definite modulo its exact "
                + "symmetries, at the convex infimum) inside the local region (max |a − a0| ≤ 1 for ε ≤ 0.1), and there its W equals "
                + "J⁻¹(Ψ_VᵀΨ_V)⁻¹Ψ_VᵀB̃Φ₁(Φ₁ᵀΦ₁)⁻¹ (softmax) or J⁻¹(VᵀV)⁻¹VᵀMΦ₁(Φ₁ᵀΦ₁)⁻¹ (MMSE) with relative error < ε and "
                + "slope ≥ 0.85 over ε ≤ 0.1 (MMSE at a0 ≈ 0 is O(ε²) since σ''(0) = 0).").build();
    }

    /** The E7 ε values in increasing order (the continuation's direction). */
    static double[] hiddenEpsilons(ExperimentContext ctx, LocalGenerator g) {
        double[] base = ctx.quick() ? new double[]{0.025, 0.05, 0.1} : new double[]{0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2};
        return Arrays.stream(base).filter(x -> x < g.maxEpsilon()).toArray();
    }

    /** The certified local branch for one loss: its checks into {@code b}, its rows into {@code rows}; returns the relative errors. */
    private static double[] judgeBranch(ExperimentResult.Builder b, LossKind kind, List<JointDistribution> laws, double[] eps, long seed,
            List<List<String>> rows) {
        List<HiddenLayer.BranchPoint> branch = HiddenLayer.certifiedBranch(laws, kind, 7, 3, seed);
        double[] rel = new double[eps.length];
        double worst = 0;
        double worstShift = 0;
        double worstGrad = 0;
        double minCurv = Double.POSITIVE_INFINITY;
        double worstGap = 0;
        int zeroMismatch = 0;
        for (int i = 0; i < eps.length; i++) {
            HiddenLayer.Result r = branch.get(i).result();
            HiddenLayer.Certificate c = branch.get(i).certificate();
            HiddenLayer.Result fromZero = HiddenLayer.run(laws.get(i), kind, 7, 3, false, HiddenLayer.Top.CONDITIONED, seed);
            rel[i] = r.relativeError();
            boolean inWindow = eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12);
            if (inWindow) {
                worst = Math.max(worst, rel[i] / eps[i]);
                worstShift = Math.max(worstShift, r.maxPreActivationShift());
            }
            worstGrad = Math.max(worstGrad, c.gradNorm());
            minCurv = Math.min(minCurv, c.minCurvature());
            worstGap = Math.max(worstGap, Math.abs(r.loss() - c.infimum()));
            zeroMismatch = Math.max(zeroMismatch, Math.abs(c.nearZero() - c.symmetryDimension()));
            rows.add(List.of(kind.name().toLowerCase(Locale.ROOT), f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), f(r.layerMatrixError()),
                    f(r.maxPreActivationShift()), f(c.requiredSpread()), String.format(Locale.ROOT, "%.1e", c.gradNorm()),
                    c.nearZero() + "/" + c.symmetryDimension(), String.format(Locale.ROOT, "%.2e", c.minCurvature()),
                    String.format(Locale.ROOT, "%.1e", r.loss() - c.infimum()), f(fromZero.relativeError() / eps[i])));
        }
        String tag = kind.name().toLowerCase(Locale.ROOT);
        b.atMost(tag + ": max ‖∇L‖ on the branch", worstGrad, Bottleneck.GRAD_TOL);
        b.atLeast(tag + ": min curvature modulo symmetries λ_min(H|T⊥)/‖H‖", minCurv, HiddenLayer.MIN_CURVATURE);
        b.atMost(tag + ": max |#zero eigenvalues − #symmetries|", zeroMismatch, 0);
        b.atMost(tag + ": max |L − convex infimum|", worstGap, HiddenLayer.INFIMUM_AGREEMENT);
        b.atMost(tag + ": precondition max |a − a0| (ε ≤ 0.1)", worstShift, HiddenLayer.LOCAL_SHIFT);
        b.atMost(tag + ": max ‖W − W*‖/‖W*‖ / ε (ε ≤ 0.1)", worst, 1.0);
        b.atLeast(tag + ": slope (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER[0]);
        return rel;
    }

    /** Full version: other random instances of the same design, reported. */
    private static void reportInstances(ExperimentResult.Builder b, ExperimentContext ctx) {
        // other random instances of the same design (reported)
        List<List<String>> inst = new ArrayList<>();
        int holds = 0;
        double[] es = {0.025, 0.05, 0.1};
        for (int s = 1; s <= INSTANCES; s++) {
            ctx.progress().update("further instances", s - 1, INSTANCES, "");
            long seed = Seeds.child(ctx.seed(), "lowrank.e7.instance." + s);
            LocalGenerator gi = LocalGenerator.standard(seed);
            List<JointDistribution> li = new ArrayList<>();
            for (double x : es) {
                if (x < gi.maxEpsilon()) {
                    li.add(gi.at(x));
                }
            }
            List<HiddenLayer.Result> br = HiddenLayer.continuation(li, LossKind.SOFTMAX, 7, 3, HiddenLayer.Top.CONDITIONED, seed);
            List<String> row = new ArrayList<>(List.of(Integer.toString(s)));
            boolean ok = true;
            for (int i = 0; i < es.length; i++) {
                if (i < br.size()) {
                    double ratio = br.get(i).relativeError() / es[i];
                    ok &= ratio < 1;
                    row.add(f(ratio) + " (shift " + f(br.get(i).maxPreActivationShift()) + ")");
                } else {
                    row.add("beyond limit");
                }
            }
            holds += ok ? 1 : 0;
            row.add(ok ? "yes" : "no");
            inst.add(row);
        }
        b.measure("other instances where the softmax error < ε at ε = 0.025, 0.05, 0.1 (of " + INSTANCES + ")", holds);
        b.note("Instance-dependent: the verdict is taken on one instance. On " + INSTANCES + " other random instances of "
                + "the same design the softmax error stays below ε at ε = 0.025, 0.05 and 0.1 on " + holds + " (table "
                + "below), so a pass here does not mean it holds on every comparable instance.");
        b.table(new Table("lowrank-e7-instances", "Softmax hidden-layer error / ε (and max |a − a0|) on other random instances, conditioned top (reported)",
                List.of("instance", "ε = 0.025", "ε = 0.05", "ε = 0.1", "error < ε at all three"), inst));
    }
}
