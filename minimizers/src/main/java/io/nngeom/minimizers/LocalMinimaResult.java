package io.nngeom.minimizers;

import io.nngeom.run.RunInfo;
import java.util.List;

/**
 * The local-minima study of {@link LocalMinima#analyze}.
 *
 * @param configurations every subset S under reading A (2^Q rows, ∅ and the full set included), then the
 *                       merged family (|S| ≥ 2)
 * @param affineLeastSquares C2_LS of the data (the S = ∅ prediction), by SVD least squares
 */
public record LocalMinimaResult(List<Configuration> configurations, double affineLeastSquares, int classes,
                                int layers, RunInfo run) {

    public LocalMinimaResult {
        configurations = List.copyOf(configurations);
    }

    /** How many configurations passed the numerical local-minimum tests. */
    public long localMinimumCount() {
        return configurations.stream().filter(Configuration::localMinimum).count();
    }
}
