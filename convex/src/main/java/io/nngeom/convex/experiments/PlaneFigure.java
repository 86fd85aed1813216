package io.nngeom.convex.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.plot.SvgFigure;
import java.util.Locale;

/**
 * SVG picture of a 2-D fit: the fitted function as coloured cells (blue below, red above the mean target), the
 * samples, and each neuron's hyperplane w_jᵀx + b_j = 0 as a line (the wedge geometry: lines through sample pairs).
 */
final class PlaneFigure {
    private PlaneFigure() {
    }

    static SvgFigure draw(String name, String title, Dataset data, Mlp model) {
        Matrix x = data.x();
        double[] y = data.y().colArray(0);
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int i = 0; i < x.rows(); i++) {
            x0 = Math.min(x0, x.get(i, 0));
            x1 = Math.max(x1, x.get(i, 0));
            y0 = Math.min(y0, x.get(i, 1));
            y1 = Math.max(y1, x.get(i, 1));
        }
        double px = 0.15 * (x1 - x0), py = 0.15 * (y1 - y0);
        x0 -= px; x1 += px; y0 -= py; y1 += py;
        int size = 480;
        int cells = 60;
        double mean = 0;
        double spread = 1e-12;
        for (double v : y) {
            mean += v / y.length;
        }
        for (double v : y) {
            spread = Math.max(spread, Math.abs(v - mean));
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", size, size + 30, size, size + 30));
        s.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"18\" font-family=\"sans-serif\" font-size=\"13\">%s</text>%n", esc(title)));
        s.append("<g transform=\"translate(0,30)\">\n");
        Matrix g = Matrix.zeros(cells * cells, 2);
        for (int a = 0; a < cells; a++) {
            for (int c = 0; c < cells; c++) {
                g.set(a * cells + c, 0, x0 + (x1 - x0) * (c + 0.5) / cells);
                g.set(a * cells + c, 1, y1 - (y1 - y0) * (a + 0.5) / cells);
            }
        }
        double[] f = model.apply(g).colArray(0);
        double cw = (double) size / cells;
        for (int a = 0; a < cells; a++) {
            for (int c = 0; c < cells; c++) {
                double t = Math.max(-1, Math.min(1, (f[a * cells + c] - mean) / spread));
                int r = (int) (t > 0 ? 255 : 255 * (1 + t));
                int bl = (int) (t < 0 ? 255 : 255 * (1 - t));
                int gr = (int) (255 * (1 - Math.abs(t)));
                s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"rgb(%d,%d,%d)\" fill-opacity=\"0.55\"/>%n",
                        c * cw, a * cw, cw + 0.3, cw + 0.3, r, gr, bl));
            }
        }
        var h = model.layer(0);
        for (int j = 0; j < h.outputs(); j++) {
            double wx = h.w(j, 0), wy = h.w(j, 1), b = h.b(j);
            double[] seg = clip(wx, wy, b, x0, x1, y0, y1);
            if (seg != null) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"black\" stroke-width=\"1.2\"/>%n",
                        sx(seg[0], x0, x1, size), sy(seg[1], y0, y1, size), sx(seg[2], x0, x1, size), sy(seg[3], y0, y1, size)));
            }
        }
        for (int i = 0; i < x.rows(); i++) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"white\" stroke=\"black\"/>%n",
                    sx(x.get(i, 0), x0, x1, size), sy(x.get(i, 1), y0, y1, size)));
        }
        s.append("</g>\n</svg>\n");
        return new SvgFigure(name, title, s.toString());
    }

    private static double sx(double v, double lo, double hi, int size) {
        return (v - lo) / (hi - lo) * size;
    }

    private static double sy(double v, double lo, double hi, int size) {
        return (hi - v) / (hi - lo) * size;
    }

    /** Segment of {wx·x + wy·y + b = 0} inside the box, or null. */
    private static double[] clip(double wx, double wy, double b, double x0, double x1, double y0, double y1) {
        double[] pts = new double[8];
        int k = 0;
        if (Math.abs(wy) > 1e-15) {
            for (double xx : new double[] {x0, x1}) {
                double yy = -(wx * xx + b) / wy;
                if (yy >= y0 && yy <= y1) {
                    pts[k++] = xx;
                    pts[k++] = yy;
                }
            }
        }
        if (Math.abs(wx) > 1e-15) {
            for (double yy : new double[] {y0, y1}) {
                double xx = -(wy * yy + b) / wx;
                if (xx >= x0 && xx <= x1 && k < 8) {
                    pts[k++] = xx;
                    pts[k++] = yy;
                }
            }
        }
        return k >= 4 ? new double[] {pts[0], pts[1], pts[2], pts[3]} : null;
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
