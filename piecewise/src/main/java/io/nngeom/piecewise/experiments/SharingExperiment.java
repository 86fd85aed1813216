package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.TOL;

import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.OneDimensional;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** E7: several outputs share one hidden layer (union of breakpoints + 1 units) */
final class SharingExperiment extends PiecewiseExperiment {
    SharingExperiment() {
        super("piecewise.sharing", "E7: several outputs share one hidden layer (union of breakpoints + 1 units)");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e7"));
        double[] pool = {-3, -2.5, -1, 0, 0.7, 1.5, 2, 3.3, 4};
        List<Pwl1d> fs = new ArrayList<>();
        int separate = 0;
        for (int o = 0; o < 5; o++) {
            List<Double> t = new ArrayList<>();
            for (double p : pool) {
                if (rng.nextDouble() < 0.5) {
                    t.add(p);
                }
            }
            if (t.isEmpty()) {
                t.add(pool[o]);
            }
            double[] ta = t.stream().mapToDouble(Double::doubleValue).toArray();
            double[] s = new double[ta.length + 1];
            for (int j = 0; j < s.length; j++) {
                s[j] = Seeds.gaussian(rng);
            }
            fs.add(new Pwl1d(ta, s, Seeds.gaussian(rng)));
            separate += ta.length + 1;
        }
        Construction c = OneDimensional.shared(fs);
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            double x = -6 + 12 * rng.nextDouble();
            double[] y = c.net().apply(new double[] {x});
            for (int o = 0; o < fs.size(); o++) {
                worst = Math.max(worst, Math.abs(y[o] - fs.get(o).at(x)) / (1 + Math.abs(fs.get(o).at(x))));
            }
        }
        int union = (int) c.details().get("unionBreakpoints");
        return ExperimentResult.builder(this, ctx).param("functions", fs.size())
                .atMost("maxRelativeError", worst, TOL)
                .atMost("unitsMinusUnionPlus1", Math.abs(c.hiddenUnits() - (union + 1)), 0)
                .atMost("sharedUnitsMinusSeparateUnits", c.hiddenUnits() - separate, -1)
                .measure("sharedUnits", c.hiddenUnits()).measure("separateUnits", separate)
                .criterion("shared net exact with |union of breakpoints| + 1 units, fewer than the separate nets' sum")
                .build();
    }
}
