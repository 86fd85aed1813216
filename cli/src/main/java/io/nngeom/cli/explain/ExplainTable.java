package io.nngeom.cli.explain;

import io.nngeom.explain.ExplainResult;
import io.nngeom.explain.LayerReport;
import io.nngeom.run.Num;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The table {@code explain} prints: one row per layer, then the summary lines and the notes. */
final class ExplainTable {
    private ExplainTable() {
    }

    static void print(PrintWriter o, ExplainResult r, Path model, Path data) {
        o.println("model  " + model + " (" + r.architecture() + ")");
        o.println("data   " + data + ": " + r.samples() + " examples" + (r.classes() > 0 ? ", " + r.classes() + " classes" : ""));
        o.println();
        boolean classes = r.classes() > 0;
        o.println(String.format(Locale.ROOT, "%5s %6s %5s %7s %9s %9s %10s %5s %5s %10s %7s %10s", "layer", "width", "dead", "always",
                "patterns", "segment", "collisions", "rank", "sep", classes ? "H-score" : "explained", "of max", classes ? "NC1" : ""));
        for (LayerReport l : r.layers()) {
            o.println(String.format(Locale.ROOT, "%5d %6d %5s %7s %9d %9s %10d %5d %5s %10s %7s %10s", l.layer(), l.width(),
                    l.activity() == null ? "-" : "" + l.activity().deadUnits(),
                    l.activity() == null ? "-" : "" + l.activity().alwaysActiveUnits(),
                    l.regions().patternsOnData(), Num.show(l.regions().meanRegionsOnSegments()), l.distinguishability().collisions(),
                    l.distinguishability().rank(), sep(l.distinguishability().linearlySeparable()),
                    Num.show(l.featureGeometry().hScore()), pct(l.featureGeometry().hScoreRatio()),
                    l.collapse() == null ? "" : Num.show(l.collapse().nc1())));
        }
        o.println();
        o.println("dead/always: units never on / on for every example; patterns: distinct activation patterns of layers 1..l;");
        o.println("segment: mean linear regions crossed between two random examples (exact); sep: every class pair linearly separable");
        o.println();
        for (String s : r.summary()) {
            o.println(s);
        }
        for (String n : r.notes()) {
            o.println("note: " + n);
        }
        o.flush();
    }

    private static String sep(Boolean b) {
        return b == null ? "-" : b ? "yes" : "no";
    }

    private static String pct(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r);
    }
}
