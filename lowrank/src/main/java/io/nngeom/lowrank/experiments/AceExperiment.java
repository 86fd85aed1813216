package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.Ace;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.Ops;
import io.nngeom.lowrank.Subspaces;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** ACE from samples converges to the SVD subspace of B̂. */
final class AceExperiment extends NamedExperiment {
    AceExperiment() {
        super("lowrank.ace", "ACE from samples converges to the SVD subspace of B̂");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        JointDistribution truth = g.at(0.2);
        int[] ns = ctx.quick() ? new int[]{20_000} : new int[]{10_000, 100_000, 1_000_000};
        var b = ExperimentResult.builder(this, ctx).param("eps", 0.2).param("k", 2).param("n", Arrays.toString(ns));
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        double worstSigma = 0;
        for (int n : ns) {
            int[][] s = truth.sample(n, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.ace." + n)));
            JointDistribution emp = JointDistribution.fromSamples(s[0], s[1], truth.nx(), truth.ny());
            if (emp.nx() != truth.nx() || emp.ny() != truth.ny()) {
                b.note("n = " + n + ": a symbol never occurred; skipped");
                continue;
            }
            Ace.Result r = Ace.run(s[0], s[1], truth.nx(), truth.ny(), 2, 5000, 1e-13, ctx.seed());
            LocalGeometry.Modes m = LocalGeometry.modes(emp);
            Matrix phi = Ops.scaleRows(r.features(), Ops.sqrt(emp.px()));
            double vsEmp = Subspaces.sinThetaMax(phi, m.vk(2));
            double vsTruth = Subspaces.sinThetaMax(Ops.scaleRows(r.features(), Ops.sqrt(truth.px())), LocalGeometry.modes(truth).vk(2));
            double dSigma = Math.max(Math.abs(r.correlations()[0] - m.sigma()[0]), Math.abs(r.correlations()[1] - m.sigma()[1]));
            worst = Math.max(worst, vsEmp);
            worstSigma = Math.max(worstSigma, dSigma);
            rows.add(List.of(Integer.toString(n), Integer.toString(r.iterations()), String.format(Locale.ROOT, "%.2e", vsEmp),
                    String.format(Locale.ROOT, "%.2e", dSigma), f(vsTruth)));
        }
        b.atMost("max sinθ(ACE features, V_k(B̂))", worst, 1e-8);
        b.atMost("max |ACE correlation − σ_i(B̂)|", worstSigma, 1e-10);
        b.table(new Table("lowrank-ace", "ACE from samples against the SVD of B̂", List.of("n", "sweeps", "sinθ vs B̂", "max |ρ_i − σ_i|", "sinθ vs true B̃"), rows));
        return b.criterion("ACE (alternating conditional expectations on the samples, no SVD) reaches the top-2 right "
                + "singular subspace of the empirical B̂ to sinθ ≤ 1e-8 and its singular values to 1e-10.").build();
    }
}
