package io.nngeom.lowrank.experiments;

import static io.nngeom.lowrank.experiments.ExperimentHelpers.f;
import static io.nngeom.lowrank.experiments.ExperimentHelpers.generator;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.Bottleneck;
import io.nngeom.lowrank.BottleneckMetrics;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Subspaces;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** E5: training on finite samples agrees with the empirical B̂. */
final class SamplesExperiment extends NamedExperiment {
    SamplesExperiment() {
        super("lowrank.samples", "E5: training on finite samples agrees with the empirical B̂");
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double eps = 0.05;
        JointDistribution truth = g.at(eps);
        int[] ns = ctx.quick() ? new int[]{10_000, 100_000} : new int[]{10_000, 100_000, 1_000_000};
        var b = ExperimentResult.builder(this, ctx).param("eps", eps).param("k", 2).param("n", Arrays.toString(ns));
        LocalGeometry.Modes trueModes = LocalGeometry.modes(truth);
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        for (int n : ns) {
            JointDistribution emp = truth.empirical(n, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5." + n)));
            if (emp.nx() != truth.nx() || emp.ny() != truth.ny()) {
                b.note("n = " + n + ": a symbol never occurred; skipped");
                continue;
            }
            Bottleneck.Trained t = Bottleneck.train(emp, Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(2));
            BottleneckMetrics m = BottleneckMetrics.of(emp, t.model(), t.loss(), 2, LossKind.SOFTMAX, null);
            Matrix phiTrue = LocalGeometry.featureInformation(t.features(), truth.px());
            double vsTruth = Subspaces.sinThetaMax(phiTrue, trueModes.vk(2));
            double svdNoise = Subspaces.sinThetaMax(LocalGeometry.modes(emp).vk(2), trueModes.vk(2));
            worst = Math.max(worst, m.m1() / m.epsilon());
            rows.add(List.of(Integer.toString(n), f(m.epsilon()), f(m.m1()), f(m.m1() / m.epsilon()), f(vsTruth), f(svdNoise)));
            b.measure("n = " + n + ": M1 vs true B̃", vsTruth);
        }
        b.measure("max over n of M1(B̂)/ε̂", worst);
        // the same training done literally on the samples, by the foundation's Trainer (full-batch L-BFGS on the
        // data set of n one-hot rows, mean cross-entropy): it must land on the optimum of the P̂ population loss
        int n0 = ns[0];
        int[][] smp = truth.sample(n0, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5.trainer")));
        JointDistribution emp0 = JointDistribution.fromSamples(smp[0], smp[1], truth.nx(), truth.ny());
        if (emp0.nx() == truth.nx() && emp0.ny() == truth.ny()) {
            Matrix xs = Matrix.zeros(n0, truth.nx());
            for (int i = 0; i < n0; i++) {
                xs.set(i, smp[0][i], 1);
            }
            Dataset data = Dataset.classification(xs, smp[1], truth.ny());
            Bottleneck.Options bo = Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(1);
            Mlp init = Bottleneck.random(emp0, bo, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5.init")));
            TrainingResult tr = Trainer.train(init, data,
                    Objective.of(Loss.SOFTMAX_CE),
                    TrainingOptions.defaults(Optimizer.LBFGS).withIterations(20000)
                            .withGradTol(Bottleneck.GRAD_TOL).withSeed(ctx.seed()));
            Bottleneck.Trained pop = Bottleneck.train(emp0, bo.withRestarts(ctx.quick() ? 2 : 4));
            Matrix phiA = LocalGeometry.featureInformation(Bottleneck.featureTable(tr.model(), 0), emp0.px());
            Matrix phiB = LocalGeometry.featureInformation(pop.features(), emp0.px());
            b.param("Trainer cross-check", "n = " + n0 + " raw samples, foundation Trainer (L-BFGS), gradient norm "
                    + String.format(Locale.ROOT, "%.1e", tr.gradNorm()));
            b.atMost("n = " + n0 + ": |loss(Trainer on samples) − loss(population P̂)|", Math.abs(tr.loss() - pop.loss()), 1e-9);
            b.atMost("n = " + n0 + ": sinθ(Trainer features, population-P̂ features)", Subspaces.sinThetaMax(phiA, phiB), 1e-4);
        }
        b.table(new Table("lowrank-e5", "Training on samples (empirical law P̂)", List.of("n", "ε̂ = ‖B̂‖", "M1 vs B̂", "M1/ε̂", "M1 vs true B̃", "sinθ(V_k(B̂), V_k(B̃))"), rows));
        b.note("The theory gives no numeric pass criterion for E5 ('compare with B̂'); the numbers are reported. Against "
                + "B̂ the error is the local-theory error of the law P̂ (its constant depends on P̂'s spectral gap); against "
                + "the true B̃ it is dominated by the sampling error of the SVD itself (last column), which falls like 1/√n.");
        return b.criterion("Checked: the foundation's Trainer run on the raw samples (mean cross-entropy over n rows) reaches "
                + "the optimum of the population loss of P̂ (loss to 1e-9, feature subspace to 1e-4). Reported: the trained "
                + "features against the SVD of the empirical B̂ and of the true B̃ (the theory gives no numeric criterion).").build();
    }
}
