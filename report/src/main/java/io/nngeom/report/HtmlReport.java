package io.nngeom.report;

import io.nngeom.io.AtomicFiles;
import io.nngeom.plot.Figure;
import io.nngeom.run.InputException;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Measurement;
import io.nngeom.validate.Table;
import io.nngeom.validate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTML report of a validation run: {@code index.html} with a header (version, date, seed, quick or full,
 * totals), a table of contents grouped by area, and one section per experiment (parameters, measured values
 * with their bounds and ✓/✗, criterion, verdict, notes, tables, figures as PNG with links to SVG). The
 * report is static and self-contained: CSS inline, figures as files beside it, no scripts, no network.
 *
 * <p>{@link #write} builds the report in a temporary directory next to the target and then swaps it in,
 * so a reader never sees a half-written report.
 */
public final class HtmlReport {
    /** Marks a directory as an nngeom report, so that it may be replaced by the next one. */
    public static final String MARKER = ".nngeom-report";

    private static final Map<String, String> AREA_TITLES = Map.of(
            "foundation", "Foundation: networks, training, data and model I/O",
            "minimizers", "Explicit global minimizers of the L² cost",
            "lowrank", "Local geometry: low-rank Bayes-action matrices",
            "piecewise", "ReLU networks as piecewise-linear functions",
            "convex", "Convex training via wedge products");

    /** Tables longer than this are folded (an HTML details element: open it with a click, no script). */
    static final int FOLD_ROWS = 15;
    /** Makes temporary names unique within this process. */
    private static final AtomicLong COUNTER = new AtomicLong();

    private HtmlReport() {
    }

    /**
     * Writes the report into {@code outDir}, replacing a previous report there. Refuses (as bad input) to
     * replace a non-empty directory that is not an nngeom report, or a file.
     *
     * @return the path of {@code index.html}
     */
    public static Path write(Path outDir, ReportInfo info, List<ExperimentResult> results) {
        Path out = outDir.toAbsolutePath().normalize();
        try {
            checkReplaceable(outDir, out);
            Path parent = out.getParent();
            Files.createDirectories(parent);
            AtomicFiles.removeStale(parent, "." + out.getFileName() + ".", ".tmp"); // left by killed runs
            AtomicFiles.removeStale(parent, "." + out.getFileName() + ".", ".old");
            Path tmp = Files.createDirectory(tempSibling(out, ".tmp"));
            AtomicFiles.removeOnExit(tmp); // Ctrl-C or SIGTERM while rendering
            try {
                render(tmp, info, results);
                Files.writeString(tmp.resolve(MARKER), "written by nngeom validate; this directory is replaced by the next report\n");
                swapIn(tmp, out);
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
                AtomicFiles.done(tmp);
            }
            return out.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks, before any work is done, that {@code outDir} may receive a report: it is missing, empty, or a
     * previous nngeom report.
     *
     * @throws InputException naming {@code --out} otherwise
     */
    public static void checkTarget(Path outDir) {
        try {
            checkReplaceable(outDir, outDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw InputException.of("--out " + outDir, "cannot read directory: " + e.getMessage());
        }
    }

    private static void checkReplaceable(Path given, Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw InputException.of("--out " + given, "exists and is not a directory");
        }
        if (Files.exists(out.resolve(MARKER))) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            if (ds.iterator().hasNext()) {
                throw InputException.of("--out " + given, "directory exists, is not empty and is not an nngeom report; choose another directory");
            }
        }
    }

    private static void swapIn(Path tmp, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = tempSibling(out, ".old");
            move(out, old);
        }
        move(tmp, out);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** A fresh hidden name next to {@code target}: {@code .NAME.<pid>-<clock>-<n><suffix>}. */
    private static Path tempSibling(Path target, String suffix) {
        String unique = ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36)
                + "-" + COUNTER.incrementAndGet();
        return target.resolveSibling("." + target.getFileName() + "." + unique + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes index.html and the figures into {@code dir}. */
    static void render(Path dir, ReportInfo info, List<ExperimentResult> results) throws IOException {
        Map<String, List<ExperimentResult>> byArea = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            byArea.computeIfAbsent(area(r.name()), k -> new ArrayList<>()).add(r);
        }
        int passed = count(results, Verdict.PASS);
        int failed = count(results, Verdict.FAIL);
        int reported = count(results, Verdict.REPORT);

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>nngeom validation report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        // header
        h.append("<header class=\"top\">\n<h1>nngeom validation report</h1>\n<p class=\"meta\">");
        h.append("nngeom ").append(esc(info.version()))
                .append(" · ").append(esc(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                        .format(info.date().atOffset(ZoneOffset.UTC))))
                .append(" · seed <code>").append(info.seed()).append("</code>")
                .append(" · ").append(info.quick() ? "quick versions" : "full versions");
        if (info.filter() != null) {
            h.append(" · only <code>").append(esc(info.filter())).append("</code>");
        }
        h.append(" · ").append(esc(info.jvm()))
                .append(" · ").append(Fmt.seconds(info.seconds())).append("</p>\n");
        h.append("<p class=\"totals\">")
                .append("<span class=\"total pass\">").append(passed).append(" passed</span>")
                .append("<span class=\"total fail").append(failed == 0 ? " zero" : "").append("\">").append(failed).append(" failed</span>");
        if (reported > 0) {
            h.append("<span class=\"total report\">").append(reported).append(" reported</span>");
        }
        h.append("</p>\n");
        h.append("<p class=\"legend\">Each experiment compares a claim of a theory with an independent quantity "
                + "(a closed form, a second algorithm, a trained network or a peer library). "
                + "It passes when every bounded measurement holds; <em>reported</em> experiments show a measurement "
                + "without a pass/fail criterion and count as neither.</p>\n");
        h.append("</header>\n");

        // contents
        h.append("<nav class=\"toc\">\n<h2>Contents</h2>\n");
        for (Map.Entry<String, List<ExperimentResult>> e : byArea.entrySet()) {
            List<ExperimentResult> rs = e.getValue();
            h.append("<div class=\"toc-area\"><h3><a href=\"#").append(areaId(e.getKey())).append("\">")
                    .append(esc(areaTitle(e.getKey()))).append("</a> <span class=\"counts\">")
                    .append(counts(rs)).append("</span></h3>\n<ul>\n");
            for (ExperimentResult r : rs) {
                h.append("<li>").append(badge(r.verdict())).append(" <a href=\"#").append(expId(r.name())).append("\">")
                        .append(esc(r.title())).append("</a> <code>").append(esc(r.name())).append("</code></li>\n");
            }
            h.append("</ul></div>\n");
        }
        h.append("</nav>\n<main>\n");

        // sections
        for (Map.Entry<String, List<ExperimentResult>> e : byArea.entrySet()) {
            h.append("<section class=\"area\" id=\"").append(areaId(e.getKey())).append("\">\n<h2>")
                    .append(esc(areaTitle(e.getKey()))).append(" <span class=\"counts\">").append(counts(e.getValue()))
                    .append("</span></h2>\n");
            for (ExperimentResult r : e.getValue()) {
                experiment(h, dir, r);
            }
            h.append("</section>\n");
        }
        h.append("</main>\n<footer>Generated by <code>nngeom validate</code>. Rerun with the same seed to reproduce "
                + "every number bit for bit.</footer>\n</body>\n</html>\n");
        Files.writeString(dir.resolve("index.html"), h, StandardCharsets.UTF_8);
    }

    private static void experiment(StringBuilder h, Path dir, ExperimentResult r) {
        String cls = r.verdict().name().toLowerCase(Locale.ROOT);
        h.append("<article class=\"exp ").append(cls).append("\" id=\"").append(expId(r.name())).append("\">\n");
        h.append("<div class=\"exp-head\"><h3>").append(esc(r.title())).append("</h3>").append(badge(r.verdict())).append("</div>\n");
        h.append("<p class=\"exp-meta\"><code>").append(esc(r.name())).append("</code> · seed <code>").append(r.seed())
                .append("</code> · ").append(Fmt.seconds(r.seconds())).append("</p>\n");
        if (!r.criterion().isBlank()) {
            h.append("<p class=\"criterion\"><strong>Criterion.</strong> ").append(esc(r.criterion())).append("</p>\n");
        }
        h.append("<div class=\"cols\">\n");
        if (!r.measured().isEmpty()) {
            boolean anyBound = r.measured().stream().anyMatch(m -> !m.comparison().isEmpty());
            h.append("<div class=\"block\"><div class=\"tcap\">Measured</div><table class=\"measured\"><thead><tr><th>quantity</th>"
                    + "<th class=\"num\">value</th>").append(anyBound ? "<th class=\"num\">bound</th><th></th>" : "")
                    .append("</tr></thead><tbody>\n");
            for (Measurement m : r.measured()) {
                boolean bounded = !m.comparison().isEmpty();
                h.append("<tr").append(bounded && !m.holds() ? " class=\"miss\"" : "").append("><td>").append(esc(m.name()))
                        .append("</td><td class=\"num\" title=\"").append(esc(Fmt.full(m.value()))).append("\">")
                        .append(esc(Fmt.num(m.value()))).append("</td>");
                if (!anyBound) {
                    h.append("</tr>\n");
                    continue;
                }
                h.append("<td class=\"num\">");
                if (bounded) {
                    h.append(m.comparison().equals("<=") ? "≤ " : "≥ ").append(esc(Fmt.num(m.reference())));
                }
                h.append("</td><td class=\"mark\">");
                if (bounded) {
                    h.append(m.holds() ? "<span class=\"ok\">✓</span>" : "<span class=\"bad\">✗</span>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        if (!r.parameters().isEmpty()) {
            h.append("<div class=\"block\"><div class=\"tcap\">Parameters</div><table class=\"params\"><tbody>\n");
            for (Map.Entry<String, Object> p : r.parameters().entrySet()) {
                h.append("<tr><td>").append(esc(p.getKey())).append("</td><td class=\"val\">")
                        .append(esc(Fmt.value(p.getValue()))).append("</td></tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        h.append("</div>\n");
        if (!r.notes().isBlank()) {
            h.append("<div class=\"notes\">").append(esc(r.notes())).append("</div>\n");
        }
        for (Table t : r.tables()) {
            String caption = esc(t.title() == null ? t.name() : t.title());
            boolean fold = t.rows().size() > FOLD_ROWS;
            h.append("<div class=\"tablewrap\">");
            if (fold) {
                h.append("<details><summary class=\"tcap\">").append(caption).append(" <span class=\"rows\">(")
                        .append(t.rows().size()).append(" rows)</span></summary>");
            } else {
                h.append("<div class=\"tcap\">").append(caption).append("</div>");
            }
            h.append("<table class=\"data\"><thead><tr>");
            for (String c : t.headers()) {
                h.append("<th>").append(esc(c)).append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                for (String c : row) {
                    h.append("<td>").append(esc(c)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>").append(fold ? "</details>" : "").append("</div>\n");
        }
        if (!r.figures().isEmpty()) {
            String sub = "figures/" + FigureWriter.fileStem(r.name());
            h.append("<div class=\"figures\">\n");
            for (Figure f : r.figures()) {
                FigureWriter.Written w;
                try {
                    w = FigureWriter.write(f, dir.resolve(sub));
                } catch (RuntimeException e) {
                    // one bad picture must not cost the whole report
                    h.append("<figure class=\"broken\"><figcaption>").append(esc(f.title()))
                            .append(": the figure could not be drawn (").append(esc(String.valueOf(e.getMessage())))
                            .append(")</figcaption></figure>\n");
                    continue;
                }
                String svg = sub + "/" + w.svg().getFileName();
                // an SvgFigure is shown as its SVG (exact, drawn by the browser) with a link to its PNG; a chart
                // as its PNG with a link to its SVG
                boolean vector = f instanceof io.nngeom.plot.SvgFigure;
                String png = sub + "/" + w.png().getFileName();
                String img = vector ? svg : png;
                String other = vector ? png : svg;
                h.append(vector ? "<figure class=\"svgfig\">" : "<figure>").append("<a href=\"").append(esc(svg)).append("\"><img src=\"").append(esc(img))
                        .append("\" alt=\"").append(esc(f.title())).append("\" loading=\"lazy\"></a><figcaption>")
                        .append(esc(f.title())).append(" <a class=\"svg\" href=\"").append(esc(other)).append("\">")
                        .append(vector ? "PNG" : "SVG").append("</a></figcaption></figure>\n");
            }
            h.append("</div>\n");
        }
        h.append("</article>\n");
    }

    private static int count(List<ExperimentResult> rs, Verdict v) {
        return (int) rs.stream().filter(r -> r.verdict() == v).count();
    }

    private static String counts(List<ExperimentResult> rs) {
        int p = count(rs, Verdict.PASS);
        int f = count(rs, Verdict.FAIL);
        int r = count(rs, Verdict.REPORT);
        String s = p + " passed, " + f + " failed";
        return r > 0 ? s + ", " + r + " reported" : s;
    }

    private static String badge(Verdict v) {
        String cls = v.name().toLowerCase(Locale.ROOT);
        String text = switch (v) {
            case PASS -> "✓ pass";
            case FAIL -> "✗ fail";
            case REPORT -> "reported";
        };
        return "<span class=\"badge " + cls + "\">" + text + "</span>";
    }

    static String area(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String areaTitle(String area) {
        return AREA_TITLES.getOrDefault(area, area);
    }

    private static String areaId(String area) {
        return "area-" + FigureWriter.fileStem(area);
    }

    private static String expId(String name) {
        return "exp-" + FigureWriter.fileStem(name);
    }

    /** HTML-escapes text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root { --ink:#1d232a; --muted:#5b6672; --line:#dde2e7; --soft:#f5f7f9; --pass:#1a7f37; --pass-bg:#e6f4ea;
                    --fail:#c62828; --fail-bg:#fdecea; --report:#6a5acd; --report-bg:#efedfb; --accent:#0b5cad; }
            * { box-sizing: border-box; }
            html { font-size: 15px; }
            body { margin: 0 auto; max-width: 1100px; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
                   font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif;
                   line-height: 1.5; }
            code { font-family: "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .88em;
                   background: var(--soft); padding: .05em .3em; border-radius: 3px; }
            a { color: var(--accent); text-decoration: none; }
            a:hover { text-decoration: underline; }
            h1 { font-size: 1.9rem; margin: 0 0 .3rem; letter-spacing: -.01em; }
            h2 { font-size: 1.35rem; margin: 2.4rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 0; }
            .meta { color: var(--muted); margin: 0 0 1rem; }
            .totals { margin: .8rem 0; display: flex; gap: .6rem; flex-wrap: wrap; }
            .total { font-weight: 600; font-size: 1.05rem; padding: .3rem .8rem; border-radius: 6px; }
            .total.pass { color: var(--pass); background: var(--pass-bg); }
            .total.fail { color: var(--fail); background: var(--fail-bg); }
            .total.fail.zero { color: var(--muted); background: var(--soft); }
            .total.report { color: var(--report); background: var(--report-bg); }
            .legend { color: var(--muted); font-size: .9rem; max-width: 52rem; }
            .toc { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1.2rem 1rem; margin-top: 1.5rem; }
            .toc h2 { border: 0; margin: .6rem 0 .4rem; font-size: 1.1rem; }
            .toc h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
            .toc ul { list-style: none; margin: 0; padding: 0 0 0 .2rem; }
            .toc li { margin: .18rem 0; }
            .toc li code { color: var(--muted); background: none; }
            .counts { font-weight: normal; color: var(--muted); font-size: .85rem; margin-left: .4rem; }
            .badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
                     padding: .1rem .5rem; border-radius: 999px; vertical-align: middle; white-space: nowrap; }
            .badge.pass { color: var(--pass); background: var(--pass-bg); }
            .badge.fail { color: #fff; background: var(--fail); }
            .badge.report { color: var(--report); background: var(--report-bg); }
            .exp { border: 1px solid var(--line); border-left: 5px solid var(--pass); border-radius: 8px; padding: 1rem 1.3rem;
                   margin: 0 0 1.4rem; }
            .exp.fail { border-left-color: var(--fail); }
            .exp.report { border-left-color: var(--report); }
            .exp-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
            .exp-meta { color: var(--muted); font-size: .85rem; margin: .2rem 0 .6rem; }
            .criterion { margin: .4rem 0 .8rem; }
            .cols { display: flex; flex-wrap: wrap; gap: 1.2rem 2rem; align-items: flex-start; }
            table { border-collapse: collapse; font-size: .9rem; }
            .tcap { font-weight: 600; color: var(--muted); font-size: .8rem; text-transform: uppercase;
                    letter-spacing: .05em; padding-bottom: .3rem; }
            th, td { padding: .25rem .7rem .25rem 0; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { font-weight: 600; color: var(--muted); }
            td.num { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
            td.val { font-variant-numeric: tabular-nums; word-break: break-word; max-width: 28rem; }
            td.mark { width: 1.5rem; text-align: center; }
            tr.miss td { background: var(--fail-bg); }
            .ok { color: var(--pass); font-weight: 700; }
            .bad { color: var(--fail); font-weight: 700; }
            .notes { white-space: pre-wrap; background: var(--soft); border-radius: 6px; padding: .6rem .8rem; margin: 1rem 0 0;
                     font-size: .9rem; }
            .tablewrap { overflow-x: auto; margin-top: 1rem; }
            summary.tcap { cursor: pointer; }
            summary .rows { text-transform: none; letter-spacing: 0; font-weight: normal; }
            table.data td { font-variant-numeric: tabular-nums; white-space: nowrap; }
            .figures { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; }
            figure { margin: 0; flex: 1 1 420px; max-width: 720px; }
            figure.svgfig { flex: 0 1 420px; }
            figure.broken figcaption { color: var(--fail); }
            th.num { text-align: right; }
            figure img { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
            figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
            a.svg { font-size: .75rem; margin-left: .4rem; border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; }
            footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: 1rem; }
            @media print { .toc { break-after: page; } .exp { break-inside: avoid; } }
            """;
}
