package io.nngeom.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bottleneck networks with "ideal expressive power" (digest §1.2): one-hot input → k-unit feature layer
 * (identity, sigmoid or tanh) → softmax or affine (or squashed) output; trained on the population loss of a law
 * to a small gradient norm from several random starts, keeping the best.
 */
public final class Bottleneck {
    /** Standard deviation of the N(0, s²) initial weights (digest §4.2: 0.1). */
    public static final double INIT_SCALE = 0.1;
    /** Default gradient-norm target of the population training: 1e-10 (issue 4, deliverable 3). */
    public static final double GRAD_TOL = 1e-10;

    private Bottleneck() {
    }

    /**
     * Training options.
     *
     * @param k bottleneck width
     * @param feature feature-layer activation (identity, sigmoid, tanh)
     * @param loss softmax or squared error
     * @param embedding d × n_y embedding of Y for the squared loss (null: one-hot)
     * @param output output-layer activation (identity; sigmoid for the squashed MMSE output)
     * @param restarts random starts; the lowest loss wins
     * @param gradTol gradient-norm target
     * @param maxIterations L-BFGS iteration budget per start
     */
    public record Options(int k, Activation feature, LossKind loss, Matrix embedding, Activation output, int restarts,
                          double gradTol, int maxIterations, long seed) {
        public Options {
            if (k < 1) {
                throw new InputException("--k: must be at least 1, got " + k);
            }
            if (restarts < 1) {
                throw new InputException("--restarts: must be at least 1, got " + restarts);
            }
            if (!(gradTol > 0)) {
                throw new InputException("--grad-tol: must be positive, got " + gradTol);
            }
        }

        public static Options of(int k, LossKind loss, long seed) {
            return new Options(k, Activation.IDENTITY, loss, null, Activation.IDENTITY, 4, GRAD_TOL, 20000, seed);
        }

        public Options withFeature(Activation a) {
            return new Options(k, a, loss, embedding, output, restarts, gradTol, maxIterations, seed);
        }

        public Options withEmbedding(Matrix e) {
            return new Options(k, feature, loss, e, output, restarts, gradTol, maxIterations, seed);
        }

        public Options withOutput(Activation a) {
            return new Options(k, feature, loss, embedding, a, restarts, gradTol, maxIterations, seed);
        }

        public Options withRestarts(int r) {
            return new Options(k, feature, loss, embedding, output, r, gradTol, maxIterations, seed);
        }
    }

    /**
     * A trained network.
     *
     * @param model the network (layer 0: features, last layer: output)
     * @param loss its population loss
     * @param gradNorm the final gradient norm
     * @param converged gradNorm ≤ the target
     * @param restartLosses the loss reached from each start
     */
    public record Trained(Mlp model, double loss, double gradNorm, int iterations, boolean converged,
                          double[] restartLosses) {
        public Trained {
            restartLosses = restartLosses.clone();
        }

        /** The feature table F (n_x × k): the first layer's activations on the one-hot inputs. */
        public Matrix features() {
            return featureTable(model, 0);
        }
    }

