package io.nngeom.minimizers;

import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;

/**
 * Options of {@link Minimizers#compare}: the constructed minimizer against the same architecture (L hidden ReLU
 * layers of width Q, affine output) trained on C2 from random initialisations.
 *
 * @param layers L
 * @param seeds number of random initialisations per optimizer (He normal weights, zero biases)
 * @param adamIterations full-batch Adam steps
 * @param adamRate Adam step size
 * @param lbfgsIterations L-BFGS iterations
 * @param seed root seed; initialisation i uses {@code Seeds.child(seed, i)}
 */
public record CompareOptions(int layers, int seeds, int adamIterations, double adamRate, int lbfgsIterations, long seed) {

    public CompareOptions {
        if (layers < 1) {
            throw new InputException("--layers: must be at least 1, got " + layers);
        }
        if (seeds < 1) {
            throw new InputException("--seeds: must be at least 1, got " + seeds);
        }
        if (adamIterations < 1) {
            throw new InputException("--adam-steps: must be at least 1, got " + adamIterations);
        }
        if (lbfgsIterations < 1) {
            throw new InputException("--lbfgs-steps: must be at least 1, got " + lbfgsIterations);
        }
        if (!(adamRate > 0) || !Double.isFinite(adamRate)) {
            throw new InputException("--lr: must be a finite number > 0, got " + adamRate);
        }
    }

    /** 10 seeds, Adam 15000 steps at 3e-3 (digest §5, E3), L-BFGS 2000 iterations. */
    public static CompareOptions defaults(int layers) {
        return new CompareOptions(layers, 10, 15_000, 3e-3, 2000, Seeds.DEFAULT);
    }

    public CompareOptions withSeeds(int n) {
        return new CompareOptions(layers, n, adamIterations, adamRate, lbfgsIterations, seed);
    }

    public CompareOptions withIterations(int adam, int lbfgs) {
        return new CompareOptions(layers, seeds, adam, adamRate, lbfgs, seed);
    }

    public CompareOptions withSeed(long s) {
        return new CompareOptions(layers, seeds, adamIterations, adamRate, lbfgsIterations, s);
    }
}
