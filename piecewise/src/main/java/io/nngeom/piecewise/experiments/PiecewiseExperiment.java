package io.nngeom.piecewise.experiments;

import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.NamedExperiment;

/**
 * A piecewise experiment; subclasses implement {@link #measure}. The wall time is taken here,
 * around the whole measurement, because the experiments create their result builders after the work.
 */
abstract class PiecewiseExperiment extends NamedExperiment {
    PiecewiseExperiment(String name, String title) {
        super(name, title);
    }

    /** Runs the experiment; {@link #run} adds the wall time. */
    abstract ExperimentResult measure(ExperimentContext ctx);

    @Override
    public final ExperimentResult run(ExperimentContext ctx) {
        long t0 = System.nanoTime();
        ExperimentResult r = measure(ctx);
        return new ExperimentResult(r.name(), r.title(), r.seed(), r.parameters(), r.measured(), r.criterion(), r.verdict(),
                r.notes(), r.figures(), r.tables(), (System.nanoTime() - t0) / 1e9);
    }
}
