package io.nngeom.convex;

import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.Objects;

/**
 * Options of {@link Convex#certify}.
 *
 * @param beta the β of the objective the model is judged by
 * @param norm the penalty norm of that objective
 * @param maxPatterns in d ≥ 3: the largest arrangement-pattern set checked (complete sets up to this size prove
 *     optimality; beyond, this many sampled patterns are searched for a violating neuron)
 * @param maxColumns in d ≥ 3 under ℓ1: the largest wedge-and-basis dictionary checked
 * @param maxGapPercent the relative gap (percent) within which a certified model is called optimal
 * @param seed seed of the sampled patterns and neurons of the search
 * @param budget deadline and progress of the search
 */
public record CertifyOptions(double beta, PenaltyNorm norm, int maxPatterns, long maxColumns, double maxGapPercent, long seed,
                             Budget budget) {
    /** Default {@link #maxGapPercent}: 0.01 %. */
    public static final double DEFAULT_MAX_GAP_PERCENT = 0.01;

    public CertifyOptions {
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(budget, "budget");
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InputException("--beta: must be a positive number, got " + beta);
        }
        if (maxPatterns < 1) {
            throw new InputException("--max-patterns: must be at least 1, got " + maxPatterns);
        }
        if (!(maxGapPercent >= 0 && maxGapPercent < 100)) {
            throw new InputException("--max-gap: must lie in [0, 100) percent, got " + maxGapPercent);
        }
    }

    /** Defaults: 2000 patterns, 20 M columns, gap 0.01 %, the default seed, no deadline. */
    public CertifyOptions(double beta, PenaltyNorm norm) {
        this(beta, norm, 2000, FitOptions.DEFAULT_MAX_COLUMNS, DEFAULT_MAX_GAP_PERCENT, Seeds.DEFAULT, Budget.NONE);
    }
}
