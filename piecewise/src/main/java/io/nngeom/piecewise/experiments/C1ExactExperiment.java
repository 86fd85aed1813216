package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.TOL;
import static io.nngeom.piecewise.experiments.ExperimentHelpers.randomPwl;

import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.OneDimensional;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.piecewise.RationalCheck;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.SplittableRandom;

/** E1: C1 builds any 1-D PL function exactly with one unit per piece */
final class C1ExactExperiment extends PiecewiseExperiment {
    C1ExactExperiment() {
        super("piecewise.c1-exact", "E1: C1 builds any 1-D PL function exactly with one unit per piece");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int funcs = ctx.quick() ? 10 : 50;
        int points = ctx.quick() ? 10_000 : 100_000;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e1"));
        double worst = 0;
        int unitMismatch = 0;
        int rationalMismatch = 0;
        int rationalPoints = 0;
        Pwl1d shown = null;
        Construction shownNet = null;
        for (int i = 0; i < funcs; i++) {
            Pwl1d f = randomPwl(1 + rng.nextInt(50), rng);
            Construction c = OneDimensional.build(f);
            if (c.hiddenUnits() != f.k() + 1 || c.hiddenLayers() != 1) {
                unitMismatch++;
            }
            double[] err = Piecewise.measure(f, c.net(), points, rng.nextLong());
            worst = Math.max(worst, err[0] / (1 + err[1]));
            double[] probe = new double[3 * f.k() + 200];
            for (int j = 0; j < f.k(); j++) {
                probe[3 * j] = f.t(j);
                probe[3 * j + 1] = f.t(j) + 1e-9;
                probe[3 * j + 2] = f.t(j) - 1e-9;
            }
            for (int j = 3 * f.k(); j < probe.length; j++) {
                probe[j] = -6 + 12 * rng.nextDouble();
            }
            rationalMismatch += RationalCheck.mismatches(f, probe);
            rationalPoints += probe.length;
            if (i == 0) {
                shown = f;
                shownNet = c;
            }
        }
        double[] xs = new double[801];
        double[] yf = new double[xs.length];
        double[] yn = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -6 + 12.0 * i / (xs.length - 1);
            yf[i] = shown.at(xs[i]);
            yn[i] = shownNet.net().apply(new double[] {xs[i]})[0];
        }
        return ExperimentResult.builder(this, ctx).param("functions", funcs).param("pointsPerFunction", points + " + t_j, t_j ± 1e-9")
                .atMost("maxRelativeError", worst, TOL).atMost("unitCountMismatches", unitMismatch, 0)
                .atMost("exactRationalMismatches", rationalMismatch, 0).measure("exactRationalPoints", rationalPoints)
                .criterion("max |net - f| / (1 + max|f|) <= 1e-9, exactly k+1 hidden units in one hidden layer, and in exact "
                        + "(BigDecimal) arithmetic the C1 formula equals the spec at t_j, t_j ± 1e-9 and random points")
                .figure(Chart.of("c1-fit", "C1: target and constructed network (k = " + shown.k() + ")", "x", "f(x)")
                        .line("target", xs, yf).line("network", xs, yn))
                .build();
    }
}
