package io.nngeom.cli.explain;

import io.nngeom.explain.ExplainResult;
import io.nngeom.explain.LayerReport;
import io.nngeom.explain.OutputGeometry;
import io.nngeom.explain.Plane;
import io.nngeom.plot.Figure;
import io.nngeom.report.FigureWriter;
import io.nngeom.run.Num;
import io.nngeom.run.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DIR/index.html} of {@code explain}: a summary a person reads in 30 seconds (one line per layer), then the
 * curves against depth, then the planes, then the details of every layer. Static, self-contained (inline CSS, no
 * script); figures next to it as PNG (charts) and SVG (partitions). Every text is HTML-escaped.
 */
final class ExplainPage {
    private static final String CSS = "body{font:15px/1.45 system-ui,sans-serif;max-width:1180px;margin:24px auto;padding:0 16px;color:#222}"
            + "h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:16px}"
            + ".meta{color:#666}.summary{background:#f5f8fc;border:1px solid #cfdcec;border-radius:6px;padding:10px 18px}"
            + ".summary li{margin:4px 0}.out{font-weight:600}.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}"
            + ".grid img,.planes img{width:100%;border:1px solid #eee}.planes{display:grid;grid-template-columns:1fr 1fr;gap:10px}"
            + "table{border-collapse:collapse;font-size:14px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}"
            + "th{background:#f3f3f3}td.l{text-align:left}.note{color:#8a5a00}.caption{font-size:13px;color:#555}";

    private ExplainPage() {
    }

