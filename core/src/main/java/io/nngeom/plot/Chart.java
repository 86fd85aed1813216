package io.nngeom.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * An x–y chart: line and scatter series on linear or logarithmic axes.
 *
 * @param equalAspect draw one unit on x as long as one unit on y (geometry pictures)
 * @param xCategories names of the x values 0, 1, …, n − 1 when x is a category (hair colour, class), shown as the
 *                    x tick labels; empty for a numeric x axis
 */
public record Chart(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                    boolean equalAspect, List<Series> series, List<String> xCategories) implements Figure {

    public Chart {
        series = List.copyOf(series);
        xCategories = List.copyOf(xCategories);
    }

    /** A chart with a numeric x axis. */
    public Chart(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                 boolean equalAspect, List<Series> series) {
        this(name, title, xLabel, yLabel, logX, logY, equalAspect, series, List.of());
    }

    public static Chart of(String name, String title, String xLabel, String yLabel) {
        return new Chart(name, title, xLabel, yLabel, false, false, false, List.of());
    }

    public Chart withSeries(Series s) {
        List<Series> l = new ArrayList<>(series);
        l.add(s);
        return new Chart(name, title, xLabel, yLabel, logX, logY, equalAspect, l, xCategories);
    }

    public Chart line(String label, double[] x, double[] y) {
        return withSeries(new Series(label, x, y, Series.Style.LINE));
    }

    public Chart scatter(String label, double[] x, double[] y) {
        return withSeries(new Series(label, x, y, Series.Style.SCATTER));
    }

    public Chart withLogLog() {
        return new Chart(name, title, xLabel, yLabel, true, true, equalAspect, series, xCategories);
    }

    public Chart withLogY() {
        return new Chart(name, title, xLabel, yLabel, logX, true, equalAspect, series, xCategories);
    }

    public Chart withEqualAspect() {
        return new Chart(name, title, xLabel, yLabel, logX, logY, true, series, xCategories);
    }

    /** The x values 0, 1, …, n − 1 are the categories {@code names} (shown by name on the x axis). */
    public Chart withXCategories(List<String> names) {
        return new Chart(name, title, xLabel, yLabel, logX, logY, equalAspect, series, names);
    }

    /** One series of points. */
    public record Series(String label, double[] x, double[] y, Style style) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values, " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        /**
         * How a series is drawn. DASHED is a reference line (a bound, a predicted rate): drawn above the data so that
         * the data never hides it.
         */
        public enum Style { LINE, SCATTER, LINE_MARKERS, DASHED }
    }
}
