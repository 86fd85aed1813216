package io.nngeom.explain;

import io.nngeom.plot.Chart;
import io.nngeom.plot.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The curves against depth and the activity of the units, as figures (data; the report module draws them). */
final class ExplainFigures {
    private ExplainFigures() {
    }

    static List<Figure> curves(List<LayerReport> layers, boolean test) {
        int n = layers.size();
        double[] depth = new double[n];
        double[] h = new double[n];
        double[] ht = new double[n];
        double[] nc1 = new double[n];
        double[] nc1t = new double[n];
        double[] pat = new double[n];
        double[] seg = new double[n];
        boolean classes = layers.get(0).collapse() != null;
        for (int l = 0; l < n; l++) {
            LayerReport r = layers.get(l);
            depth[l] = l;
            h[l] = r.featureGeometry().hScoreRatio();
            ht[l] = test ? r.featureGeometry().hScoreTest() / r.featureGeometry().hScoreMax() : Double.NaN;
            nc1[l] = classes ? r.collapse().nc1() : Double.NaN;
            nc1t[l] = classes && test ? r.collapseTest().nc1() : Double.NaN;
            pat[l] = r.regions().patternsOnData();
            seg[l] = r.regions().meanRegionsOnSegments();
        }
        List<Figure> out = new ArrayList<>();
        String what = classes ? "H-score" : "explained variance";
        Chart hc = Chart.of("explain-hscore", what + " of each layer's features, as a fraction of its maximum", "layer",
                "fraction of the maximum").line("data", depth, h);
        out.add(test ? hc.line("test", depth, ht) : hc);
        if (classes) {
            Chart cc = Chart.of("explain-collapse", "Class collapse NC1 = tr(Σ_W Σ_B⁺)/K (0: every class one point)", "layer", "NC1")
                    .line("data", depth, nc1);
            out.add(positive(nc1) ? (test ? cc.line("test", depth, nc1t) : cc).withLogY() : cc);
        }
        out.add(Chart.of("explain-patterns", "Distinct activation patterns of layers 1..ℓ on the data", "layer", "patterns")
                .line("patterns", depth, pat));
        if (!Double.isNaN(seg[n - 1])) {
            out.add(Chart.of("explain-segments", "Linear regions crossed by a segment between two data points (mean, exact)",
                    "layer", "regions").line("mean", depth, seg));
        }
        Chart act = Chart.of("explain-activity", "Activity of the units: fraction of the examples on which each is on, sorted",
                "unit rank (fraction of the layer)", "fraction of examples on");
        for (LayerReport r : layers) {
            if (r.activity() != null) {
                double[] rates = r.activity().rates().clone();
                Arrays.sort(rates);
                double[] x = new double[rates.length];
                for (int j = 0; j < x.length; j++) {
                    x[j] = x.length == 1 ? 0.5 : (double) j / (x.length - 1);
                }
                act = act.line("layer " + r.layer(), x, rates);
            }
        }
        out.add(act);
        return out;
    }

    private static boolean positive(double[] v) {
        for (double x : v) {
            if (!(x > 0)) {
                return false;
            }
        }
        return true;
    }
}
