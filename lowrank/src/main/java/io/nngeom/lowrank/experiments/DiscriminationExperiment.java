package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.DiscriminationDesign.DISCRIMINATION_EPS;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.LOCALITY_MAX;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.SEPARATION_MIN;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.designedDiscriminationSeed;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.designedSeed;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.discrimination;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.discriminationEpsilons;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.discriminationGenerator;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.instanceColumns;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.instanceRow;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.meetsPreconditions;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.separation;
import static io.nngeom.lowrank.experiments.DiscriminationDesign.stressGenerator;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.LowRankExperiments.DISCRIMINATION_RATIO;
import static io.nngeom.lowrank.experiments.LowRankExperiments.INSTANCES;
import static io.nngeom.lowrank.experiments.LowRankExperiments.QUICK_INSTANCE_NOTE;

import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.experiments.DiscriminationDesign.InstanceRow;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** E6c: softmax and MSE bottlenecks learn different subspaces (B̃ against diag(√p_y)B̃). */
final class DiscriminationExperiment extends NamedExperiment {
    DiscriminationExperiment() {
        super("lowrank.discrimination", "E6c: softmax and MSE learn different subspaces (B̃ vs diag(√p_y)B̃)");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        long[] design = designedDiscriminationSeed(ctx.seed());
        LocalGenerator g = discriminationGenerator(design[1]);
        double[] eps = Arrays.stream(discriminationEpsilons(ctx)).filter(x -> x < g.maxEpsilon()).toArray();
        int k = 2;
        var b = ExperimentResult.builder(this, ctx).param("k", k).param("eps", Arrays.toString(eps))
                .param("generator", "random local laws (as E4): Dirichlet(5·1) p_x and p_y, spectrum ∝ [1, .6, .3, .15, .05]")
                .param("p_y", Arrays.toString(Arrays.stream(g.py()).mapToObj(ExperimentHelpers::f).toArray()))
                .param("positivity limit", f(g.maxEpsilon()))
                .param("instance", design[0] == 0 ? "context seed" : "candidate " + design[0] + " (earlier candidates miss a precondition)");
        List<List<String>> rows = new ArrayList<>();
        double worstSoft = 0;
        double worstMse = 0;
        double separation = separation(g.at(eps[0]), k);
        double[][] series = new double[3][eps.length];
        for (int i = 0; i < eps.length; i++) {
            double x = eps[i];
            double[] r = discrimination(g.at(x), k, ctx.seed());
            series[0][i] = r[0];
            series[1][i] = r[1];
            series[2][i] = r[0] / r[1];
            worstSoft = Math.max(worstSoft, r[0] / r[1]);
            worstMse = Math.max(worstMse, r[2] / r[3]);
            rows.add(List.of(f(x), f(separation), f(r[0]), f(r[0] / x), f(r[1]), f(r[0] / r[1]),
                    String.format(Locale.ROOT, "%.2e", r[2]), f(r[3]), String.format(Locale.ROOT, "%.2e", r[2] / r[3])));
        }
        b.atLeast("precondition: separation sinθ(V_k(B̃), V_k(diag(√p_y)B̃))", separation, SEPARATION_MIN);
        b.atMost("precondition: locality 0.05 / positivity limit", DISCRIMINATION_EPS / g.maxEpsilon(), LOCALITY_MAX);
        b.atMost("softmax: max own/other (ε ≤ 0.05)", worstSoft, DISCRIMINATION_RATIO);
        b.atMost("MSE: max own/other (ε ≤ 0.05)", worstMse, DISCRIMINATION_RATIO);
        b.table(new Table("lowrank-e6c", "Which prediction does each trained network follow? (verdict instance)",
                List.of("ε", "separation", "softmax vs V_k(B̃)", "(softmax own)/ε", "softmax vs V_k(M)", "softmax own/other",
                        "MSE vs V_k(M)", "MSE vs V_k(B̃)", "MSE own/other"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e6c-discrimination", "Softmax-trained features: own vs other prediction",
                eps, new String[]{"sinθ(Φ, V_k(B̃)) own", "sinθ(Φ, V_k(diag(√p_y)B̃)) other", "own/other"}, series,
                new double[]{1}));
        if (!ctx.quick()) {
            reportFurtherInstances(b, ctx, k);
        }
        if (ctx.quick()) {
            b.note(QUICK_INSTANCE_NOTE);
        }
        b.note("The own/other ratio of the softmax network is about C·ε/separation, C = (own error)/ε being the O(ε) constant "
                + "of the softmax bottleneck: the test discriminates only when the separation is large next to C·ε and ε is well "
                + "inside the local region. With Dirichlet(5) marginals the two predictions can be very close, so the verdict is "
                + "taken on the first candidate instance of the reference protocol's generator meeting both stated hypotheses (chosen on the "
                + "law alone, without training anything); the full version reports further instances with and without them.");
        return b.criterion("Random local laws (as E4). Preconditions (checked on the law alone): the predictions V_k(B̃) "
                + "(softmax) and V_k(diag(√p_y)B̃) (MSE) are at least sinθ = 0.1 apart; ε = 0.05 is at most 0.3 of the positivity "
                + "limit; the instance is the first candidate (context seed, then its children) meeting both. Then the "
                + "softmax-trained features are much closer to V_k(B̃) and the MSE-trained ones to V_k(diag(√p_y)B̃) than to the "
                + "other prediction (ratio < 0.2 at every ε ≤ 0.05 tested).").build();
    }

    /** Full version: further random instances of the same generator and the p_y ∝ 2^(−y) stress instance, reported. */
    private static void reportFurtherInstances(ExperimentResult.Builder b, ExperimentContext ctx, int k) {
        double[] all = discriminationEpsilons(ctx);
        // reported: further random instances of the same generator, with and without the preconditions
        List<List<String>> inst = new ArrayList<>();
        int[] holds = new int[2]; // [missing a precondition, meeting both]
        int[] tried = new int[2];
        double cMin = Double.POSITIVE_INFINITY;
        double cMax = 0;
        for (int s = 1; s <= INSTANCES; s++) {
            ctx.progress().update("further instances", s - 1, INSTANCES, "");
            LocalGenerator gi = discriminationGenerator(Seeds.child(ctx.seed(), "lowrank.e6c.instance." + s));
            int pre = meetsPreconditions(gi, k) ? 1 : 0;
            InstanceRow row = instanceRow(Integer.toString(s), gi, all, ctx.seed());
            inst.add(row.cells());
            tried[pre]++;
            holds[pre] += row.holds() ? 1 : 0;
            cMin = Math.min(cMin, row.ownOverEps());
            cMax = Math.max(cMax, row.ownOverEps());
        }
        b.table(new Table("lowrank-e6c-instances", "Further random instances of the same generator (reported)",
                instanceColumns(all), inst));
        b.measure("further instances meeting both preconditions: criterion holds (of " + tried[1] + ")", holds[1]);
        b.note("Instance-dependent: the verdict is taken on one instance. On comparable instances of the same generator "
                + "the criterion holds on " + holds[1] + " of " + tried[1] + " meeting both preconditions and on " + holds[0]
                + " of " + tried[0] + " missing one (table below), so a pass here does not mean it holds on every "
                + "instance meeting the hypotheses.");
        b.measure("further instances missing a precondition: criterion holds (of " + tried[0] + ")", holds[0]);
        b.measure("further instances: smallest C = softmax own/ε at ε = 0.05", cMin);
        b.measure("further instances: largest C = softmax own/ε at ε = 0.05", cMax);
        // reported: the stress instance with p_y ∝ 2^(−y), the verdict instance before the revision
        long[] sd = designedSeed(ctx.seed(), DiscriminationDesign::stressGenerator);
        LocalGenerator gs = stressGenerator(sd[1]);
        InstanceRow srow = instanceRow("p_y ∝ 2^(−y), candidate " + sd[0], gs, all, ctx.seed());
        b.table(new Table("lowrank-e6c-stress", "Stress instance p_y ∝ 2^(−y) near the positivity limit (report only)",
                instanceColumns(all), List.of(srow.cells())));
        b.measure("stress instance (report only): 0.05 / positivity limit", DISCRIMINATION_EPS / gs.maxEpsilon());
        b.measure("stress instance (report only): softmax own/ε at ε = 0.05", srow.ownOverEps());
        b.measure("stress instance (report only): softmax own/other at ε = 0.05", srow.ratios()[0]);
        int last = all.length - 1;
        // the O(ε) constant at ε = 0.05 relative to its value at the smallest ε: ratio(0.05)/ratio(ε_min) · ε_min/0.05
        double growth = srow.ratios()[0] / srow.ratios()[last] * all[last] / all[0];
        b.measure("stress instance (report only): C(0.05)/C(" + f(all[last]) + ")", growth);
        b.note(String.format(Locale.ROOT, "Stress instance (report only; E6c's verdict instance before the revision, our own "
                + "design, not the reference protocol's): p_y ∝ 2^(−y), largest/smallest 32, separates the two predictions (%.3f) but lowers "
                + "the positivity limit, so ε = 0.05 is %.2f of it. There the O(ε) constant C = (softmax own error)/ε is %.3g, "
                + "%+.0f%% against its value at ε = %s (%s towards the positivity limit), and the ratio ≈ C·ε/separation is "
                + "%.3f at ε = 0.05, then %.3f and %.3f as ε halves. On the further Dirichlet(5) instances C ranges over "
                + "%.3g–%.3g, so what decides the ratio at ε = 0.05 is C against the separation, instance by instance.",
                separation(gs.at(0.5 * gs.maxEpsilon()), k), DISCRIMINATION_EPS / gs.maxEpsilon(), srow.ownOverEps(),
                100 * (growth - 1), f(all[last]), growth > 1 ? "growing" : "not growing", srow.ratios()[0], srow.ratios()[1], srow.ratios()[last], cMin, cMax));
    }
}
