package io.nngeom.train;

import io.nngeom.run.Seeds;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How {@link Trainer} trains.
 *
 * @param optimizer GD, SGD, ADAM or LBFGS
 * @param learningRate step size η (GD, SGD, Adam; ignored by L-BFGS, which chooses its steps by line search)
 * @param iterations maximal number of parameter updates (for SGD: mini-batch steps, not epochs)
 * @param gradTol stop when ‖∇J(θ)‖₂ over the trainable parameters is ≤ gradTol (0: never; for SGD checked
 *        on the full batch at the end of every epoch)
 * @param batchSize mini-batch size B of SGD and Adam (0 or ≥ N: full batch; SGD still shuffles); ignored by GD
 *        and L-BFGS
 * @param momentum SGD momentum μ ∈ [0, 1)
 * @param beta1 Adam β₁ ∈ [0, 1)
 * @param beta2 Adam β₂ ∈ [0, 1)
 * @param epsilon Adam ε &gt; 0 (added to √v̂)
 * @param frozenLayers indices (0-based) of layers whose weights and biases stay fixed
 * @param seed seed of the mini-batch shuffling (SGD, Adam)
 * @param progress {@link Trainer#train(io.nngeom.net.Mlp, io.nngeom.data.Dataset, Objective, TrainingOptions)} shows progress on
 *                 stderr ({@link io.nngeom.run.StderrProgress#onStderr}); callers with their own {@link io.nngeom.run.Progress}
 *                 pass it to the five-argument {@code train} instead
 */
public record TrainingOptions(Optimizer optimizer, double learningRate, int iterations, double gradTol, int batchSize,
                              double momentum, double beta1, double beta2, double epsilon, Set<Integer> frozenLayers,
                              long seed, boolean progress) {

    public TrainingOptions {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is null");
        }
        if (!(Double.isFinite(learningRate) && learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (!(gradTol >= 0)) {
            throw new IllegalArgumentException("gradient tolerance must be >= 0, got " + gradTol);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0, got " + batchSize);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(Double.isFinite(epsilon) && epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be finite and > 0, got " + epsilon);
        }
        frozenLayers = frozenLayers == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(frozenLayers));
        for (int l : frozenLayers) {
            if (l < 0) {
                throw new IllegalArgumentException("frozen layer index must be >= 0, got " + l);
            }
        }
    }

    /**
     * Defaults per optimizer: GD η = 0.01; SGD η = 0.01, μ = 0.9, B = 32; Adam η = 1e-3, β = (0.9, 0.999),
     * ε = 1e-8 (PyTorch's defaults); L-BFGS gradTol = 1e-10. 1000 iterations, gradTol 0 for the first-order
     * methods, no frozen layers, seed {@link Seeds#DEFAULT}, no progress.
     */
    public static TrainingOptions defaults(Optimizer o) {
        return switch (o) {
            case GD -> new TrainingOptions(o, 0.01, 1000, 0, 0, 0, 0.9, 0.999, 1e-8, Set.of(), Seeds.DEFAULT, false);
            case SGD -> new TrainingOptions(o, 0.01, 1000, 0, 32, 0.9, 0.9, 0.999, 1e-8, Set.of(), Seeds.DEFAULT, false);
            case ADAM -> new TrainingOptions(o, 1e-3, 1000, 0, 0, 0, 0.9, 0.999, 1e-8, Set.of(), Seeds.DEFAULT, false);
            case LBFGS -> new TrainingOptions(o, 1.0, 1000, LbfgsOptions.DEFAULT_GRAD_TOL, 0, 0, 0.9, 0.999, 1e-8,
                    Set.of(), Seeds.DEFAULT, false);
        };
    }

    public TrainingOptions withOptimizer(Optimizer o) {
        return edit(e -> e.optimizer = o);
    }

    public TrainingOptions withLearningRate(double lr) {
        return edit(e -> e.learningRate = lr);
    }

    public TrainingOptions withIterations(int n) {
        return edit(e -> e.iterations = n);
    }

    public TrainingOptions withGradTol(double t) {
        return edit(e -> e.gradTol = t);
    }

    public TrainingOptions withBatchSize(int b) {
        return edit(e -> e.batchSize = b);
    }

    public TrainingOptions withMomentum(double mu) {
        return edit(e -> e.momentum = mu);
    }

    public TrainingOptions withBetas(double b1, double b2) {
        return edit(e -> {
            e.beta1 = b1;
            e.beta2 = b2;
        });
    }

    public TrainingOptions withEpsilon(double eps) {
        return edit(e -> e.epsilon = eps);
    }

    public TrainingOptions withFrozenLayers(Set<Integer> layers) {
        return edit(e -> e.frozenLayers = layers);
    }

    public TrainingOptions withSeed(long s) {
        return edit(e -> e.seed = s);
    }

    public TrainingOptions withProgress(boolean p) {
        return edit(e -> e.progress = p);
    }

    /** A copy with the components {@code change} sets (validated again by the constructor). */
    private TrainingOptions edit(Consumer<Editor> change) {
        Editor e = new Editor(this);
        change.accept(e);
        return e.build();
    }

    /** The components as fields, for {@link #edit}. */
    private static final class Editor {
        Optimizer optimizer;
        double learningRate;
        int iterations;
        double gradTol;
        int batchSize;
        double momentum;
        double beta1;
        double beta2;
        double epsilon;
        Set<Integer> frozenLayers;
        long seed;
        boolean progress;

        Editor(TrainingOptions o) {
            optimizer = o.optimizer;
            learningRate = o.learningRate;
            iterations = o.iterations;
            gradTol = o.gradTol;
            batchSize = o.batchSize;
            momentum = o.momentum;
            beta1 = o.beta1;
            beta2 = o.beta2;
            epsilon = o.epsilon;
            frozenLayers = o.frozenLayers;
            seed = o.seed;
            progress = o.progress;
        }

        TrainingOptions build() {
            return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2, epsilon,
                    frozenLayers, seed, progress);
        }
    }
}
