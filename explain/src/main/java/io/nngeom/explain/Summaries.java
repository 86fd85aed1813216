package io.nngeom.explain;

import io.nngeom.run.Num;
import java.util.Locale;

/** The one-line summaries of the report: what each layer does, in words a person reads in seconds. */
final class Summaries {
    private Summaries() {
    }

    /** {@code r} with its summary line, given the layer below it (null for the input). */
    static LayerReport withSummary(LayerReport r, int samples, LayerReport below) {
        return new LayerReport(r.layer(), r.width(), r.activation(), r.activity(), r.regions(), r.distinguishability(),
                r.featureGeometry(), r.collapse(), r.collapseTest(), line(r, samples, below));
    }

    private static String line(LayerReport r, int samples, LayerReport below) {
        StringBuilder s = new StringBuilder();
        s.append(r.layer() == 0 ? "input" : "layer " + r.layer()).append(" (").append(r.width()).append(r.layer() == 0 ? " features" : " units");
        if (r.activity() != null && r.activity().deadUnits() > 0) {
            s.append(", ").append(r.activity().deadUnits()).append(" dead");
        }
        s.append("): ");
        FeatureGeometry fg = r.featureGeometry();
        String score = fg.kind().equals("softmax") ? "H-score" : "explained variance";
        s.append(score).append(' ').append(Num.show(fg.hScore())).append(" of ").append(Num.show(fg.hScoreMax()))
                .append(" (").append(percent(fg.hScoreRatio())).append(')');
        if (below != null) {
            double dh = fg.hScore() - below.featureGeometry().hScore();
            s.append(dh >= 0 ? ", up " : ", down ").append(Num.show(Math.abs(dh)));
        }
        if (r.collapse() != null) {
            s.append("; NC1 ").append(Num.show(r.collapse().nc1()));
            if (below != null && below.collapse() != null) {
                s.append(r.collapse().nc1() < below.collapse().nc1() ? " (classes tighter)" : " (classes looser)");
            }
        }
        if (r.layer() > 0) {
            s.append("; ").append(r.regions().patternsOnData()).append(" patterns on ").append(samples).append(" examples");
        }
        if (r.distinguishability().collisions() > 0) {
            s.append("; ").append(r.distinguishability().collisions()).append(" differently labelled pairs merged");
        }
        return s.toString();
    }

    /** The line on the output layer: accuracy, the output layer against Ψ*, and the certificate. */
    static String output(LayerReport last, Double acc, Double testAcc, Optimality opt) {
        StringBuilder s = new StringBuilder("output");
        if (acc != null) {
            s.append(": accuracy ").append(percent(acc));
            if (testAcc != null) {
                s.append(" (test ").append(percent(testAcc)).append(')');
            }
        }
        OutputGeometry og = last.featureGeometry().output();
        if (og != null && !Double.isNaN(og.distance())) {
            s.append(acc != null ? "; " : ": ");
            s.append(last.featureGeometry().kind().equals("softmax") ? "Psi" : "W").append(" vs its fixed-feature optimum: relative distance ")
                    .append(Num.show(og.distance())).append(", cosine ").append(Num.show(og.cosine()));
            if (!Double.isNaN(og.epsilon())) {
                s.append(og.localRegime() ? " (inside the local regime, epsilon " : " (outside the local regime, epsilon ")
                        .append(Num.show(og.epsilon())).append(')');
            }
        }
        if (opt != null) {
            s.append("; certificate: ").append(opt.verdict());
        }
        return s.toString();
    }

    static String percent(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r);
    }
}
