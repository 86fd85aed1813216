package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.run.Seeds;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SvgRasterTest {

    private static final int WHITE = 0xFFFFFF;

    private static String svg(int w, int h, String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\">" + body + "</svg>";
    }

    private static BufferedImage draw(String svg) {
        return SvgRaster.render(svg, 1);
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** Largest difference of the three channels. */
    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    @Test
    void theCanvasHasTheSvgSizeAndIsOpaqueWhite() {
        BufferedImage img = draw(svg(37, 21, ""));
        assertThat(img.getWidth()).isEqualTo(37);
        assertThat(img.getHeight()).isEqualTo(21);
        assertThat(img.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(img.getRGB(36, 20)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void scaleMultipliesThePixelSizeAndTheDrawing() {
        String s = svg(40, 30, "<rect x=\"10\" y=\"10\" width=\"10\" height=\"10\" fill=\"#0000ff\"/>");
        BufferedImage img = SvgRaster.render(s, 2.5);
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(img.getHeight()).isEqualTo(75);
        // the rect covers [25, 50) x [25, 50) pixels
        assertThat(rgb(img, 26, 26)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 49, 49)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 51, 37)).isEqualTo(WHITE);
        assertThat(rgb(img, 23, 37)).isEqualTo(WHITE);
        assertThatThrownBy(() -> SvgRaster.render(s, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilledPolygonHasItsFillInsideAndWhiteOutside() {
        BufferedImage img = draw(svg(100, 100, "<polygon points=\"10,10 90,10 10,90\" fill=\"#d55e00\" stroke=\"black\" stroke-width=\"2\"/>"));
        assertThat(rgb(img, 30, 30)).isEqualTo(0xD55E00);
        assertThat(rgb(img, 80, 80)).isEqualTo(WHITE);
        // the stroke along the top edge y = 10
        assertThat(rgb(img, 50, 10)).isEqualTo(0x000000);
        // the hypotenuse x + y = 100 has the stroke, the inside next to it the fill
        assertThat(distance(rgb(img, 50, 50), 0)).isLessThan(80);
    }

    @Test
    void linesAreDrawnWithTheirWidthCapsAndDashes() {
        BufferedImage img = draw(svg(120, 60,
                "<line x1=\"10\" y1=\"10.5\" x2=\"110\" y2=\"10.5\" stroke=\"#009e73\" stroke-width=\"3\"/>"
                        + "<line x1=\"10\" y1=\"40.5\" x2=\"110\" y2=\"40.5\" stroke=\"black\" stroke-width=\"3\" stroke-dasharray=\"10 10\"/>"
                        + "<line x1=\"10\" y1=\"55\" x2=\"110\" y2=\"55\" fill=\"red\"/>"));
        assertThat(rgb(img, 60, 10)).isEqualTo(0x009E73);
        assertThat(rgb(img, 60, 9)).isEqualTo(0x009E73);
        assertThat(rgb(img, 60, 14)).isEqualTo(WHITE);
        // butt caps (the SVG default): nothing before x1
        assertThat(rgb(img, 8, 10)).isEqualTo(WHITE);
        // dashes on [10, 20), [30, 40), …, gaps between
        assertThat(rgb(img, 15, 40)).isEqualTo(0x000000);
        assertThat(rgb(img, 25, 40)).isEqualTo(WHITE);
        assertThat(rgb(img, 35, 40)).isEqualTo(0x000000);
        // a line has no fill, and no stroke unless one is set
        assertThat(rgb(img, 60, 55)).isEqualTo(WHITE);
    }

    @Test
    void circlesEllipsesAndRoundedRects() {
        BufferedImage img = draw(svg(200, 100,
                "<circle cx=\"30\" cy=\"30\" r=\"20\" fill=\"#56b4e9\" stroke=\"black\" stroke-width=\"4\"/>"
                        + "<ellipse cx=\"100\" cy=\"30\" rx=\"30\" ry=\"10\" fill=\"lime\"/>"
                        + "<rect x=\"140\" y=\"10\" width=\"50\" height=\"50\" rx=\"20\" fill=\"navy\"/>"));
        assertThat(rgb(img, 30, 30)).isEqualTo(0x56B4E9);
        assertThat(rgb(img, 30, 10)).isEqualTo(0x000000);
        assertThat(rgb(img, 30, 4)).isEqualTo(WHITE);
        assertThat(rgb(img, 125, 30)).isEqualTo(0x00FF00);
        assertThat(rgb(img, 100, 43)).isEqualTo(WHITE);
        assertThat(rgb(img, 165, 35)).isEqualTo(0x000080);
        // the rounded corner leaves the box's corner blank
        assertThat(rgb(img, 141, 11)).isEqualTo(WHITE);
    }

    @Test
    void pathsWithLinesCurvesAndArcs() {
        // a full circle of radius 20 about (50, 50) drawn as two arcs, and a closed relative triangle
        BufferedImage img = draw(svg(200, 100,
                "<path d=\"M30,50 A20,20 0 1,1 70,50 A20 20 0 1 1 30 50Z\" fill=\"#cc79a7\"/>"
                        + "<path d=\"m110 20 h60 v60 z\" fill=\"#e69f00\" fill-rule=\"evenodd\"/>"
                        + "<path d=\"M100 95 C120 85 160 85 180 95\" stroke=\"black\" fill=\"none\" stroke-width=\"2\"/>"));
        assertThat(rgb(img, 50, 50)).isEqualTo(0xCC79A7);
        assertThat(rgb(img, 50, 33)).isEqualTo(0xCC79A7);
        assertThat(rgb(img, 50, 67)).isEqualTo(0xCC79A7);
        assertThat(rgb(img, 50, 27)).isEqualTo(WHITE);
        assertThat(rgb(img, 32, 33)).isEqualTo(WHITE); // outside the circle, inside its bounding box
        assertThat(rgb(img, 160, 40)).isEqualTo(0xE69F00);
        assertThat(rgb(img, 120, 70)).isEqualTo(WHITE);
        // the Bézier's midpoint B(1/2) = (140, 87.5)
        assertThat(distance(rgb(img, 140, 87), 0)).isLessThan(100);
        assertThat(rgb(img, 140, 80)).isEqualTo(WHITE);
    }

    @Test
    void groupsPassTheirStyleOnAndTransformsApply() {
        BufferedImage img = draw(svg(100, 100,
                "<g fill=\"red\" transform=\"translate(50 0)\"><rect width=\"10\" height=\"10\"/>"
                        + "<g transform=\"rotate(90 25 25)\"><rect x=\"0\" y=\"0\" width=\"10\" height=\"10\"/></g></g>"
                        + "<rect x=\"0\" y=\"60\" width=\"10\" height=\"10\" style=\"fill: blue; stroke: none\"/>"));
        assertThat(rgb(img, 55, 5)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 5, 5)).isEqualTo(WHITE);
        // rotate(90) about (25, 25) maps [0,10]² to [40,50] x [0,10], then translated by 50
        assertThat(rgb(img, 95, 5)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 5, 65)).isEqualTo(0x0000FF);
    }

    @Test
    void colourNotationsAgreeWithCss() {
        BufferedImage img = draw(svg(50, 10,
                "<rect x=\"0\" width=\"10\" height=\"10\" fill=\"#85e085\"/>"
                        + "<rect x=\"10\" width=\"10\" height=\"10\" fill=\"#abc\"/>"
                        + "<rect x=\"20\" width=\"10\" height=\"10\" fill=\"rgb(10, 20, 30)\"/>"
                        + "<rect x=\"30\" width=\"10\" height=\"10\" fill=\"black\" fill-opacity=\"0.5\"/>"
                        + "<rect x=\"40\" width=\"10\" height=\"10\" fill=\"grey\"/>"));
        assertThat(rgb(img, 5, 5)).isEqualTo((133 << 16) | (224 << 8) | 133);
        assertThat(rgb(img, 15, 5)).isEqualTo(0xAABBCC);
        assertThat(rgb(img, 25, 5)).isEqualTo(0x0A141E);
        // black at alpha 128/255 over white
        assertThat(distance(rgb(img, 35, 5), 0x7F7F7F)).isLessThanOrEqualTo(1);
        assertThat(rgb(img, 45, 5)).isEqualTo(0x808080);
    }

    @Test
    void clipPathsCutTheDrawing() {
        BufferedImage img = draw(svg(100, 100,
                "<defs><clipPath id=\"c\"><rect x=\"20\" y=\"20\" width=\"30\" height=\"30\"/></clipPath></defs>"
                        + "<g clip-path=\"url(#c)\"><rect width=\"100\" height=\"100\" fill=\"red\"/></g>"));
        assertThat(rgb(img, 30, 30)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 10, 10)).isEqualTo(WHITE);
        assertThat(rgb(img, 60, 30)).isEqualTo(WHITE);
    }

    @Test
    void percentLengthsAndTheViewBoxMapUserUnitsToPixels() {
        BufferedImage img = draw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" viewBox=\"0 0 10 10\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#eee\"/><rect width=\"5\" height=\"5\" fill=\"black\"/></svg>");
        // meet: scale 5, the 10 x 10 view box is centred horizontally: x in [25, 75)
        assertThat(rgb(img, 30, 10)).isEqualTo(0x000000);
        assertThat(rgb(img, 60, 10)).isEqualTo(0xEEEEEE);
        assertThat(rgb(img, 10, 10)).isEqualTo(WHITE);
        assertThat(rgb(img, 30, 30)).isEqualTo(0xEEEEEE);
    }

    @Test
    void textIsDrawnHeadlessAndAnchored() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        BufferedImage img = draw(svg(300, 100,
                "<text x=\"150\" y=\"30\" font-size=\"20\" font-family=\"sans-serif\" text-anchor=\"end\">MMMM</text>"
                        + "<text x=\"150\" y=\"70\" font-size=\"20\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#0072b2\">WWW<tspan fill=\"red\">WWW</tspan></text>"
                        + "<text x=\"20\" y=\"95\" font-size=\"11\" transform=\"rotate(-90 20 95)\">x2 &amp; ∝</text>"));
        int[] end = ink(img, 0, 0, 300, 40);
        assertThat(end[1]).isLessThanOrEqualTo(151);
        assertThat(end[0]).isBetween(40, 140);
        int[] mid = ink(img, 40, 45, 300, 80);
        // centred on x = 150 within a few pixels
        assertThat(Math.abs((mid[0] + mid[1]) / 2.0 - 150)).isLessThan(4);
        assertThat(colourIn(img, mid[0], 45, 150, 80, 0x0072B2)).isTrue();
        assertThat(colourIn(img, 150, 45, mid[1] + 1, 80, 0xFF0000)).isTrue();
        assertThat(colourIn(img, mid[0], 45, 148, 80, 0xFF0000)).isFalse();
        // the rotated label reads upwards in a narrow column left of x = 24
        int[] rotated = ink(img, 0, 40, 30, 100);
        assertThat(rotated[1]).isLessThan(24);
        assertThat(rotated[1] - rotated[0]).isLessThan(16);
    }

    /** The x range (min, max) of non-white pixels in a box. */
    private static int[] ink(BufferedImage img, int x0, int y0, int x1, int y1) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(img, x, y) != WHITE) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        assertThat(hi).as("some ink").isGreaterThanOrEqualTo(0);
        return new int[] {lo, hi};
    }

    private static boolean colourIn(BufferedImage img, int x0, int y0, int x1, int y1, int colour) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (rgb(img, x, y) == colour) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theSameSvgGivesTheSamePngBytes() throws Exception {
        String s = svg(120, 80, "<polygon points=\"5,5 100,20 40,70\" fill=\"#85c2e0\" stroke=\"#333\" stroke-width=\"0.4\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"120\" y2=\"80\" stroke=\"black\" stroke-dasharray=\"7 4\"/><text x=\"4\" y=\"70\">a b</text>");
        byte[] a = SvgRaster.png(s);
        byte[] b = SvgRaster.png(s);
        assertThat(a).isEqualTo(b);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertThat(img.getWidth()).isEqualTo(120);
        assertThat(img.getHeight()).isEqualTo(80);
        assertThat(SvgRaster.png(s.replace("#333", "#334"))).isNotEqualTo(a);
    }

    @Test
    void whatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> draw("<svg")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SVG");
        assertThatThrownBy(() -> draw("<html/>")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SVG");
        assertThatThrownBy(() -> draw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e9\" height=\"10\"/>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixels");
        assertThatThrownBy(() -> SvgRaster.png(svg(10, 10, ""), 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
    }

    @Test
    void aRealPartitionFigureHasEachRegionInItsOwnColour() {
        Mlp net = Mlp.random(new int[] {2, 6, 1}, Activation.RELU, Seeds.rng(9));
        Partition p = new PlanarPartitioner().enumerate(net, Box.cube(2, -1, 1));
        String svg = PartitionSvg.svg(p, "test");
        BufferedImage img = draw(svg);
        List<int[]> fills = new ArrayList<>();
        Matcher m = Pattern.compile("<polygon fill=\"#([0-9a-f]{6})\"").matcher(svg);
        while (m.find()) {
            fills.add(new int[] {Integer.parseInt(m.group(1), 16)});
        }
        assertThat(fills).hasSize(p.count());
        // PartitionSvg's frame: the box [-1, 1]² fills the 600-pixel plot (300 pixels per unit), left margin 84, top 48
        double s = 300;
        int checked = 0;
        for (int i = 0; i < p.count(); i++) {
            LinearRegion r = p.regions().get(i);
            double[] at = PartitionSvg.pixel(p.box(), r.interior()[0], r.interior()[1]);
            double px = at[0];
            double py = at[1];
            if (distanceToEdges(r.polygon(), px, py, s) < 4 || nearBoundary(p.boundary(), px, py, s)) {
                continue;
            }
            int want = fills.get(i)[0];
            assertThat(distance(rgb(img, (int) px, (int) py), want)).as("region %d", i).isLessThanOrEqualTo(1);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    private static double distanceToEdges(double[] poly, double px, double py, double s) {
        double best = Double.POSITIVE_INFINITY;
        int n = poly.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            best = Math.min(best, segment(84 + (poly[2 * i] + 1) * s, 48 + (1 - poly[2 * i + 1]) * s,
                    84 + (poly[2 * j] + 1) * s, 48 + (1 - poly[2 * j + 1]) * s, px, py));
        }
        return best;
    }

    private static boolean nearBoundary(double[] seg, double px, double py, double s) {
        for (int k = 0; k < seg.length; k += 4) {
            if (segment(84 + (seg[k] + 1) * s, 48 + (1 - seg[k + 1]) * s, 84 + (seg[k + 2] + 1) * s, 48 + (1 - seg[k + 3]) * s, px, py) < 4) {
                return true;
            }
        }
        return false;
    }

    private static double segment(double ax, double ay, double bx, double by, double px, double py) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }
}
