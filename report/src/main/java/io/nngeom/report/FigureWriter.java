package io.nngeom.report;

import io.nngeom.io.AtomicFiles;
import io.nngeom.plot.Chart;
import io.nngeom.plot.Figure;
import io.nngeom.plot.SvgFigure;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link Figure} into a directory as {@code NAME.png} and {@code NAME.svg}: a {@link Chart} with
 * XChart, an {@link SvgFigure} as its own SVG text and, rasterised by {@link SvgRaster} at one pixel per SVG
 * unit (the size convention of the chart PNGs), as PNG. Files are written atomically. Runs headless: {@code java.awt.headless} is set to true before AWT loads unless the
 * caller already chose.
 *
 * <p>Charts honour logarithmic axes (points with a non-positive coordinate on a log axis cannot be drawn
 * and are left out), equal aspect (one unit on x as long as one unit on y, by widening the shorter axis
 * range around the data), and the series styles LINE, SCATTER, LINE_MARKERS, DASHED. Non-finite points
 * are left out.
 */
public final class FigureWriter {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Pixel size of an ordinary chart. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Pixel size of an equal-aspect chart (before the axis ranges are fitted to the plot area). */
    static final int SQUARE = 640;
    /** Up to this many equally spaced x values, ticks at the data points read well. */
    static final int EQUALLY_SPACED_TICKS_MAX = 12;

    /** A colour-blind-safe palette (Okabe–Ito, then greys). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
        new Color(0x777777), new Color(0xAAAAAA)};
    /** Plot background used once to find the plot area in pixels (equal aspect). */
    private static final Color PROBE = new Color(0x12, 0x34, 0x56);

    private FigureWriter() {
    }

    /** The files written for one figure. */
    public record Written(Path png, Path svg) {
    }

