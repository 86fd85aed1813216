package io.nngeom.convex;

import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import java.util.Objects;

/**
 * Options of {@link Convex#path}.
 *
 * @param betas the regularisation values, each &gt; 0 (solved largest first, warm-started)
 * @param norm penalty norm of the two-layer dictionary (depth 2)
 * @param bias hidden and output biases free (true) or fixed at 0
 * @param depth 2 (wedge dictionary) or 3, 4 (the deep 1-D dictionary, free biases, no norm choice)
 * @param maxColumns largest wedge dictionary to build
 * @param tolerance relative duality gap of every solve
 * @param budget deadline and progress
 */
public record PathOptions(double[] betas, PenaltyNorm norm, boolean bias, int depth, long maxColumns, double tolerance,
                          Budget budget) {
    public PathOptions {
        Objects.requireNonNull(betas, "betas");
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(budget, "budget");
        if (betas.length == 0) {
            throw new InputException("--betas: give at least one beta");
        }
        for (double b : betas) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new InputException("--betas: every beta must be positive, got " + b);
            }
        }
        if (depth < 2 || depth > 4) {
            throw new InputException("--depth: expected 2, 3 or 4, got " + depth);
        }
        if (depth > 2 && !bias) {
            throw new InputException("--no-bias: the deep 1-D theory has free biases; not available with --depth " + depth);
        }
        if (maxColumns < 1) {
            throw new InputException("--max-columns: must be at least 1, got " + maxColumns);
        }
    }
}