    static void render(Path dir, ExplainResult r, Path model, Path data, Path test) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Figure f : r.figures()) {
            files.put(f.name(), FigureWriter.writeShown(f, dir).getFileName().toString());
        }
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>nngeom explain: ")
                .append(esc(r.architecture())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>What each layer of ").append(esc(model.getFileName() == null ? model.toString() : model.getFileName().toString()))
                .append(" does</h1><p class=\"meta\">").append(esc(r.architecture())).append(" network on ").append(esc(data.toString()))
                .append(" (").append(r.samples()).append(" examples").append(r.classes() > 0 ? ", " + r.classes() + " classes" : "")
                .append(test == null ? "" : "; test data " + esc(test.toString()) + ", " + r.testSamples() + " examples").append(")</p>");
        summary(h, r);
        h.append("<h2>Against depth</h2><div class=\"grid\">");
        for (String name : List.of("explain-hscore", "explain-collapse", "explain-patterns", "explain-segments")) {
            img(h, files, name);
        }
        h.append("</div>");
        planes(h, r, files);
        details(h, r, files);
        RunInfo run = r.run();
        h.append("<p class=\"meta\">nngeom ").append(esc(run.version())).append(", seed ").append(run.seed()).append(", ")
                .append(String.format(Locale.ROOT, "%.1f", run.seconds())).append(" s. The numbers in full precision are in the JSON (--json).</p>");
        h.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    }

    private static void summary(StringBuilder h, ExplainResult r) {
        h.append("<div class=\"summary\"><ul>");
        List<String> s = r.summary();
        for (int i = 0; i < s.size(); i++) {
            h.append(i == s.size() - 1 ? "<li class=\"out\">" : "<li>").append(esc(s.get(i))).append("</li>");
        }
        h.append("</ul>");
        OutputGeometry og = r.layers().get(r.layers().size() - 1).featureGeometry().output();
        if (og != null) {
            h.append("<p>").append(esc(og.statement())).append("</p>");
        }
        h.append("<p class=\"caption\">H-score: how much of the labels' information a linear read-out of the layer's features can "
                + "use (low-rank theory; its maximum (K&minus;1)/2 means the class means are fully separated relative to the spread). "
                + "NC1: within-class spread against between-class separation (0 when every class is one point, as in the explicit "
                + "minimizers). Patterns and regions: how finely the layers cut input space into affine pieces (piecewise theory). "
                + "docs/explain.md explains each lens.</p></div>");
    }

    private static void planes(StringBuilder h, ExplainResult r, Map<String, String> files) {
        if (r.planes().isEmpty()) {
            return;
        }
        h.append("<h2>Linear regions on planes through three examples</h2><p class=\"caption\">Each plane passes through "
                + "three examples (one per class where there are classes) at (0,0), (1,0), (0,1); every polygon is one exact "
                + "linear region of the whole network; the lines are the decision boundary.</p><div class=\"planes\">");
        for (Plane p : r.planes()) {
            img(h, files, p.figure());
        }
        h.append("</div>");
    }

    private static void details(StringBuilder h, ExplainResult r, Map<String, String> files) {
        h.append("<h2>Details, layer by layer</h2><h3>Units, patterns and regions (piecewise theory)</h3><table><tr><th>layer</th>"
                + "<th>width</th><th>activation</th><th>dead</th><th>always on</th><th>mean activity</th><th>patterns</th>"
                + "<th>regions per segment (mean, max)</th><th>collisions</th><th>zero images</th><th>rank</th><th>separable</th></tr>");
        for (LayerReport l : r.layers()) {
            h.append("<tr><td>").append(l.layer()).append("</td><td>").append(l.width()).append("</td><td class=\"l\">")
                    .append(esc(l.activation())).append("</td>");
            cell(h, l.activity() == null ? "-" : "" + l.activity().deadUnits());
            cell(h, l.activity() == null ? "-" : "" + l.activity().alwaysActiveUnits());
            cell(h, l.activity() == null ? "-" : Num.show(l.activity().meanRate()));
            cell(h, "" + l.regions().patternsOnData());
            cell(h, Num.show(l.regions().meanRegionsOnSegments()) + ", " + l.regions().maxRegionsOnSegments());
            cell(h, "" + l.distinguishability().collisions());
            cell(h, "" + l.distinguishability().zeroImages());
            cell(h, "" + l.distinguishability().rank());
            Boolean sep = l.distinguishability().linearlySeparable();
            cell(h, sep == null ? "-" : sep ? "yes" : "no");
            h.append("</tr>");
        }
        h.append("</table><h3>Feature geometry (low-rank theory) and collapse (minimizers theory)</h3><table><tr><th>layer</th>"
                + "<th>score</th><th>max</th><th>fraction</th><th>test score</th><th>NC1</th><th>spread ratio</th><th>test NC1</th></tr>");
        for (LayerReport l : r.layers()) {
            h.append("<tr><td>").append(l.layer()).append("</td>");
            cell(h, Num.show(l.featureGeometry().hScore()));
            cell(h, Num.show(l.featureGeometry().hScoreMax()));
            cell(h, String.format(Locale.ROOT, "%.1f%%", 100 * l.featureGeometry().hScoreRatio()));
            cell(h, l.featureGeometry().hScoreTest() == null ? "-" : Num.show(l.featureGeometry().hScoreTest()));
            cell(h, l.collapse() == null ? "-" : Num.show(l.collapse().nc1()));
            cell(h, l.collapse() == null ? "-" : Num.show(l.collapse().spreadRatio()));
            cell(h, l.collapseTest() == null ? "-" : Num.show(l.collapseTest().nc1()));
            h.append("</tr>");
        }
        h.append("</table>");
        OutputGeometry og = r.layers().get(r.layers().size() - 1).featureGeometry().output();
        if (og != null) {
            h.append("<h2>The output layer against the fixed-feature optimum</h2><p>relative distance ")
                    .append(esc(Num.show(og.distance()))).append(", cosine ").append(esc(Num.show(og.cosine())));
            if (!Double.isNaN(og.epsilon())) {
                h.append(", &epsilon; = ").append(esc(Num.show(og.epsilon())));
            }
            h.append(". ").append(esc(og.statement())).append("</p>");
        }
        if (r.optimality() != null) {
            h.append("<h2>Certificate of the last two layers (convex theory)</h2><p><b>").append(esc(r.optimality().verdict()))
                    .append("</b> at &beta; = ").append(esc(Num.show(r.optimality().beta()))).append(": ")
                    .append(esc(r.optimality().reason())).append("</p>");
        }
        h.append("<h2>Activity of the units</h2>");
        img(h, files, "explain-activity");
        for (String n : r.notes()) {
            h.append("<p class=\"note\">Note: ").append(esc(n)).append("</p>");
        }
    }

    private static void cell(StringBuilder h, String s) {
        h.append("<td>").append(esc(s)).append("</td>");
    }

    private static void img(StringBuilder h, Map<String, String> files, String name) {
        String f = files.get(name);
        if (f != null) {
            h.append("<img src=\"").append(esc(f)).append("\" alt=\"").append(esc(name)).append("\">");
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
