package io.nngeom.explain.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.explain.Explain;
import io.nngeom.explain.ExplainOptions;
import io.nngeom.explain.ExplainResult;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.lowrank.SampleFeatures;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentProvider;
import io.nngeom.validate.ExperimentResult;
import java.util.Arrays;
import java.util.List;

/**
 * {@code explain.local-hscore}: {@link Explain} on a network nngeom trains in the local regime. Data: n examples of a
 * joint law with ε = 0.05 ({@link LocalGenerator}, 8 input symbols one-hot, 4 classes; counts n·P(x, y) rounded).
 * Network 8-k-4, ReLU (hidden biases start at 1, no unit dead at the start), k = 2, trained on the softmax cross-entropy by L-BFGS to ‖∇‖ ≤ 1e-9. The low-rank theory says
 * the optimal k features reach the largest H-score of any k features of this data, ½Σ_{i≤k}σ_i² of the empirical
 * B̃; that bound is computed independently of the network, from the one-hot inputs
 * ({@link SampleFeatures#analyze}). Checks: the last hidden layer's H-score as {@code explain} reports it is at most
 * the bound (Ky Fan) and at least {@link #MIN_RATIO} of it when training has converged; the ratio after
 * {@link #EARLY_ITERATIONS} iterations is shown next to it.
 */
public final class LocalHScoreExperiment implements Experiment, ExperimentProvider {
    /** The H-score of the converged features must reach this fraction of the bound (the theory: 1 − O(ε²)). */
    public static final double MIN_RATIO = 0.99;
    /** Iterations of the early snapshot. */
    public static final int EARLY_ITERATIONS = 3;
    /** ε of the law. */
    public static final double EPSILON = 0.05;

    @Override
    public List<Experiment> experiments() {
        return List.of(this);
    }

    @Override
    public String name() {
        return "explain.local-hscore";
    }

    @Override
    public String title() {
        return "explain: in the local regime, the trained last hidden layer's H-score approaches the theory's bound";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx);
        int nx = 8;
        int ny = 4;
        int k = 2;
        int n = ctx.quick() ? 4000 : 40_000;
        b.param("input symbols", nx).param("classes", ny).param("features k", k).param("epsilon", EPSILON).param("examples (about)", n);
        JointDistribution law = LocalGenerator.random(nx, ny, new double[] {1, 0.6, 0.3}, Seeds.child(ctx.seed(), "law")).at(EPSILON);
        Dataset d = sample(law, n);
        SampleFeatures.Analysis input = SampleFeatures.analyze(d.x(), d.labels(), ny, k);
        double bound = 0.5 * (input.sigma()[0] * input.sigma()[0] + input.sigma()[1] * input.sigma()[1]);
        Mlp random = Mlp.random(new int[] {nx, k, ny}, Activation.RELU, Seeds.rng(Seeds.child(ctx.seed(), "init")));
        // hidden biases start at 1 so that no unit starts dead on an input symbol (a unit off on a symbol merges it
        // with others, and the flat local-regime loss gives it no gradient to come back)
        double[] ones = new double[k];
        Arrays.fill(ones, 1.0);
        Mlp init = random.withLayer(0, new Layer(random.layer(0).weight(), ones, Activation.RELU));
        Objective ce = Objective.of(Loss.SOFTMAX_CE);
        TrainingOptions lbfgs = TrainingOptions.defaults(Optimizer.LBFGS).withGradTol(1e-9);
        TrainingResult early = Trainer.train(init, d, ce, lbfgs.withIterations(EARLY_ITERATIONS));
        TrainingResult done = Trainer.train(early.model(), d, ce, lbfgs.withIterations(ctx.quick() ? 3000 : 20_000), ctx.progress());
        double hEarly = lastHidden(early.model(), d);
        double hDone = lastHidden(done.model(), d);
        b.measure("empirical epsilon", input.epsilon()).measure("bound ½Σσ² (top k)", bound)
                .measure("early H-score ratio", hEarly / bound).measure("gradient norm", done.gradNorm())
                .atLeast("converged H-score ratio", hDone / bound, MIN_RATIO)
                .atMost("converged H-score over bound minus 1", hDone / bound - 1, 1e-9);
        b.criterion("The last hidden layer's H-score (explain's featureGeometry.hScore) of the converged network reaches at least "
                + MIN_RATIO + " of the largest H-score of any " + k + " features, ½Σ_{i≤k}σ_i² of the empirical B̃ computed "
                + "from the one-hot inputs, and never exceeds it.");
        b.note("The early ratio (after " + EARLY_ITERATIONS + " L-BFGS iterations) shows the approach; " + input.statement() + ".");
        return b.build();
    }

    private static double lastHidden(Mlp net, Dataset d) {
        ExplainResult r = Explain.run(ExplainOptions.of(net, d).withSegments(0).withPlanes(0));
        return r.layers().get(r.layers().size() - 1).featureGeometry().hScore();
    }

    /** Round(n·P(x, y)) examples of each pair, x one-hot. */
    static Dataset sample(JointDistribution law, int n) {
        int total = 0;
        int[][] counts = new int[law.nx()][law.ny()];
        for (int x = 0; x < law.nx(); x++) {
            for (int y = 0; y < law.ny(); y++) {
                counts[x][y] = (int) Math.round(n * law.prob(x, y));
                total += counts[x][y];
            }
        }
        Matrix xs = Matrix.zeros(total, law.nx());
        int[] labels = new int[total];
        int i = 0;
        for (int x = 0; x < law.nx(); x++) {
            for (int y = 0; y < law.ny(); y++) {
                for (int c = 0; c < counts[x][y]; c++, i++) {
                    xs.set(i, x, 1);
                    labels[i] = y;
                }
            }
        }
        return Dataset.classification(xs, labels, law.ny());
    }
}
