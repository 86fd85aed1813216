package io.nngeom.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * An x–y chart: line and scatter series on linear or logarithmic axes.
 *
 * @param equalAspect draw one unit on x as long as one unit on y (geometry pictures)
 */
public record Chart(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                    boolean equalAspect, List<Series> series) implements Figure {

    public Chart {
        series = List.copyOf(series);
    }

    public static Chart of(String name, String title, String xLabel, String yLabel) {
        return new Chart(name, title, xLabel, yLabel, false, false, false, List.of());
    }

    public Chart withSeries(Series s) {
        List<Series> l = new ArrayList<>(series);
        l.add(s);
        return new Chart(name, title, xLabel, yLabel, logX, logY, equalAspect, l);
    }

    public Chart line(String label, double[] x, double[] y) {
        return withSeries(new Series(label, x, y, Series.Style.LINE));
    }

    public Chart scatter(String label, double[] x, double[] y) {
        return withSeries(new Series(label, x, y, Series.Style.SCATTER));
    }

    public Chart withLogLog() {
        return new Chart(name, title, xLabel, yLabel, true, true, equalAspect, series);
    }

    public Chart withLogY() {
        return new Chart(name, title, xLabel, yLabel, logX, true, equalAspect, series);
    }

    public Chart withEqualAspect() {
        return new Chart(name, title, xLabel, yLabel, logX, logY, true, series);
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

        /** How a series is drawn. */
        public enum Style { LINE, SCATTER, LINE_MARKERS, DASHED }
    }
}
