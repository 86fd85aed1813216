package io.nngeom.report;

import java.util.List;

/**
 * What the HTML report shows, already in words and display numbers; the jte templates in {@code src/main/jte} only
 * lay it out (and escape every text they print). Built by {@link ReportModel}.
 *
 * @param meta the line under the title: version, date, seed, quick or full, JVM, time
 * @param summary the verdict that opens the report
 * @param failures the failed experiments, each with why
 * @param areas one collapsible section per theory area
 */
public record ReportPage(String meta, Summary summary, List<Failure> failures, List<Area> areas) {

    /**
     * The verdict.
     *
     * @param cls pass, known (every failure is a known one) or fail
     * @param headline one sentence, e.g. "All 41 checks passed"
     */
    public record Summary(String cls, String headline, int passed, int failed, int known, int reported) {
    }

    /** A failed experiment: its failing measurements and the reason (the known-failures entry, or the notes). */
    public record Failure(String id, String title, String name, boolean known, String reason, List<Row> missed) {
    }

    /** A theory area. {@code open}: shown unfolded when the page opens (the reader folds it with a click). */
    public record Area(String id, String title, String counts, boolean open, List<Exp> experiments) {
    }

    /** One experiment's section. {@code cls} is pass, fail or report; {@code known} the known-failure reason or null. */
    public record Exp(String id, String cls, String badge, String title, String name, String seconds, String criterion,
                      boolean anyBound, List<Row> measured, List<Row> params, String notes, String known,
                      List<TableView> tables, List<Fig> figures) {
    }

    /**
     * A measured value or a parameter.
     *
     * @param full the value at full precision (a tooltip), or empty
     * @param bound "≤ 1e-6" or empty
     * @param mark "ok", "bad" or empty (no bound)
     */
    public record Row(String name, String value, String full, String bound, String mark) {
        public boolean miss() {
            return "bad".equals(mark);
        }
    }

    /** A table; {@code fold}: long, shown folded. */
    public record TableView(String caption, boolean fold, List<String> headers, List<List<String>> rows) {
    }

    /**
     * A figure: {@code src} shown at its natural size, {@code link} the other format (empty if none); {@code error}
     * non-empty when the figure could not be drawn.
     */
    public record Fig(String caption, String src, String link, String linkLabel, String error) {
    }
}
