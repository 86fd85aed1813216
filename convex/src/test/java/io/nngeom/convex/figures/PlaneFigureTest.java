package io.nngeom.convex.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.convex.Convex;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.TwoLayer;
import io.nngeom.convex.experiments.Toy;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PlaneFigureTest {
    @Test
    void sampleWedgeNeuronsAreDrawnAsLinesThroughTwoSamplesAtEqualAspect() throws Exception {
        Dataset data = Toy.smooth2d(9, 77);
        FitResult lasso = Convex.fit(data, FitOptions.defaults(0.02).withMethod(FitOptions.Method.LASSO));
        String svg = PlaneFigure.draw("p", "t < & >", data, lasso.model()).svg();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        // every Lasso neuron is a wedge of two samples, none passes through fewer
        assertEquals(lasso.nonzeros(), count(svg, "neuron through two samples \\((\\d+)\\)"));
        assertEquals(0, count(svg, "through one sample \\((\\d+)\\)"));
        assertEquals(0, count(svg, "through no sample \\((\\d+)\\)"));
        assertEquals(data.size(), doc.getElementsByTagName("circle").getLength() - 1); // + the legend's circle
        // equal aspect: the plot rectangle has the proportions of the padded data box
        Element clip = (Element) doc.getElementsByTagName("clipPath").item(0).getFirstChild();
        double w = Double.parseDouble(clip.getAttribute("width"));
        double h = Double.parseDouble(clip.getAttribute("height"));
        Matrix x = data.x();
        double[] r = new double[2];
        for (int c = 0; c < 2; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.rows(); i++) {
                lo = Math.min(lo, x.get(i, c));
                hi = Math.max(hi, x.get(i, c));
            }
            r[c] = hi - lo;
        }
        double pad = 0.12 * Math.max(r[0], r[1]);
        assertEquals((r[0] + 2 * pad) / (r[1] + 2 * pad), w / h, 1e-3);
    }

    @Test
    void aNeuronThroughNoSampleIsClassifiedSo() {
        Dataset data = Toy.smooth2d(6, 3);
        // one neuron, the line x1 = 100 (far from every sample) and one through samples 0 and 1
        Matrix x = data.x();
        double dx = x.get(1, 0) - x.get(0, 0);
        double dy = x.get(1, 1) - x.get(0, 1);
        double nx = -dy;
        double ny = dx;
        Matrix w = new Matrix(2, 2, new double[] {1, 0, nx, ny});
        var m = TwoLayer.of(w, new double[] {-100, -(nx * x.get(0, 0) + ny * x.get(0, 1))}, new Matrix(1, 2, new double[] {1, -1}), 0);
        String svg = PlaneFigure.draw("p", "t", data, m).svg();
        assertEquals(1, count(svg, "neuron through two samples \\((\\d+)\\)"));
        // the far line lies outside the drawn box, so it is not drawn and not counted
        assertEquals(0, count(svg, "through no sample \\((\\d+)\\)"));
    }

    @Test
    void colourScaleAndClipping() {
        assertEquals("#f7f7f7", PlaneFigure.colour(0));
        assertEquals("#b2182b", PlaneFigure.colour(1));
        assertEquals("#2166ac", PlaneFigure.colour(-3));
        double[] square = {0, 0, 1, 0, 1, 1, 0, 1};
        double[] seg = PlaneFigure.lineInPolygon(square, 1, 0, -0.25);
        assertArrayEquals(new double[] {0.25, 0, 0.25, 1}, seg, 1e-15);
        assertNull(PlaneFigure.lineInPolygon(square, 1, 0, -2));
        double[] t = PlaneFigure.ticks(-1.3, 2.2);
        assertTrue(t.length >= 3 && t.length <= 8);
        assertEquals(0, t[2] - 2 * t[1] + t[0], 1e-12);
    }

    private static int count(String svg, String regex) {
        Matcher m = Pattern.compile(regex).matcher(svg);
        assertTrue(m.find(), regex);
        return Integer.parseInt(m.group(1));
    }
}
