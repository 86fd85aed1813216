package io.nngeom.piecewise.experiments;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentProvider;
import java.util.List;

/**
 * The piecewise area's validation experiments E1–E14 of the digest (§6) and the linear-region checks, all named
 * {@code piecewise.*}, one class each.
 */
public final class PiecewiseExperiments implements ExperimentProvider {

    static final List<Experiment> ALL = List.of(new C1ExactExperiment(), new C1MinimalExperiment(), new C2RefitExperiment(),
            new InterferenceExperiment(), new LatticeExperiment(), new InterpolationExperiment(), new SharingExperiment(),
            new LiftExperiment(), new DepthExperiment(), new RegionsExperiment(), new RegionsGridExperiment(), new RankExperiment(),
            new GdVsConstructionExperiment(), new DistinguishExperiment(), new PullbackExperiment());

    @Override
    public List<Experiment> experiments() {
        return ALL;
    }
}
