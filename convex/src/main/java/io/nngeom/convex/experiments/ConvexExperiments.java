package io.nngeom.convex.experiments;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentProvider;
import java.util.List;

/** The convex area's experiments (theory 3: Pilanci's wedge-product convex training). */
public final class ConvexExperiments implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new Lasso1dExperiment(), new L1Wedge2dExperiment(), new PlantedExperiment(), new CertificateExperiment(), new NegativeControlExperiment(), new Deep1dExperiment(),
                new LowerBoundSoundnessExperiment());
    }
}
