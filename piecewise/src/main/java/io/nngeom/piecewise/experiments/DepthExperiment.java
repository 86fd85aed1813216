package io.nngeom.piecewise.experiments;

import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.Sawtooth;
import io.nngeom.plot.Chart;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;

/** E9: sawtooth, 2^k pieces with 2k deep units against 2^k shallow units */
final class DepthExperiment extends PiecewiseExperiment {
    DepthExperiment() {
        super("piecewise.depth", "E9: sawtooth, 2^k pieces with 2k deep units against 2^k shallow units");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int kMax = ctx.quick() ? 8 : 12;
        int bad = 0;
        double[] ks = new double[kMax];
        double[] deepUnits = new double[kMax];
        double[] shallowUnits = new double[kMax];
        double[] pieces = new double[kMax];
        double worstDiff = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) {
            Construction deep = Sawtooth.deep(k);
            Construction shallow = Sawtooth.shallow(k);
            int pd = Sawtooth.countPieces(deep.net(), k);
            int ps = Sawtooth.countPieces(shallow.net(), k);
            if (pd != 1 << k || ps != 1 << k || deep.hiddenUnits() != 2 * k || shallow.hiddenUnits() != 1 << k) {
                bad++;
            }
            int g = 1 << (k + 1);
            for (int i = 0; i <= g; i++) {
                double x = (double) i / g;
                worstDiff = Math.max(worstDiff, Math.abs(deep.net().apply(new double[] {x})[0] - shallow.net().apply(new double[] {x})[0]));
            }
            ks[k - 1] = k;
            deepUnits[k - 1] = 2 * k;
            shallowUnits[k - 1] = shallow.hiddenUnits();
            pieces[k - 1] = pd;
            rows.add(List.of("" + k, "" + pd, "" + deep.hiddenUnits(), "" + shallow.hiddenUnits(),
                    String.format("%.1f", shallow.hiddenUnits() / (double) deep.hiddenUnits())));
        }
        return ExperimentResult.builder(this, ctx).param("kMax", kMax)
                .atMost("countMismatches", bad, 0).atMost("deepMinusShallowOnDyadicGrid", worstDiff, 1e-9)
                .criterion("pieces = 2^k with 2k deep units; the shallow C1 net has 2^k units and equals the deep net")
                .figure(Chart.of("sawtooth-units", "Sawtooth: units needed for 2^k pieces", "k", "hidden units")
                        .line("deep (2k)", ks, deepUnits).line("shallow (2^k)", ks, shallowUnits).withLogY())
                .table(new Table("sawtooth", "Sawtooth depth separation", List.of("k", "pieces", "deep units", "shallow units", "ratio"), rows))
                .build();
    }
}
