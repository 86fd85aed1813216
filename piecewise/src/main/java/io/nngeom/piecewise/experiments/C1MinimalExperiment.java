package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.TOL;

import io.nngeom.piecewise.OneDimensional;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.SplittableRandom;

/** E2: k units suffice iff a subset of slope jumps sums to -s0 */
final class C1MinimalExperiment extends PiecewiseExperiment {
    C1MinimalExperiment() {
        super("piecewise.c1-minimal", "E2: k units suffice iff a subset of slope jumps sums to -s0");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int cases = ctx.quick() ? 10 : 100;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e2"));
        int existsOk = 0;
        int notExistsOk = 0;
        double worst = 0;
        for (int i = 0; i < cases; i++) {
            int k = 2 + rng.nextInt(12);
            double[] t = new double[k];
            for (int j = 0; j < k; j++) {
                t[j] = j + 0.5 * rng.nextDouble();
            }
            // jumps: random integers; case A: s0 = −(sum of a random non-empty subset); case B: s0 half-integer
            double[] d = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = (rng.nextInt(19) - 9) + (rng.nextBoolean() ? 0 : 0);
                if (d[j] == 0) {
                    d[j] = 1;
                }
            }
            double sub = 0;
            for (int j = 0; j < k; j++) {
                if (rng.nextBoolean()) {
                    sub += d[j];
                }
            }
            for (int variant = 0; variant < 2; variant++) {
                double s0 = variant == 0 ? -sub : 0.5 + rng.nextInt(5);
                double[] s = new double[k + 1];
                s[0] = s0;
                for (int j = 0; j < k; j++) {
                    s[j + 1] = s[j] + d[j];
                }
                Pwl1d f = new Pwl1d(t, s, Seeds.gaussian(rng));
                OneDimensional.Minimal m = OneDimensional.minimal(f);
                if (variant == 0) {
                    double[] err = Piecewise.measure(f, m.construction().net(), 2000, rng.nextLong());
                    worst = Math.max(worst, err[0] / (1 + err[1]));
                    if (m.exists() && m.construction().hiddenUnits() == k) {
                        existsOk++;
                    }
                } else if (!m.exists() && m.decided() && m.construction().hiddenUnits() == k + 1) {
                    notExistsOk++; // integer jumps cannot sum to a half-integer: the solver must say k + 1
                }
            }
        }
        return ExperimentResult.builder(this, ctx).param("casesPerVariant", cases)
                .atLeast("kUnitNetsFoundWhereSubsetExists", existsOk, cases)
                .atMost("maxRelativeErrorOfKUnitNets", worst, TOL)
                .atLeast("needsKPlus1ReportedWhereNoSubset", notExistsOk, cases)
                .criterion("subset exists: k-unit net exact; integer jumps with half-integer -s0: solver reports k+1 units")
                .build();
    }
}
