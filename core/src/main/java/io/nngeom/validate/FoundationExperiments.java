package io.nngeom.validate;

import java.util.List;

/**
 * The foundation's own checks (area {@code foundation}). To add one, append it to {@link #EXPERIMENTS}.
 */
public final class FoundationExperiments implements ExperimentProvider {
    /** All foundation experiments, one instance each. */
    static final List<Experiment> EXPERIMENTS = List.of(
            new GradientCheckExperiment(),
            new LbfgsExperiment(),
            new TorchParityExperiment());

    @Override
    public List<Experiment> experiments() {
        return EXPERIMENTS;
    }
}
