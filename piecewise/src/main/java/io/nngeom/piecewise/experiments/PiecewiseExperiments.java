package io.nngeom.piecewise.experiments;

import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentProvider;
import io.nngeom.validate.ExperimentResult;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The piecewise area's validation experiments E1–E14 of the digest (§6) and the linear-region checks, all named
 * {@code piecewise.*}.
 */
public final class PiecewiseExperiments implements ExperimentProvider {

    /** An experiment given by a name, a title and a function. */
    record Exp(String name, String title, BiFunction<Experiment, ExperimentContext, ExperimentResult> body) implements Experiment {
        @Override
        public ExperimentResult run(ExperimentContext ctx) {
            long t0 = System.nanoTime();
            ExperimentResult r = body.apply(this, ctx);
            // the builders are created after the work, so the wall time is taken here
            return new ExperimentResult(r.name(), r.title(), r.seed(), r.parameters(), r.measured(), r.criterion(), r.verdict(),
                    r.notes(), r.figures(), r.tables(), (System.nanoTime() - t0) / 1e9);
        }
    }

    static final List<Experiment> ALL = List.of(
            new Exp("piecewise.c1-exact", "E1: C1 builds any 1-D PL function exactly with one unit per piece", ConstructionChecks::e1),
            new Exp("piecewise.c1-minimal", "E2: k units suffice iff a subset of slope jumps sums to -s0", ConstructionChecks::e2),
            new Exp("piecewise.c2-refit", "E3: shallow refit from the teacher's hyperplanes recovers it exactly", ConstructionChecks::e3),
            new Exp("piecewise.interference", "E4: max(0,x1,x2) and the pyramid are not shallow; deep nets are exact", ConstructionChecks::e4),
            new Exp("piecewise.lattice", "E5: the max-min lattice network is exact on random triangulations", ConstructionChecks::e5),
            new Exp("piecewise.interpolation", "E6: interpolation / decoder with a triangular activation matrix", ConstructionChecks::e6),
            new Exp("piecewise.sharing", "E7: several outputs share one hidden layer (union of breakpoints + 1 units)", ConstructionChecks::e7),
            new Exp("piecewise.lift", "E8: affine lift leaves the function unchanged; family dimension h(m-n)", ConstructionChecks::e8),
            new Exp("piecewise.depth", "E9: sawtooth, 2^k pieces with 2k deep units against 2^k shallow units", ConstructionChecks::e9),
            new Exp("piecewise.regions", "E10: region counts: shallow arrangement formula, bounds, two enumerators agree", RegionChecks::e10),
            new Exp("piecewise.regions-grid", "Dense-grid check: every sampled activation pattern is a region found", RegionChecks::grid),
            new Exp("piecewise.rank", "E11: rank-probability models, exact values against Monte Carlo", DiagnosticChecks::e11),
            new Exp("piecewise.gd-vs-construction", "E12: constructed net vs gradient-trained nets on a 1-D PL target", DiagnosticChecks::e12),
            new Exp("piecewise.distinguish", "E13: collisions propagate; all-active full-rank layers keep data distinguishable", DiagnosticChecks::e13),
            new Exp("piecewise.pullback", "E14: a deep unit switches on the pulled-back input hyperplane", DiagnosticChecks::e14));

    @Override
    public List<Experiment> experiments() {
        return ALL;
    }
}
