package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.plot.Chart;
import io.nngeom.plot.SvgFigure;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.w3c.dom.Document;

class FigureWriterTest {

    @TempDir
    Path tmp;

    private static Chart sample() {
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 10.0;
            y[i] = Math.sin(x[i]);
        }
        return Chart.of("sine", "A sine", "x", "sin x").line("sin", x, y).scatter("points", x, y)
                .withSeries(new Chart.Series("dashed", x, x, Chart.Series.Style.DASHED))
                .withSeries(new Chart.Series("markers", x, y, Chart.Series.Style.LINE_MARKERS));
    }

    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(file.toFile());
    }

    @Test
    void aLongOrManyEntryLegendGoesBesideThePlotAFewShortOnesInARowUnder() {
        double[] x = {1, 2, 3};
        Chart wide = Chart.of("w", "wide legend", "x", "y")
                .line("sinθ(Φ, V_k(B̃)) own: slope 1.03 and a long explanation", x, x)
                .line("sinθ(Φ, V_k(diag(√p_y)B̃)) other: slope -0.00 and more", x, x);
        XYChart w = FigureWriter.toXChart(wide);
        assertThat(w.getStyler().getLegendLayout()).isEqualTo(Styler.LegendLayout.Vertical);
        assertThat(w.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideE);
        // the plot keeps its size: the chart is wider by the legend's column
        assertThat(w.getWidth()).isGreaterThan(FigureWriter.WIDTH);
        // four entries (sample) go beside the plot, too
        assertThat(FigureWriter.toXChart(sample()).getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideE);
        XYChart few = FigureWriter.toXChart(Chart.of("f", "few", "x", "y").line("a", x, x).line("b", x, x));
        assertThat(few.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
        assertThat(few.getStyler().getLegendLayout()).isEqualTo(Styler.LegendLayout.Horizontal);
        assertThat(few.getWidth()).isEqualTo(FigureWriter.WIDTH);
    }

    @Test
    void referenceLinesAreDrawnAfterTheDataWhateverTheirOrder() {
        double[] x = {1, 2, 3};
        Chart c = Chart.of("r", "ref", "x", "y").withSeries(new Chart.Series("bound", x, x, Chart.Series.Style.DASHED))
                .scatter("data", x, x).line("fit", x, x);
        // XChart draws series in insertion order: the dashed reference line is inserted last
        assertThat(FigureWriter.toXChart(c).getSeriesCollection().stream().map(s -> s.getName()).toList()).containsExactly("data", "fit", "bound");
    }

    @Test
    void categoryAxesAreLabelledByNameAndLogAxesAsPowersOfTen() {
        Chart c = Chart.of("h", "hair", "hair colour", "feature").line("f", new double[] {0, 1, 2, 3}, new double[] {1, 2, 1, 3})
                .withXCategories(List.of("Black", "Brown", "Red", "Blond"));
        var fmt = FigureWriter.toXChart(c).getStyler().getXAxisTickLabelsFormattingFunction();
        assertThat(fmt.apply(0.0)).isEqualTo("Black");
        assertThat(fmt.apply(3.0)).isEqualTo("Blond");
        assertThat(fmt.apply(1.5)).isEmpty();
        assertThat(fmt.apply(4.0)).isEmpty();
        assertThat(ChartStyle.decade(1e-6)).isEqualTo("10⁻⁶");
        assertThat(ChartStyle.decade(1e12)).isEqualTo("10¹²");
        assertThat(ChartStyle.decade(1)).isEqualTo("1");
        assertThat(ChartStyle.decade(10)).isEqualTo("10");
        assertThat(ChartStyle.decade(0.5)).isEqualTo("0.5");
        Chart log = Chart.of("l", "log", "n", "error").line("e", new double[] {1, 2}, new double[] {1e-8, 1e-3}).withLogY();
        assertThat(FigureWriter.toXChart(log).getStyler().getYAxisTickLabelsFormattingFunction().apply(1e-8)).isEqualTo("10⁻⁸");
    }

    @Test
    void longTitlesShrinkToFitTheChartWidthShortOnesKeepTheFullSize() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        String mid = "Deep narrow 1-D networks (beta = 0.1): Lasso optimum and best Adam run";
        Font f = ChartStyle.titleFont(mid, FigureWriter.WIDTH);
        assertThat(f.getSize()).isLessThan(ChartStyle.TITLE_SIZE).isGreaterThanOrEqualTo(ChartStyle.MIN_TITLE_SIZE);
        assertThat(g.getFontMetrics(f).stringWidth(mid)).isLessThanOrEqualTo(FigureWriter.WIDTH - ChartStyle.TITLE_MARGIN);
        assertThat(ChartStyle.titleFont("A sine", FigureWriter.WIDTH).getSize()).isEqualTo(ChartStyle.TITLE_SIZE);
        XYChart midChart = FigureWriter.toXChart(Chart.of("t", mid, "x", "y"));
        assertThat(midChart.getStyler().getChartTitleFont().getSize()).isEqualTo(f.getSize());
        assertThat(midChart.getWidth()).isEqualTo(FigureWriter.WIDTH);
        // a title too long for the smallest size widens the chart so that it is not cut
        String longer = "Deep narrow 1-D networks (beta = 0.1): Lasso optimum and best Adam run per depth and seed";
        XYChart wide = FigureWriter.toXChart(Chart.of("t", longer, "x", "y"));
        assertThat(wide.getWidth()).isGreaterThan(FigureWriter.WIDTH);
        assertThat(g.getFontMetrics(wide.getStyler().getChartTitleFont()).stringWidth(longer))
                .isLessThanOrEqualTo(wide.getWidth() - ChartStyle.TITLE_MARGIN);
        g.dispose();
    }

    @Test
    void chartBecomesReadablePngAndWellFormedSvg() throws Exception {
        FigureWriter.Written w = FigureWriter.write(sample(), tmp.resolve("out"));
        assertThat(w.png()).isEqualTo(tmp.resolve("out/sine.png"));
        BufferedImage img = ImageIO.read(w.png().toFile());
        assertThat(img).isNotNull();
        int width = FigureWriter.toXChart(sample()).getWidth();
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(FigureWriter.HEIGHT);
        Document svg = parseXml(w.svg());
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + FigureWriter.HEIGHT);
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sine.png", "sine.svg");
        }
    }

    @Test
    void logAxesDropPointsThatCannotBeDrawn() throws Exception {
        Chart c = Chart.of("loss", "Loss", "iteration", "loss")
                .line("loss", new double[] {0, 1, 2, 3, 4}, new double[] {1, 0.1, 0, -1, 1e-3}).withLogLog();
        FigureWriter.Written w = FigureWriter.write(c, tmp);
        assertThat(ImageIO.read(w.png().toFile())).isNotNull();
        parseXml(w.svg());
    }

    @Test
    void nonFiniteAndEmptySeriesDoNotBreakTheChart() throws Exception {
        Chart c = Chart.of("odd", "Odd", "x", "y")
                .line("gaps", new double[] {0, 1, 2}, new double[] {1, Double.NaN, 2})
                .scatter("empty", new double[0], new double[0]);
        assertThat(ImageIO.read(FigureWriter.write(c, tmp).png().toFile())).isNotNull();
        Chart none = Chart.of("none", "Nothing to draw", "x", "y").scatter("nan", new double[] {Double.NaN}, new double[] {1});
        assertThat(ImageIO.read(FigureWriter.write(none, tmp).png().toFile())).isNotNull();
    }

    @Test
    void equalAspectMakesOneUnitTheSameLengthOnBothAxes() {
        // three markers at (0,0), (4,0), (0,1) in a wide data box; found again in the rendered pixels
        Chart c = Chart.of("wide", "Wide", "x", "y").scatter("p", new double[] {0, 4, 0}, new double[] {0, 0, 1})
                .withEqualAspect();
        BufferedImage img = BitmapEncoder.getBufferedImage(FigureWriter.toXChart(c));
        List<double[]> blobs = blobs(img, 0x0072B2);
        assertThat(blobs).hasSize(3);
        blobs.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] right = blobs.get(2);
        double[] top = blobs.get(0)[1] < blobs.get(1)[1] ? blobs.get(0) : blobs.get(1);
        double[] origin = top == blobs.get(0) ? blobs.get(1) : blobs.get(0);
        double pxPerUnitX = (right[0] - origin[0]) / 4.0;
        double pxPerUnitY = (origin[1] - top[1]) / 1.0;
        assertThat(pxPerUnitX).isGreaterThan(20);
        assertThat(Math.abs(pxPerUnitX / pxPerUnitY - 1)).isLessThan(0.03);
    }

    /** Centroids of the 8-connected groups of pixels of exactly one colour. */
    private static List<double[]> blobs(BufferedImage img, int rgb) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] seen = new boolean[w * h];
        List<double[]> out = new ArrayList<>();
        for (int y0 = 0; y0 < h; y0++) {
            for (int x0 = 0; x0 < w; x0++) {
                if (seen[y0 * w + x0] || (img.getRGB(x0, y0) & 0xFFFFFF) != rgb) {
                    continue;
                }
                double sx = 0;
                double sy = 0;
                int n = 0;
                ArrayDeque<int[]> q = new ArrayDeque<>();
                q.add(new int[] {x0, y0});
                seen[y0 * w + x0] = true;
                while (!q.isEmpty()) {
                    int[] p = q.poll();
                    sx += p[0];
                    sy += p[1];
                    n++;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int x = p[0] + dx;
                            int y = p[1] + dy;
                            if (x >= 0 && y >= 0 && x < w && y < h && !seen[y * w + x] && (img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                                seen[y * w + x] = true;
                                q.add(new int[] {x, y});
                            }
                        }
                    }
                }
                if (n >= 4) {
                    out.add(new double[] {sx / n, sy / n});
                }
            }
        }
        return out;
    }

    @Test
    void svgFigureIsWrittenAsItIsAndAsPngOfTheSameSize() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"8\"><rect width=\"5\" height=\"5\"/></svg>";
        FigureWriter.Written w = FigureWriter.write(new SvgFigure("regions", "Regions", svg), tmp);
        assertThat(Files.readString(w.svg())).isEqualTo(svg);
        assertThat(w.svg()).isEqualTo(tmp.resolve("regions.svg"));
        assertThat(w.png()).isEqualTo(tmp.resolve("regions.png"));
        parseXml(w.svg());
        BufferedImage img = ImageIO.read(w.png().toFile());
        assertThat(img.getWidth()).isEqualTo(10);
        assertThat(img.getHeight()).isEqualTo(8);
        assertThat(img.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0);
        assertThat(img.getRGB(7, 7) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(Files.readAllBytes(w.png())).isEqualTo(SvgRaster.png(svg));
    }

    @Test
    void aFigureThatCannotBeDrawnLeavesNoFile() throws IOException {
        Path out = tmp.resolve("out");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e9\" height=\"8\"><rect width=\"5\" height=\"5\"/></svg>";
        Assertions.assertThatThrownBy(() -> FigureWriter.write(new SvgFigure("bad", "Bad", svg), out))
                .isInstanceOf(IllegalArgumentException.class);
        Assertions.assertThatThrownBy(() -> FigureWriter.write(new SvgFigure("bad", "Bad", "<svg"), out))
                .isInstanceOf(IllegalArgumentException.class);
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s).isEmpty();
            }
        }
    }

    @Test
    void fileStemsAreSafe() {
        assertThat(FigureWriter.fileStem("a b/c")).isEqualTo("a_b_c");
        assertThat(FigureWriter.fileStem("../etc")).isEqualTo("_._etc");
        assertThat(FigureWriter.fileStem("loss-curve_2.v1")).isEqualTo("loss-curve_2.v1");
        assertThat(FigureWriter.fileStem("")).isEqualTo("figure");
    }

    @Test
    void rewritingReplacesTheFiles() throws IOException {
        FigureWriter.write(sample(), tmp);
        long first = Files.size(tmp.resolve("sine.png"));
        FigureWriter.write(Chart.of("sine", "other", "x", "y").line("l", new double[] {0, 1}, new double[] {0, 1}), tmp);
        assertThat(Files.size(tmp.resolve("sine.png"))).isNotEqualTo(first);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).hasSize(2);
        }
    }
}
