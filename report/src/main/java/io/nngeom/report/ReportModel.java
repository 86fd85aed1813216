package io.nngeom.report;

import io.nngeom.plot.Figure;
import io.nngeom.report.ReportPage.Area;
import io.nngeom.report.ReportPage.Exp;
import io.nngeom.report.ReportPage.Failure;
import io.nngeom.report.ReportPage.Fig;
import io.nngeom.report.ReportPage.Row;
import io.nngeom.report.ReportPage.Summary;
import io.nngeom.report.ReportPage.TableView;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Measurement;
import io.nngeom.validate.Table;
import io.nngeom.validate.Verdict;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a validation run into the {@link ReportPage} the templates lay out, writing the figures on the way. */
final class ReportModel {
    private static final Map<String, String> AREA_TITLES = Map.of(
            "foundation", "Foundation: networks, training, data and model I/O",
            "minimizers", "Explicit global minimizers of the L² cost",
            "lowrank", "Local geometry: low-rank Bayes-action matrices",
            "piecewise", "ReLU networks as piecewise-linear functions",
            "convex", "Convex training via wedge products");
    /** A failure's notes are cut to this many characters in the failures box (the full text is in its section). */
    static final int REASON_CHARS = 600;

    private ReportModel() {
    }

    /** The page of {@code results}; figures are written under {@code dir}/figures. */
    static ReportPage build(Path dir, ReportInfo info, List<ExperimentResult> results) {
        Map<String, String> known = info.knownFailures();
        Map<String, List<ExperimentResult>> byArea = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            byArea.computeIfAbsent(area(r.name()), k -> new ArrayList<>()).add(r);
        }
        List<Failure> failures = new ArrayList<>();
        for (ExperimentResult r : results) {
            if (r.verdict() == Verdict.FAIL) {
                failures.add(failure(r, known.get(r.name())));
            }
        }
        List<Area> areas = new ArrayList<>();
        for (Map.Entry<String, List<ExperimentResult>> e : byArea.entrySet()) {
            List<Exp> exps = new ArrayList<>();
            for (ExperimentResult r : e.getValue()) {
                exps.add(experiment(dir, r, known.get(r.name())));
            }
            // every area starts open, so that the contents' links land on visible text in every browser
            areas.add(new Area(areaId(e.getKey()), AREA_TITLES.getOrDefault(e.getKey(), e.getKey()), counts(e.getValue()),
                    true, exps));
        }
        return new ReportPage(meta(info), summary(results, known), failures, areas);
    }

    private static String meta(ReportInfo info) {
        StringBuilder b = new StringBuilder();
        b.append("nngeom ").append(info.version()).append(" · ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).format(info.date().atOffset(ZoneOffset.UTC)))
                .append(" · seed ").append(info.seed()).append(" · ").append(info.quick() ? "quick versions" : "full versions");
        if (info.filter() != null) {
            b.append(" · only ").append(info.filter());
        }
        return b.append(" · ").append(info.jvm()).append(" · ").append(Fmt.seconds(info.seconds())).toString();
    }

    static Summary summary(List<ExperimentResult> results, Map<String, String> known) {
        int passed = count(results, Verdict.PASS);
        int failed = count(results, Verdict.FAIL);
        int reported = count(results, Verdict.REPORT);
        int knownFailed = (int) results.stream().filter(r -> r.verdict() == Verdict.FAIL && known.containsKey(r.name())).count();
        int checks = passed + failed;
        String headline;
        String cls;
        if (failed == 0) {
            cls = "pass";
            headline = checks == 1 ? "The check passed" : "All " + checks + " checks passed";
        } else if (knownFailed == failed) {
            cls = "known";
            headline = failed + " of " + checks + " checks failed, " + (failed == 1 ? "a known failure" : "all known failures");
        } else {
            cls = "fail";
            int unexpected = failed - knownFailed;
            headline = failed + " of " + checks + " checks failed" + (knownFailed > 0
                    ? " (" + unexpected + " unexpected, " + knownFailed + " known)" : "");
        }
        return new Summary(cls, headline, passed, failed, knownFailed, reported);
    }

    private static Failure failure(ExperimentResult r, String knownReason) {
        List<Row> missed = new ArrayList<>();
        for (Measurement m : r.measured()) {
            if (!m.comparison().isEmpty() && !m.holds()) {
                missed.add(row(m));
            }
        }
        String reason = knownReason != null ? knownReason : shorten(r.notes().isBlank() ? r.criterion() : r.notes());
        return new Failure(expId(r.name()), r.title(), r.name(), knownReason != null, reason, missed);
    }

    static String shorten(String text) {
        String t = text.strip();
        if (t.length() <= REASON_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', REASON_CHARS);
        return t.substring(0, cut > REASON_CHARS / 2 ? cut : REASON_CHARS) + " …";
    }

    private static Exp experiment(Path dir, ExperimentResult r, String knownReason) {
        String cls = r.verdict().name().toLowerCase(Locale.ROOT);
        String badge = switch (r.verdict()) {
            case PASS -> "✓ pass";
            case FAIL -> knownReason != null ? "✗ known failure" : "✗ fail";
            case REPORT -> "reported";
        };
        List<Row> measured = r.measured().stream().map(ReportModel::row).toList();
        boolean anyBound = r.measured().stream().anyMatch(m -> !m.comparison().isEmpty());
        List<Row> params = new ArrayList<>();
        r.parameters().forEach((k, v) -> params.add(new Row(Prose.name(k), Fmt.value(v), "", "", "")));
        List<TableView> tables = new ArrayList<>();
        for (Table t : r.tables()) {
            tables.add(new TableView(t.title() == null ? t.name() : t.title(), t.rows().size() > HtmlReport.FOLD_ROWS,
                    t.headers().stream().map(Prose::name).toList(), t.rows()));
        }
        return new Exp(expId(r.name()), cls, badge, r.title(), r.name(), Fmt.seconds(r.seconds()), r.criterion(), anyBound,
                measured, params, r.notes(), knownReason, tables, figures(dir, r));
    }

    private static List<Fig> figures(Path dir, ExperimentResult r) {
        String sub = "figures/" + FigureWriter.fileStem(r.name());
        List<Fig> out = new ArrayList<>();
        for (Figure f : r.figures()) {
            try {
                Path shown = FigureWriter.writeShown(f, dir.resolve(sub));
                out.add(new Fig(f.title(), sub + "/" + shown.getFileName(), "", "", ""));
            } catch (RuntimeException e) {
                // one bad picture must not cost the whole report
                out.add(new Fig(f.title(), "", "", "", "the figure could not be drawn (" + e.getMessage() + ")"));
            }
        }
        return out;
    }

    static Row row(Measurement m) {
        boolean bounded = !m.comparison().isEmpty();
        String bound = bounded ? (m.comparison().equals("<=") ? "≤ " : "≥ ") + Fmt.num(m.reference()) : "";
        String mark = bounded ? (m.holds() ? "ok" : "bad") : "";
        return new Row(Prose.name(m.name()), Fmt.num(m.value()), Fmt.full(m.value()), bound, mark);
    }

    private static int count(List<ExperimentResult> rs, Verdict v) {
        return (int) rs.stream().filter(r -> r.verdict() == v).count();
    }

    static String counts(List<ExperimentResult> rs) {
        int p = count(rs, Verdict.PASS);
        int f = count(rs, Verdict.FAIL);
        int r = count(rs, Verdict.REPORT);
        String s = p + " passed, " + f + " failed";
        return r > 0 ? s + ", " + r + " reported" : s;
    }

    static String area(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    static String areaId(String area) {
        return "area-" + FigureWriter.fileStem(area);
    }

    static String expId(String name) {
        return "exp-" + FigureWriter.fileStem(name);
    }
}