    /** The activations of layer {@code layer} on the n_x one-hot inputs (n_x × width). */
    public static Matrix featureTable(Mlp net, int layer) {
        Matrix a = Matrix.identity(net.inputDim());
        for (int l = 0; l <= layer; l++) {
            Layer ly = net.layer(l);
            Matrix z = ly.preActivation(a);
            double[] d = z.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = ly.activation().apply(d[i]);
            }
            a = z;
        }
        return a;
    }

    /** The marginal Bayes action's output pre-activation z0: log p_y (softmax), or h⁻¹(E[e(Y)]). */
    static double[] marginalAction(JointDistribution law, LossKind loss, Matrix embedding, Activation output) {
        double[] py = law.py();
        if (loss == LossKind.SOFTMAX) {
            double[] z = new double[py.length];
            for (int y = 0; y < py.length; y++) {
                z[y] = Math.log(py[y]);
            }
            return z;
        }
        Matrix e = embedding == null ? Matrix.identity(law.ny()) : embedding;
        double[] mean = e.times(py);
        for (int i = 0; i < mean.length; i++) {
            mean[i] = inverse(output, mean[i]);
        }
        return mean;
    }

    /** h⁻¹ for the output activations used here. */
    static double inverse(Activation h, double a) {
        return switch (h.kind()) {
            case IDENTITY -> a;
            case SIGMOID -> {
                if (!(a > 0 && a < 1)) {
                    throw new InputException("sigmoid output: target mean " + a + " is outside (0, 1)");
                }
                yield Math.log(a / (1 - a));
            }
            case TANH -> {
                if (!(a > -1 && a < 1)) {
                    throw new InputException("tanh output: target mean " + a + " is outside (-1, 1)");
                }
                yield 0.5 * Math.log((1 + a) / (1 - a));
            }
            default -> throw new InputException("output activation " + h.id() + " is not supported (identity, sigmoid, tanh)");
        };
    }

    /** A random bottleneck: N(0, 0.1²) weights, feature bias 0, output bias at the marginal Bayes action. */
    public static Mlp random(JointDistribution law, Options o, SplittableRandom rng) {
        int nx = law.nx();
        double[] z0 = marginalAction(law, o.loss(), o.embedding(), o.output());
        int m = z0.length;
        Layer f = new Layer(gaussian(o.k(), nx, INIT_SCALE, rng), new double[o.k()], o.feature());
        Layer out = new Layer(gaussian(m, o.k(), INIT_SCALE, rng), z0, o.output());
        return new Mlp(List.of(f, out));
    }

    public static Matrix gaussian(int rows, int cols, double scale, SplittableRandom rng) {
        Matrix w = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w.set(i, j, scale * Seeds.gaussian(rng));
            }
        }
        return w;
    }

    /** Trains a bottleneck on the population loss of the law from o.restarts() starts; the best wins. */
    public static Trained train(JointDistribution law, Options o) {
        Mlp best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestGrad = Double.NaN;
        int its = 0;
        boolean conv = false;
        double[] losses = new double[o.restarts()];
        for (int r = 0; r < o.restarts(); r++) {
            SplittableRandom rng = Seeds.rng(Seeds.child(Seeds.child(o.seed(), "lowrank.bottleneck"), r));
            Mlp init = random(law, o, rng);
            PopulationObjective obj = new PopulationObjective(init, law, o.loss(), o.embedding(), null);
            Trained t = train(obj, init, null, o.gradTol(), o.maxIterations());
            losses[r] = t.loss();
            its += t.iterations();
            if (t.loss() < bestLoss) {
                bestLoss = t.loss();
                best = t.model();
                bestGrad = t.gradNorm();
                conv = t.converged();
            }
        }
        return new Trained(best, bestLoss, bestGrad, its, conv, losses);
    }

    /** Minimises an objective from a given network; mask-free parameters only move (mask null: all). */
    public static Trained train(PopulationObjective obj, Mlp init, boolean[] trainable, double gradTol, int maxIterations) {
        PopulationObjective o = trainable == null ? obj : obj.withTrainable(trainable);
        GradientPolish.Result r = GradientPolish.minimize(o, init.parameters(), gradTol, maxIterations);
        return new Trained(init.withParameters(r.x()), r.value(), r.gradNorm(), r.iterations(), r.converged(),
                new double[]{r.value()});
    }

    /**
     * A per-parameter mask (PyTorch order) freezing the weights of the layers in frozenWeights and the biases of
     * the layers in frozenBiases.
     */
    public static boolean[] mask(Mlp net, Set<Integer> frozenWeights, Set<Integer> frozenBiases) {
        List<Boolean> m = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            Layer ly = net.layer(l);
            for (int i = 0; i < ly.outputs() * ly.inputs(); i++) {
                m.add(!frozenWeights.contains(l));
            }
            for (int i = 0; i < ly.outputs(); i++) {
                m.add(!frozenBiases.contains(l));
            }
        }
        boolean[] r = new boolean[m.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = m.get(i);
        }
        return r;
    }
}
