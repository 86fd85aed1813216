package io.nngeom.minimizers;

import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;

/**
 * Options of {@link LocalMinima#analyze}.
 *
 * @param layers L hidden layers (≥ Q)
 * @param directions number of random unit directions v tried at every ε
 * @param epsilons perturbation sizes ε (the cost at θ + εv is compared with the cost at θ)
 * @param gdSteps full-batch gradient-descent steps started at each configuration
 * @param gdRate gradient-descent step size on C2
 * @param seed root seed of the random directions
 */
public record LocalMinimaOptions(int layers, int directions, double[] epsilons, int gdSteps, double gdRate, long seed) {

    public LocalMinimaOptions {
        if (layers < 1) {
            throw new InputException("--layers: must be at least 1, got " + layers);
        }
        if (directions < 1) {
            throw new InputException("--directions: must be at least 1, got " + directions);
        }
        if (gdSteps < 0) {
            throw new InputException("--gd-steps: must be ≥ 0, got " + gdSteps);
        }
        if (!(gdRate > 0) || !Double.isFinite(gdRate)) {
            throw new InputException("--gd-rate: must be a finite number > 0, got " + gdRate);
        }
        epsilons = epsilons.clone();
    }

    /** 200 directions at ε ∈ {1e-6, 1e-4}; 2000 gradient-descent steps of size 0.05. */
    public static LocalMinimaOptions defaults(int layers) {
        return new LocalMinimaOptions(layers, 200, new double[] {1e-6, 1e-4}, 2000, 0.05, Seeds.DEFAULT);
    }

    public LocalMinimaOptions withDirections(int d) {
        return new LocalMinimaOptions(layers, d, epsilons, gdSteps, gdRate, seed);
    }

    public LocalMinimaOptions withGd(int steps, double rate) {
        return new LocalMinimaOptions(layers, directions, epsilons, steps, rate, seed);
    }

    public LocalMinimaOptions withSeed(long s) {
        return new LocalMinimaOptions(layers, directions, epsilons, gdSteps, gdRate, s);
    }

    @Override
    public double[] epsilons() {
        return epsilons.clone();
    }
}
