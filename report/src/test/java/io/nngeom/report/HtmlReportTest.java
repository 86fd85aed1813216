package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.plot.Chart;
import io.nngeom.plot.SvgFigure;
import io.nngeom.run.InputException;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Measurement;
import io.nngeom.validate.Table;
import io.nngeom.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path tmp;

    static final ReportInfo INFO = new ReportInfo("9.9.9", "TestVM 17", Instant.parse("2026-11-22T10:00:00Z"), 42, true,
            "selftest.*", 3.5);

    static List<ExperimentResult> results() {
        Chart c = Chart.of("curve", "A curve", "x", "y").line("l", new double[] {0, 1, 2}, new double[] {0, 1, 4});
        SvgFigure s = new SvgFigure("regions", "Regions", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>");
        return List.of(
                new ExperimentResult("foundation.grad", "Gradient <check>", 42, Map.of("n", 5),
                        List.of(Measurement.atMost("relErr", 3e-9, 1e-6), Measurement.of("evaluations", 40)),
                        "relative error <= 1e-6", Verdict.PASS, "", List.of(c, s),
                        List.of(new Table("t", "Minima", List.of("k", "loss"), List.of(List.of("1", "0.5")))), 0.25),
                new ExperimentResult("convex.cert", "Certificate", 42, Map.of(),
                        List.of(Measurement.atLeast("gap", -1.0, 0.0)), "gap >= 0", Verdict.FAIL, "duality gap negative\nsee notes",
                        List.of(), List.of(), 1.5),
                new ExperimentResult("foundation.speed", "Speed", 42, Map.of(), List.of(Measurement.of("ms", 6.4)), "",
                        Verdict.REPORT, "", List.of(), List.of(), 0.1));
    }

    @Test
    void writesIndexWithHeaderContentsSectionsAndFigures() throws IOException {
        Path index = HtmlReport.write(tmp.resolve("report"), INFO, results());
        assertThat(index).isEqualTo(tmp.resolve("report/index.html").toAbsolutePath());
        String html = Files.readString(index);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("nngeom 9.9.9", "2026-11-22 10:00:00 UTC", "seed 42", "quick versions",
                "selftest.*", "1 passed", "1 failed", "1 reported");
        // contents grouped by area, in the order of first appearance; each area a collapsible details element
        assertThat(html.indexOf("id=\"area-foundation\"")).isLessThan(html.indexOf("id=\"area-convex\""));
        assertThat(html).contains("<details class=\"area\" id=\"area-foundation\"", "href=\"#exp-foundation.grad\"",
                "id=\"exp-convex.cert\"");
        // escaped title, bound with check marks, criterion, notes, tables; measurement names as prose
        assertThat(html).contains("Gradient &lt;check&gt;").doesNotContain("Gradient <check>");
        assertThat(html).contains("≤ 1e-6", "≥ 0", "✓", "✗", "relative error &lt;= 1e-6", "duality gap negative\nsee notes",
                "Minima", "<td>rel err</td>").doesNotContain(">relErr<");
        // figures: a chart as its PNG, an SvgFigure as its SVG, each once
        assertThat(html).contains("src=\"figures/foundation.grad/curve.png\"", "src=\"figures/foundation.grad/regions.svg\"");
        assertThat(ImageIO.read(tmp.resolve("report/figures/foundation.grad/curve.png").toFile())).isNotNull();
        assertThat(tmp.resolve("report/figures/foundation.grad/curve.svg")).doesNotExist();
        // self-contained: no scripts, no remote resources
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void opensWithTheVerdictThenTheFailuresThenTheAreas() throws IOException {
        String html = Files.readString(HtmlReport.write(tmp.resolve("r"), INFO, results()));
        int verdict = html.indexOf("class=\"verdict fail\"");
        int failures = html.indexOf("<section class=\"failures\">");
        int contents = html.indexOf("<nav class=\"toc\">");
        int firstArea = html.indexOf("<details class=\"area\"");
        assertThat(verdict).isPositive().isLessThan(failures);
        assertThat(failures).isLessThan(contents);
        assertThat(contents).isLessThan(firstArea);
        assertThat(html).contains("1 of 2 checks failed");
        // the failures box names the failure, its failing measurement with value and bound, and why (its notes)
        String box = html.substring(failures, contents);
        assertThat(box).contains("href=\"#exp-convex.cert\"", "Certificate", "unexpected", "<td>gap</td>", "≥ 0",
                "duality gap negative").doesNotContain("Gradient");
        // every area is a details element that starts open (a click on its title folds it)
        assertThat(html).contains("<details class=\"area\" id=\"area-convex\" open>")
                .contains("<details class=\"area\" id=\"area-foundation\" open>");
    }

    @Test
    void aKnownFailureIsMarkedKnownWithItsReason() throws IOException {
        ReportInfo info = INFO.withKnownFailures(Map.of("convex.cert", "the bound holds at n = 10 only <see theory>"));
        String html = Files.readString(HtmlReport.write(tmp.resolve("r"), info, results()));
        assertThat(html).contains("class=\"verdict known\"", "1 of 2 checks failed, a known failure", "1 known",
                "known failure", "the bound holds at n = 10 only &lt;see theory&gt;").doesNotContain(">unexpected<");
    }

    @Test
    void allPassedSaysSoAndHasNoFailuresBox() throws IOException {
        String html = Files.readString(HtmlReport.write(tmp.resolve("r"), INFO, List.of(results().get(0), results().get(2))));
        assertThat(html).contains("class=\"verdict pass\"", "The check passed").doesNotContain("class=\"failures\"");
    }

    @Test
    void hostileTextIsEscapedEverywhere() throws IOException {
        String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&";
        Chart c = Chart.of("c", evil, "x", "y").line("l", new double[] {0, 1}, new double[] {0, 1});
        ExperimentResult r = new ExperimentResult("foundation.evil", evil, 1, Map.of(evil, evil),
                List.of(Measurement.atMost(evil, 2, 1)), evil, Verdict.FAIL, evil, List.of(c),
                List.of(new Table("t", evil, List.of(evil), List.of(List.of(evil)))), 0.1);
        ReportInfo info = new ReportInfo(evil, evil, INFO.date(), 1, false, evil, 1, Map.of("foundation.evil", evil));
        String html = Files.readString(HtmlReport.write(tmp.resolve("r"), info, List.of(r)));
        assertThat(html).doesNotContain("<script", "<img src=x", "\"><img").contains("&lt;script&gt;");
        // every occurrence of the text is the escaped one
        assertThat(html.split("&lt;script&gt;alert", -1).length - 1).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aReportOfManyFiguresStaysSmall() throws IOException {
        // 50 charts of two 200-point series each (a quick run has 46 figures): each written once, as PNG
        List<ExperimentResult> many = new ArrayList<>();
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 10.0);
        }
        for (int k = 0; k < 25; k++) {
            Chart a = Chart.of("a", "Curve a", "x", "y").line("sin", x, y).scatter("points", x, y);
            Chart b = Chart.of("b", "Curve b", "x", "y").line("sin", x, y).line("cos", y, x);
            many.add(new ExperimentResult("foundation.e" + k, "E" + k, 1, Map.of(), List.of(Measurement.atMost("e", 0, 1)),
                    "", Verdict.PASS, "", List.of(a, b), List.of(), 0.1));
        }
        Path out = HtmlReport.write(tmp.resolve("r"), INFO, many).getParent();
        long bytes;
        try (Stream<Path> s = Files.walk(out)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(bytes).isLessThan(3_000_000L);
    }

    @Test
    void longTablesAreFoldedShortOnesShown() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= HtmlReport.FOLD_ROWS; i++) {
            rows.add(List.of(Integer.toString(i)));
        }
        ExperimentResult r = new ExperimentResult("foundation.long", "Long", 1, Map.of(), List.of(Measurement.atMost("e", 0, 1)),
                "", Verdict.PASS, "", List.of(), List.of(new Table("t", "Cases", List.of("i"), rows)), 0.1);
        String html = Files.readString(HtmlReport.write(tmp.resolve("r"), INFO, List.of(r)));
        assertThat(html).contains("<details><summary class=\"tcap\">Cases <span class=\"rows\">(16 rows)</span></summary>");
    }

    @Test
    void aFigureThatCannotBeDrawnIsNotedAndTheRestIsWritten() throws IOException {
        // an SvgFigure without text (a bug in the experiment that made it) cannot be written
        Path out = tmp.resolve("r");
        ExperimentResult r = new ExperimentResult("foundation.fig", "Fig", 1, Map.of(), List.of(Measurement.atMost("e", 0, 1)),
                "", Verdict.PASS, "", List.of(new SvgFigure("broken", "Broken", null),
                Chart.of("ok", "Fine", "x", "y").line("l", new double[] {0, 1}, new double[] {1, 2})), List.of(), 0.1);
        String html = Files.readString(HtmlReport.write(out, INFO, List.of(r)));
        assertThat(html).contains("Broken: the figure could not be drawn").contains("figures/foundation.fig/ok.png");
        assertThat(out.resolve("figures/foundation.fig/ok.png")).isRegularFile();
    }

    @Test
    void replacesAPreviousReportAtomically() throws IOException {
        Path out = tmp.resolve("report");
        HtmlReport.write(out, INFO, results());
        Files.writeString(out.resolve("old.txt"), "x");
        HtmlReport.write(out, INFO, results().subList(2, 3));
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve("figures")).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
        }
    }

    @Test
    void writesIntoAnEmptyDirectory() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        HtmlReport.write(out, INFO, results());
        assertThat(out.resolve("index.html")).isRegularFile();
    }

    @Test
    void refusesAFileOrAForeignDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> HtmlReport.write(file, INFO, results())).isInstanceOf(InputException.class)
                .hasMessageContaining("--out").hasMessageContaining("not a directory");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "x");
        assertThatThrownBy(() -> HtmlReport.checkTarget(foreign)).isInstanceOf(InputException.class)
                .hasMessageContaining("not an nngeom report");
        assertThat(foreign.resolve("thesis.tex")).isRegularFile();
    }
}
