package io.nngeom.minimizers.experiments;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentProvider;
import java.util.List;

/** The validation experiments of theory 4 (explicit L² minimizers), registered as a service. */
public final class MinimizerExperiments implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new ConstructionExperiment(), new DegeneracyExperiment(), new LocalMinimalityExperiment(),
                new RefusalExperiment(), new ShallowRateExperiment(), new LocalMinimaExperiment(), new TrainingComparisonExperiment());
    }
}