    /**
     * Writes the figure into {@code dir} (created if missing) as {@code NAME.png} and {@code NAME.svg}. Both
     * pictures are drawn in memory first, so a figure that cannot be drawn leaves no file behind.
     */
    public static Written write(Figure figure, Path dir) {
        String stem = fileStem(figure.name());
        byte[] pngBytes;
        byte[] svgBytes;
        try {
            if (figure instanceof SvgFigure s) {
                svgBytes = s.svg().getBytes(StandardCharsets.UTF_8);
                pngBytes = SvgRaster.png(s.svg(), SvgRaster.DEFAULT_SCALE);
            } else {
                XYChart chart = toXChart((Chart) figure);
                pngBytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                svgBytes = bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        AtomicFiles.write(png, pngBytes);
        AtomicFiles.write(svg, svgBytes);
        return new Written(png, svg);
    }

    /**
     * Writes the one file the HTML report shows of a figure: an {@link SvgFigure} as its SVG (drawn exactly by the
     * browser), a {@link Chart} as its PNG (XChart's SVG is many times larger). {@code --plot DIR} gets both formats
     * through {@link #write}.
     */
    public static Path writeShown(Figure figure, Path dir) {
        String stem = fileStem(figure.name());
        if (figure instanceof SvgFigure s) {
            if (s.svg() == null || s.svg().isBlank()) {
                throw new IllegalArgumentException("the figure has no SVG text");
            }
            Path svg = dir.resolve(stem + ".svg");
            AtomicFiles.write(svg, s.svg().getBytes(StandardCharsets.UTF_8));
            return svg;
        }
        Path png = dir.resolve(stem + ".png");
        try {
            AtomicFiles.write(png, BitmapEncoder.getBitmapBytes(toXChart((Chart) figure), BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    /** A safe file stem: letters, digits, '-', '_' and '.' kept, anything else becomes '_'. */
    public static String fileStem(String name) {
        String s = name == null || name.isBlank() ? "figure" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    /** Builds the XChart chart of a {@link Chart}. */
    static XYChart toXChart(Chart c) {
        int w = c.equalAspect() ? SQUARE : WIDTH;
        int h = c.equalAspect() ? SQUARE : HEIGHT;
        // reference lines (DASHED) last, so that they are drawn above the data; colours keep the series order
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < c.series().size(); i++) {
                if ((c.series().get(i).style() == Chart.Series.Style.DASHED) == (pass == 1)) {
                    order.add(i);
                }
            }
        }
        List<double[][]> points = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        List<String> labelOf = new ArrayList<>();
        for (int index : order) {
            Chart.Series s = c.series().get(index);
            double[][] xy = drawable(s, c.logX(), c.logY());
            points.add(xy);
            labelOf.add(xy[0].length == 0 ? null
                    : unique(s.label() == null || s.label().isBlank() ? "series " + (index + 1) : s.label(), labels));
        }
        int legend = labels.size() > 1 ? ChartStyle.legendWidth(labels, w) : 0;
        String title = c.title() == null ? "" : c.title();
        // a title too long even at the smallest title size widens the chart rather than being cut
        XYChart chart = new XYChart(ChartStyle.widthForTitle(title, w) + legend, h);
        chart.setTitle(title);
        chart.setXAxisTitle(c.xLabel() == null ? "" : c.xLabel());
        chart.setYAxisTitle(c.yLabel() == null ? "" : c.yLabel());
        ChartStyle.style(chart.getStyler(), c, legend > 0);
        chart.getStyler().setChartTitleFont(ChartStyle.titleFont(title, chart.getWidth() - legend));

        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int shown = 0;
        for (int k = 0; k < order.size(); k++) {
            double[][] xy = points.get(k);
            if (labelOf.get(k) == null) {
                continue;
            }
            for (int i = 0; i < xy[0].length; i++) {
                box[0] = Math.min(box[0], xy[0][i]);
                box[1] = Math.max(box[1], xy[0][i]);
                box[2] = Math.min(box[2], xy[1][i]);
                box[3] = Math.max(box[3], xy[1][i]);
            }
            int index = order.get(k);
            ChartStyle.addSeries(chart, labelOf.get(k), xy, c.series().get(index).style(), PALETTE[index % PALETTE.length]);
            shown++;
        }
        chart.getStyler().setLegendVisible(shown > 1);
        if (!c.xCategories().isEmpty()) {
            List<String> names = c.xCategories();
            chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> ChartStyle.category(names, v));
        } else if (shown > 0 && !c.logX()) {
            avoidTicksAtEveryDataPoint(chart);
        }
        if (shown == 0) {
            // nothing drawable: an empty frame with the title, rather than a failure
            XYSeries xs = chart.addSeries(" ", new double[] {c.logX() ? 1 : 0}, new double[] {c.logY() ? 1 : 0});
            xs.setMarker(SeriesMarkers.NONE);
            xs.setShowInLegend(false);
            chart.getStyler().setLegendVisible(false);
        } else if (c.equalAspect() && !c.logX() && !c.logY()) {
            fitEqualAspect(chart, box);
        } else {
            // XChart labels a log axis at powers of ten only: widen it to whole decades so that at least two are labelled
            if (c.logX()) {
                double[] d = decades(box[0], box[1]);
                chart.getStyler().setXAxisMin(d[0]);
                chart.getStyler().setXAxisMax(d[1]);
            }
            if (c.logY()) {
                double[] d = decades(box[2], box[3]);
                chart.getStyler().setYAxisMin(d[0]);
                chart.getStyler().setYAxisMax(d[1]);
            }
        }
        return chart;
    }

    /**
     * XChart puts the x ticks at data points when the x values of all series, in order, are equally spaced
     * (a loss curve over iterations, say), which crowds the axis with odd numbers like 1, 9, 17, ….
     * With many points, an invisible one-point series inside the range breaks that spacing, so the ordinary
     * round-number ticks are used instead.
     */
    private static void avoidTicksAtEveryDataPoint(XYChart chart) {
        LinkedHashSet<Double> xs = new LinkedHashSet<>();
        double y0 = Double.NaN;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : s.getXData()) {
                xs.add(v);
            }
            if (Double.isNaN(y0) && s.getYData().length > 0) {
                y0 = s.getYData()[0];
            }
        }
        if (xs.size() <= EQUALLY_SPACED_TICKS_MAX) {
            return;
        }
        Double[] v = xs.toArray(new Double[0]);
        double step = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (Math.abs(v[i] - v[i - 1] - step) >= 1e-4) {
                return;
            }
        }
        XYSeries helper = chart.addSeries("\u0000spacing", new double[] {(v[0] + v[1]) / 2}, new double[] {y0});
        helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        helper.setMarker(SeriesMarkers.NONE);
        helper.setShowInLegend(false);
    }

    /** The powers of ten just below {@code lo} and just above {@code hi} (at least one decade apart). */
    static double[] decades(double lo, double hi) {
        double a = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
        double b = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
        return new double[] {a, b > a ? b : a * 10};
    }

    /** The finite points of a series that can be drawn on the chosen axes. */
    private static double[][] drawable(Chart.Series s, boolean logX, boolean logY) {
        double[] x = s.x();
        double[] y = s.y();
        int n = 0;
        boolean[] keep = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            keep[i] = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0);
            if (keep[i]) {
                n++;
            }
        }
        double[] kx = new double[n];
        double[] ky = new double[n];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (keep[i]) {
                kx[j] = x[i];
                ky[j++] = y[i];
            }
        }
        return new double[][] {kx, ky};
    }

    private static String unique(String label, Set<String> used) {
        String l = label;
        for (int k = 2; !used.add(l); k++) {
            l = label + " (" + k + ")";
        }
        return l;
    }

    /**
     * Sets the axis ranges so that one unit on x spans as many pixels as one unit on y: renders once with a
     * probe background to find the plot area in pixels, then widens the shorter range about its centre.
     */
    private static void fitEqualAspect(XYChart chart, double[] box) {
        double cx = (box[0] + box[1]) / 2;
        double cy = (box[2] + box[3]) / 2;
        double rx = box[1] - box[0];
        double ry = box[3] - box[2];
        double r = Math.max(rx, ry);
        if (!(r > 0)) {
            r = Math.max(1.0, Math.max(Math.abs(cx), Math.abs(cy)));
        }
        rx = Math.max(rx, r * 1e-3);
        ry = Math.max(ry, r * 1e-3);
        rx *= 1.06;
        ry *= 1.06;
        XYStyler st = chart.getStyler();
        setRanges(st, cx, cy, rx, ry);
        for (int round = 0; round < 2; round++) {
            int[] area = plotArea(chart);
            if (area == null) {
                return;
            }
            double pxPerX = area[0] / rx;
            double pxPerY = area[1] / ry;
            if (pxPerX > pxPerY) {
                rx = area[0] / pxPerY;
            } else {
                ry = area[1] / pxPerX;
            }
            setRanges(st, cx, cy, rx, ry);
        }
    }

    private static void setRanges(XYStyler st, double cx, double cy, double rx, double ry) {
        st.setXAxisMin(cx - rx / 2);
        st.setXAxisMax(cx + rx / 2);
        st.setYAxisMin(cy - ry / 2);
        st.setYAxisMax(cy + ry / 2);
    }

    /** Width and height in pixels of the plot area, found by rendering with a probe background colour. */
    private static int[] plotArea(XYChart chart) {
        XYStyler st = chart.getStyler();
        Color bg = st.getPlotBackgroundColor();
        Color grid = st.getPlotGridLinesColor();
        st.setPlotBackgroundColor(PROBE);
        st.setPlotGridLinesColor(PROBE);
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        st.setPlotBackgroundColor(bg);
        st.setPlotGridLinesColor(grid);
        int probe = PROBE.getRGB() & 0xFFFFFF;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == probe) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        return new int[] {maxX - minX + 1, maxY - minY + 1};
    }
}
