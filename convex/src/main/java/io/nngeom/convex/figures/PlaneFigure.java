package io.nngeom.convex.figures;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.plot.SvgFigure;
import io.nngeom.regions.Polygons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG picture of a 2-D two-layer ReLU fit f(x) = Σ_j α_j(w_jᵀx + b_j)₊ + ξ, drawn exactly and at equal aspect:
 *
 * <ul>
 *   <li>the level regions of f, filled in bands of a diverging colour scale centred at the mean target ȳ (red
 *       above, blue below, so the two hues are the sign regions of f − ȳ); each band is an exact polygon, because
 *       f is affine on every cell of the arrangement of the neuron lines;</li>
 *   <li>the level line f = ȳ, the boundary of the sign regions (dashed);</li>
 *   <li>each neuron's line w_jᵀx + b_j = 0, solid black when it passes through two samples (a wedge of two
 *       samples, the geometry of the theory), dark grey dashed through one sample, grey dotted through none; its
 *       width grows with the neuron's weight |α_j|‖w_j‖ (the Lasso coefficient |z_j|), and a short tick marks the
 *       side where the neuron is active;</li>
 *   <li>the samples, filled with the colour of their target on the same scale, and a colour bar.</li>
 * </ul>
 */
public final class PlaneFigure {
    /** A sample lies on a neuron line when its distance to the line is at most this times the data's diameter. */
    static final double ON_LINE_TOL = 1e-7;
    /** Colour bands of the level regions (even, so that ȳ is a band edge). */
    static final int BANDS = 12;

    private static final int PLOT = 440;
    private static final int LEFT = 58;
    private static final int TOP = 56;
    private static final int BAR = 18;

    private PlaneFigure() {
    }

