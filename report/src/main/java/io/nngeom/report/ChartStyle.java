package io.nngeom.report;

import io.nngeom.plot.Chart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look of the XChart charts {@link FigureWriter} draws: fonts no smaller than the report's body text, series
 * styles, where the legend goes, and the tick labels of log and category axes.
 */
final class ChartStyle {
    /** The report's body text is 16 px: axis titles, tick labels and legends are not smaller than 15. */
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private ChartStyle() {
    }

    static void addSeries(XYChart chart, String label, double[][] xy, Chart.Series.Style style, Color color) {
        XYSeries xs = chart.addSeries(label, xy[0], xy[1]);
        xs.setLineColor(color);
        xs.setMarkerColor(color);
        switch (style) {
            case LINE -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            case DASHED -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
            }
            case LINE_MARKERS -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.CIRCLE);
                xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            case SCATTER -> {
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.CIRCLE);
            }
        }
    }

    /** Up to this many legend entries that fit in one row go in a row under the plot; more go beside it. */
    static final int LEGEND_ROW_MAX = 3;

    /**
     * The extra chart width a legend of these labels needs: none for a few short entries, which go in one row under
     * the plot; otherwise the width of a column beside the plot (to its right), so that the plot keeps its size.
     */
    static int legendWidth(Set<String> labels, int width) {
        if (labels.size() <= LEGEND_ROW_MAX && fitsInOneRow(labels, LEGEND_FONT, width)) {
            return 0;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        int widest = 0;
        try {
            for (String l : labels) {
                widest = Math.max(widest, g.getFontMetrics(LEGEND_FONT).stringWidth(l));
            }
        } finally {
            g.dispose();
        }
        return Math.min(widest + LEGEND_ENTRY_EXTRA, MAX_LEGEND_WIDTH);
    }

    /** The legend beside a plot widens the chart by at most this many pixels. */
    static final int MAX_LEGEND_WIDTH = 360;

    /** The tick label of x value {@code v} on a category axis: the category's name at whole numbers, else nothing. */
    static String category(List<String> names, double v) {
        long k = Math.round(v);
        return Math.abs(v - k) < 1e-9 && k >= 0 && k < names.size() ? names.get((int) k) : "";
    }

    /**
     * A tick label of a log axis (XChart labels log axes at powers of ten): 10 with a superscript exponent, 1 and 10
     * as numbers.
     */
    static String decade(double v) {
        if (!(v > 0)) {
            return Fmt.num(v);
        }
        double e = Math.log10(v);
        long k = Math.round(e);
        if (Math.abs(e - k) > 1e-9) {
            return Fmt.num(v);
        }
        if (k == 0 || k == 1) {
            return k == 0 ? "1" : "10";
        }
        StringBuilder b = new StringBuilder("10");
        String digits = Long.toString(k);
        for (char ch : digits.toCharArray()) {
            b.append(ch == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
        }
        return b.toString();
    }

    /** Title font sizes: the largest of TITLE_SIZE … MIN_TITLE_SIZE points at which the title fits the width. */
    static final int TITLE_SIZE = 18;
    static final int MIN_TITLE_SIZE = 14;
    /** Horizontal room the title leaves free (pixels): XChart centres it over the plot, right of the y axis and its labels. */
    static final int TITLE_MARGIN = 140;

    /** The bold title font, shrunk (down to {@link #MIN_TITLE_SIZE}) until the title fits a chart {@code width} wide. */
    static Font titleFont(String title, int width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            for (int size = TITLE_SIZE; size > MIN_TITLE_SIZE; size--) {
                Font f = new Font(Font.SANS_SERIF, Font.BOLD, size);
                if (g.getFontMetrics(f).stringWidth(title) <= width - TITLE_MARGIN) {
                    return f;
                }
            }
            return new Font(Font.SANS_SERIF, Font.BOLD, MIN_TITLE_SIZE);
        } finally {
            g.dispose();
        }
    }

    /** The chart width at which {@code title} fits at the smallest title size: {@code width} or more, at most MAX_WIDTH. */
    static int widthForTitle(String title, int width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            int need = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, MIN_TITLE_SIZE)).stringWidth(title) + TITLE_MARGIN;
            return Math.max(width, Math.min(need, MAX_WIDTH));
        } finally {
            g.dispose();
        }
    }

    /** The widest chart drawn for a long title (the report's text column is about 1,130 pixels). */
    static final int MAX_WIDTH = 1100;

    /** Horizontal room a legend row under the plot leaves free (pixels). */
    static final int LEGEND_MARGIN = 24;

    /** Room one legend entry takes besides its label: the line sample and the gaps (pixels, generous). */
    static final int LEGEND_ENTRY_EXTRA = 48;

    /** Whether a horizontal legend of these labels fits a chart {@code width} wide; otherwise it is stacked vertically. */
    static boolean fitsInOneRow(Collection<String> labels, Font font, int width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            int total = 0;
            for (String l : labels) {
                total += g.getFontMetrics(font).stringWidth(l) + LEGEND_ENTRY_EXTRA;
            }
            return total <= width - LEGEND_MARGIN;
        } finally {
            g.dispose();
        }
    }

    /** Styles a chart; {@code legendBeside}: the legend is a column right of the plot, else a row under it. */
    static void style(XYStyler st, Chart c, boolean legendBeside) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0x999999));
        st.setPlotGridLinesColor(new Color(0xE3E3E3));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setChartFontColor(new Color(0x222222));
        st.setAxisTickLabelsColor(new Color(0x333333));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE));
        st.setChartTitleBoxVisible(false);
        // the report's body text is 16 px: axis titles, ticks and legends are not smaller
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setLegendFont(LEGEND_FONT);
        st.setLegendPosition(legendBeside ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        st.setLegendLayout(legendBeside ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        st.setLegendBorderColor(Color.WHITE);
        st.setMarkerSize(8);
        st.setXAxisTickMarkSpacingHint(90);
        st.setYAxisTickMarkSpacingHint(60);
        st.setChartPadding(12);
        st.setXAxisLogarithmic(c.logX());
        st.setYAxisLogarithmic(c.logY());
        // log axes are labelled at powers of ten: "1e-6" rather than XChart's "1E-6"
        if (c.logX()) {
            st.setXAxisTickLabelsFormattingFunction(ChartStyle::decade);
        }
        if (c.logY()) {
            st.setYAxisTickLabelsFormattingFunction(ChartStyle::decade);
        }
        st.setAntiAlias(true);
    }
}
