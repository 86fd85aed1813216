package io.nngeom.train;

import io.nngeom.run.Seeds;
import java.util.Set;
import java.util.TreeSet;

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
        frozenLayers = frozenLayers == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(frozenLayers));
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
        return new TrainingOptions(o, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(optimizer, lr, iterations, gradTol, batchSize, momentum, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withIterations(int n) {
        return new TrainingOptions(optimizer, learningRate, n, gradTol, batchSize, momentum, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withGradTol(double t) {
        return new TrainingOptions(optimizer, learningRate, iterations, t, batchSize, momentum, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withBatchSize(int b) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, b, momentum, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withMomentum(double mu) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, mu, beta1, beta2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withBetas(double b1, double b2) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, b1, b2, epsilon,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withEpsilon(double eps) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2, eps,
                frozenLayers, seed, progress);
    }

    public TrainingOptions withFrozenLayers(Set<Integer> layers) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2,
                epsilon, layers, seed, progress);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2,
                epsilon, frozenLayers, s, progress);
    }

    public TrainingOptions withProgress(boolean p) {
        return new TrainingOptions(optimizer, learningRate, iterations, gradTol, batchSize, momentum, beta1, beta2,
                epsilon, frozenLayers, seed, p);
    }
}