    /** The figure; {@code model} must be a 2-input, 1-output network with one hidden ReLU layer. */
    public static SvgFigure draw(String name, String title, Dataset data, Mlp model) {
        Matrix x = data.x();
        double[] y = data.y().colArray(0);
        int n = x.rows();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x.get(i, 0));
            x1 = Math.max(x1, x.get(i, 0));
            y0 = Math.min(y0, x.get(i, 1));
            y1 = Math.max(y1, x.get(i, 1));
        }
        double diam = Math.max(Math.hypot(x1 - x0, y1 - y0), 1e-12);
        double pad = 0.12 * Math.max(x1 - x0, y1 - y0) + 1e-9;
        x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
        double scale = PLOT / Math.max(x1 - x0, y1 - y0);
        double pw = scale * (x1 - x0);
        double ph = scale * (y1 - y0);
        Frame fr = new Frame(x0, y1, scale);

        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double spread = 0;
        for (double v : y) {
            spread = Math.max(spread, Math.abs(v - mean));
        }
        spread = spread > 0 ? spread : 1;

        var h = model.layer(0);
        var out = model.layer(1);
        int m = h.outputs();
        double xi = out.b(0);
        double[] wx = new double[m], wy = new double[m], b = new double[m], al = new double[m];
        double maxWeight = 0;
        for (int j = 0; j < m; j++) {
            wx[j] = h.w(j, 0);
            wy[j] = h.w(j, 1);
            b[j] = h.b(j);
            al[j] = out.w(0, j);
            maxWeight = Math.max(maxWeight, Math.abs(al[j]) * Math.hypot(wx[j], wy[j]));
        }

        int width = (int) Math.ceil(LEFT + pw + 24 + BAR + 64);
        int legendY = (int) Math.ceil(TOP + ph + 44);
        int height = legendY + 58;
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                width, height, width, height));
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        titleLines(s, title, width);
        s.append(String.format(Locale.ROOT, "<defs><clipPath id=\"plot\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/></clipPath></defs>%n",
                (double) LEFT, (double) TOP, pw, ph));
        s.append("<g clip-path=\"url(#plot)\">\n");

        // cells of the arrangement of the neuron lines; f is affine on each
        List<double[]> cells = new ArrayList<>();
        List<boolean[]> patterns = new ArrayList<>();
        cells.add(new double[] {x0, y0, x1, y0, x1, y1, x0, y1});
        patterns.add(new boolean[m]);
        for (int j = 0; j < m; j++) {
            if (al[j] == 0 || (wx[j] == 0 && wy[j] == 0)) {
                continue;
            }
            List<double[]> nc = new ArrayList<>();
            List<boolean[]> np = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                double[][] parts = Polygons.split(cells.get(c), wx[j], wy[j], b[j], 0);
                for (int side = 0; side < 2; side++) {
                    if (parts[side] != null && parts[side].length >= 6) {
                        boolean[] p = patterns.get(c).clone();
                        p[j] = side == 0;
                        nc.add(parts[side]);
                        np.add(p);
                    }
                }
            }
            cells = nc;
            patterns = np;
        }
        double step = 2 * spread / BANDS;
        List<double[]> zeroLevel = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            boolean[] p = patterns.get(c);
            double gx = 0, gy = 0, g0 = xi;
            for (int j = 0; j < m; j++) {
                if (p[j]) {
                    gx += al[j] * wx[j];
                    gy += al[j] * wy[j];
                    g0 += al[j] * b[j];
                }
            }
            // f − ȳ = gx·x + gy·y + (g0 − ȳ) on this cell; cut it into bands of width `step`
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            double[] poly = cells.get(c);
            for (int k = 0; k < poly.length; k += 2) {
                double v = gx * poly[k] + gy * poly[k + 1] + g0 - mean;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int kLo = (int) Math.floor(lo / step);
            int kHi = (int) Math.ceil(hi / step);
            for (int k = kLo; k < kHi; k++) {
                double[] band = poly;
                // keep k·step ≤ f − ȳ ≤ (k+1)·step
                if (k > kLo) {
                    double[][] pp = Polygons.split(band, gx, gy, g0 - mean - k * step, 0);
                    band = pp[0];
                }
                if (band != null && k + 1 < kHi) {
                    double[][] pp = Polygons.split(band, gx, gy, g0 - mean - (k + 1) * step, 0);
                    band = pp[1];
                }
                if (band == null || band.length < 6) {
                    continue;
                }
                polygon(s, fr, band, colour((k + 0.5) * step / spread));
            }
            double[] seg = lineInPolygon(poly, gx, gy, g0 - mean);
            if (seg != null) {
                zeroLevel.add(seg);
            }
        }
        s.append("<g stroke=\"#222\" stroke-width=\"1.3\" stroke-dasharray=\"7 4\" fill=\"none\">\n");
        for (double[] seg : zeroLevel) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>%n",
                    fr.px(seg[0]), fr.py(seg[1]), fr.px(seg[2]), fr.py(seg[3])));
        }
        s.append("</g>\n");

        // neuron lines
        int[] kinds = new int[3];
        for (int j = 0; j < m; j++) {
            double nw = Math.hypot(wx[j], wy[j]);
            if (al[j] == 0 || nw == 0) {
                continue;
            }
            double[] seg = lineInPolygon(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}, wx[j], wy[j], b[j]);
            if (seg == null) {
                continue;
            }
            int through = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(wx[j] * x.get(i, 0) + wy[j] * x.get(i, 1) + b[j]) / nw <= ON_LINE_TOL * diam) {
                    through++;
                }
            }
            int kind = Math.min(through, 2);
            kinds[kind]++;
            double sw = 1.0 + 2.5 * Math.abs(al[j]) * nw / (maxWeight > 0 ? maxWeight : 1);
            String style = switch (kind) {
                case 2 -> "stroke=\"black\"";
                case 1 -> "stroke=\"#444\" stroke-dasharray=\"9 3 2 3\"";
                default -> "stroke=\"#777\" stroke-dasharray=\"2 3\"";
            };
            s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" %s stroke-width=\"%.2f\"/>%n",
                    fr.px(seg[0]), fr.py(seg[1]), fr.px(seg[2]), fr.py(seg[3]), style, sw));
            // tick towards the active side w·x + b > 0 at the segment's midpoint (screen y points down)
            double mx = fr.px(0.5 * (seg[0] + seg[2]));
            double my = fr.py(0.5 * (seg[1] + seg[3]));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"black\" stroke-width=\"1.5\"/>%n",
                    mx, my, mx + 9 * wx[j] / nw, my - 9 * wy[j] / nw));
        }
        s.append("</g>\n");
        for (int i = 0; i < n; i++) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4.5\" fill=\"%s\" stroke=\"black\" stroke-width=\"1.2\"/>%n",
                    fr.px(x.get(i, 0)), fr.py(x.get(i, 1)), colour((y[i] - mean) / spread)));
        }
        axes(s, x0, x1, y0, y1, fr, pw, ph);
        colourBar(s, mean, spread, LEFT + pw + 24, ph);
        legend(s, legendY, kinds);
        s.append("</svg>\n");
        return new SvgFigure(name, title, s.toString());
    }

    /** Maps data coordinates to SVG pixels (equal scale on both axes, y up). */
    private record Frame(double x0, double y1, double scale) {
        double px(double v) {
            return LEFT + (v - x0) * scale;
        }

        double py(double v) {
            return TOP + (y1 - v) * scale;
        }
    }

    private static void polygon(StringBuilder s, Frame fr, double[] p, String fill) {
        s.append("<polygon fill=\"").append(fill).append("\" stroke=\"").append(fill).append("\" stroke-width=\"0.6\" points=\"");
        for (int k = 0; k < p.length; k += 2) {
            s.append(String.format(Locale.ROOT, "%.2f,%.2f ", fr.px(p[k]), fr.py(p[k + 1])));
        }
        s.append("\"/>\n");
    }

    /** The segment of {a x + b y + c = 0} inside a convex polygon, or null. */
    static double[] lineInPolygon(double[] poly, double a, double b, double c) {
        int nv = poly.length / 2;
        double[] pts = new double[4];
        int k = 0;
        for (int i = 0; i < nv && k < 4; i++) {
            int j = (i + 1) % nv;
            double di = a * poly[2 * i] + b * poly[2 * i + 1] + c;
            double dj = a * poly[2 * j] + b * poly[2 * j + 1] + c;
            if ((di < 0 && dj >= 0) || (di >= 0 && dj < 0)) {
                double t = di / (di - dj);
                pts[k++] = poly[2 * i] + t * (poly[2 * j] - poly[2 * i]);
                pts[k++] = poly[2 * i + 1] + t * (poly[2 * j + 1] - poly[2 * i + 1]);
            }
        }
        return k == 4 ? pts : null;
    }

    /** Diverging colour for t ∈ [−1, 1] (clamped): blue (−1), white (0), red (+1). */
    static String colour(double t) {
        double u = Math.max(-1, Math.min(1, t));
        int[] lo = {33, 102, 172};
        int[] hi = {178, 24, 43};
        int[] end = u < 0 ? lo : hi;
        double a = Math.abs(u);
        int r = (int) Math.round(247 + (end[0] - 247) * a);
        int g = (int) Math.round(247 + (end[1] - 247) * a);
        int bl = (int) Math.round(247 + (end[2] - 247) * a);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static void titleLines(StringBuilder s, String title, int width) {
        int max = Math.max(30, (width - 20) / 7);
        List<String> lines = new ArrayList<>();
        String rest = title;
        while (rest.length() > max && lines.size() < 2) {
            int cut = rest.lastIndexOf(' ', max);
            cut = cut > max / 2 ? cut : max;
            lines.add(rest.substring(0, cut).trim());
            rest = rest.substring(cut).trim();
        }
        lines.add(rest);
        for (int i = 0; i < lines.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", 10, 18 + 16 * i, esc(lines.get(i))));
        }
    }

    private static void axes(StringBuilder s, double x0, double x1, double y0, double y1, Frame fr, double pw, double ph) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"#555\"/>%n", LEFT, TOP, pw, ph));
        s.append("<g font-size=\"11\" fill=\"#333\">\n");
        for (double t : ticks(x0, x1)) {
            double px = fr.px(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#555\"/>", px, TOP + ph, px, TOP + ph + 5));
            s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>%n", px, TOP + ph + 18, num(t)));
        }
        for (double t : ticks(y0, y1)) {
            double py = fr.py(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#555\"/>", LEFT - 5, py, LEFT, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n", LEFT - 8, py + 4, num(t)));
        }
        s.append("</g>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" text-anchor=\"middle\">x1</text>%n", LEFT + pw / 2, TOP + ph + 34));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.2f\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.2f)\">x2</text>%n",
                TOP + ph / 2, TOP + ph / 2));
    }

    private static void colourBar(StringBuilder s, double mean, double spread, double left, double ph) {
        double top = TOP;
        double bandH = ph / BANDS;
        for (int k = 0; k < BANDS; k++) {
            double t = 1 - (k + 0.5) * 2.0 / BANDS;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\"/>%n",
                    left, top + k * bandH, BAR, bandH + 0.3, colour(t)));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"none\" stroke=\"#555\"/>%n", left, top, BAR, ph));
        s.append("<g font-size=\"11\" fill=\"#333\">\n");
        for (int k = 0; k <= 4; k++) {
            double v = mean + spread * (1 - k / 2.0);
            double py = top + k * ph / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\">%s</text>%n", left + BAR + 4, py + 4, num(v)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"12\">f(x), y</text>%n", left - 4, top - 8));
        s.append("</g>\n");
    }

    private static void legend(StringBuilder s, int y, int[] kinds) {
        s.append("<g font-size=\"12\" fill=\"#222\">\n");
        int x = 12;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>", x, y, x + 28, y));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">neuron through two samples (%d)</text>%n", x + 34, y + 4, kinds[2]));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" stroke-width=\"2\" stroke-dasharray=\"9 3 2 3\"/>", x + 250, y, x + 278, y));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">through one sample (%d)</text>%n", x + 284, y + 4, kinds[1]));
        y += 20;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>", x, y, x + 28, y));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">through no sample (%d)</text>%n", x + 34, y + 4, kinds[0]));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"1.3\" stroke-dasharray=\"7 4\"/>", x + 250, y, x + 278, y));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">f = mean(y): sign regions</text>%n", x + 284, y + 4));
        y += 20;
        s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4.5\" fill=\"white\" stroke=\"black\"/>", x + 14, y));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">sample, filled with its target y; line width ∝ |alpha|·|w|, tick = active side</text>%n", x + 34, y + 4));
        s.append("</g>\n");
    }

    /** About five round tick values in [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
            t.add(Math.abs(v) < 1e-9 * step ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String num(double v) {
        String t = String.format(Locale.ROOT, "%.3g", v);
        if (t.contains("e")) {
            return t;
        }
        if (t.contains(".")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return t.equals("-0") ? "0" : t;
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
