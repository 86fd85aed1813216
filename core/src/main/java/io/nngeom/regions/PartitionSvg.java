package io.nngeom.regions;

import io.nngeom.plot.SvgFigure;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a 2-D {@link Partition} as SVG: each region an exact polygon, filled by its activation pattern, by the network's
 * output or by its slope ({@link PartitionStyle.Colour}); region boundaries as thin lines, the decision boundary bold;
 * optionally the data points coloured by class or target and the anchor points of a slice; axes with round ticks and
 * a legend beside the plot. Text is 15–18 px, the size of the report's body text.
 */
public final class PartitionSvg {
    /** The longer side of the plot area, in pixels. */
    static final int PLOT = 600;
    private static final int LEFT = 84;
    private static final int TOP = 48;
    private static final int BOTTOM = 70;
    private static final int GAP = 28;
    private static final int LEGEND = 340;
    private static final int TICKS = 6;
    private static final String FONT = "font-family=\"sans-serif\"";

    private PartitionSvg() {
    }

    public static SvgFigure figure(String name, String title, Partition p) {
        return new SvgFigure(name, title, svg(p, title));
    }

    public static SvgFigure figure(String name, String title, Partition p, PartitionStyle style) {
        return new SvgFigure(name, title, svg(p, title, style));
    }

    public static String svg(Partition p, String title) {
        return svg(p, title, PartitionStyle.plain());
    }

    public static String svg(Partition p, String title, PartitionStyle style) {
        if (p.box().dim() != 2) {
            throw new IllegalArgumentException("only 2-D partitions can be drawn");
        }
        Frame f = new Frame(p.box());
        double[] range = fillRange(p, style.colour());
        int legendH = 360;
        double height = TOP + Math.max(f.ph, legendH) + BOTTOM;
        double width = LEFT + f.pw + GAP + LEGEND;
        StringBuilder sb = new StringBuilder(64 * 1024 + 120 * p.count());
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n",
                width, height, width, height));
        sb.append("<title>").append(PlotAxes.escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" %s font-size=\"18\" font-weight=\"bold\">%s (%d regions)</text>%n",
                LEFT, FONT, PlotAxes.escape(title), p.count()));
        regions(sb, p, f, style.colour(), range);
        sb.append("<g stroke=\"black\" stroke-width=\"3\" stroke-linecap=\"round\">\n");
        double[] seg = p.boundary();
        for (int k = 0; k < seg.length; k += 4) {
            line(sb, f.x(seg[k]), f.y(seg[k + 1]), f.x(seg[k + 2]), f.y(seg[k + 3]));
        }
        sb.append("</g>\n");
        points(sb, style, f);
        anchors(sb, style, f);
        axes(sb, f, style);
        PartitionLegend.draw(sb, LEFT + f.pw + GAP, TOP, p, style, range);
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** The fill of a region with this activation pattern (0/1 string) under pattern colouring, as #rrggbb. */
    public static String patternColour(String key) {
        return colour(key, new HashMap<>());
    }

    /** Where the point (x, y) of the box lands in the picture, in pixels from its top-left corner. */
    public static double[] pixel(Box box, double x, double y) {
        Frame f = new Frame(box);
        return new double[] {f.x(x), f.y(y)};
    }

    /** Pixel frame of the plot: the box scaled uniformly into a PLOT-sized square, y upwards. */
    static final class Frame {
        final Box b;
        final double s;
        final double pw;
        final double ph;

        Frame(Box b) {
            this.b = b;
            s = PLOT / Math.max(b.hi(0) - b.lo(0), b.hi(1) - b.lo(1));
            pw = s * (b.hi(0) - b.lo(0));
            ph = s * (b.hi(1) - b.lo(1));
        }

        double x(double v) {
            return LEFT + (v - b.lo(0)) * s;
        }

        double y(double v) {
            return TOP + (b.hi(1) - v) * s;
        }
    }

    /** [min, max] of the regions' fill values (output or slope); null for pattern colours. */
    static double[] fillRange(Partition p, PartitionStyle.Colour c) {
        if (c == PartitionStyle.Colour.PATTERN) {
            return null;
        }
        double[] v = new double[p.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = fillValue(p.regions().get(i), c);
        }
        return PartitionLegend.valueRange(v);
    }

    /** The first output at the region's centroid, or the Frobenius norm of its matrix. */
    static double fillValue(LinearRegion r, PartitionStyle.Colour c) {
        if (c == PartitionStyle.Colour.SLOPE) {
            double ss = 0;
            for (int i = 0; i < r.map().rows(); i++) {
                for (int j = 0; j < r.map().cols(); j++) {
                    ss += r.map().get(i, j) * r.map().get(i, j);
                }
            }
            return Math.sqrt(ss);
        }
        return r.evaluate(r.interior())[0];
    }

    private static void regions(StringBuilder sb, Partition p, Frame f, PartitionStyle.Colour c, double[] range) {
        sb.append("<g stroke=\"#333\" stroke-width=\"").append(p.count() > 2000 ? "0.15" : "0.5")
                .append("\" stroke-linejoin=\"round\">\n");
        Map<Long, String> cache = new HashMap<>();
        for (LinearRegion r : p.regions()) {
            double[] poly = r.polygon();
            if (poly == null) {
                continue;
            }
            String fill = range == null ? colour(r.patternKey(), cache)
                    : PlotAxes.scale((fillValue(r, c) - range[0]) / (range[1] - range[0]));
            sb.append("<polygon fill=\"").append(fill).append("\" points=\"");
            for (int k = 0; k < poly.length; k += 2) {
                fixed3(sb, f.x(poly[k]));
                sb.append(',');
                fixed3(sb, f.y(poly[k + 1]));
                sb.append(' ');
            }
            sb.append("\"/>\n");
        }
        sb.append("</g>\n");
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2) {
        sb.append("<line x1=\"");
        fixed3(sb, x1);
        sb.append("\" y1=\"");
        fixed3(sb, y1);
        sb.append("\" x2=\"");
        fixed3(sb, x2);
        sb.append("\" y2=\"");
        fixed3(sb, y2);
        sb.append("\"/>\n");
    }

    private static void points(StringBuilder sb, PartitionStyle st, Frame f) {
        if (st.points().length == 0) {
            return;
        }
        double[] range = PartitionLegend.valueRange(st.values());
        double r = st.points().length > 2000 ? 2.5 : 4.5;
        sb.append("<g stroke=\"white\" stroke-width=\"1\">\n");
        for (int i = 0; i < st.points().length; i++) {
            double[] q = st.points()[i];
            if (!f.b.contains(q)) {
                continue;
            }
            String fill = st.classes() ? PlotAxes.classColour((int) st.values()[i])
                    : PlotAxes.scale((st.values()[i] - range[0]) / (range[1] - range[0]));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" fill=\"%s\"/>%n",
                    f.x(q[0]), f.y(q[1]), r, fill));
        }
        sb.append("</g>\n");
    }

    private static void anchors(StringBuilder sb, PartitionStyle st, Frame f) {
        for (PartitionStyle.Anchor a : st.anchors()) {
            if (!f.b.contains(new double[] {a.x(), a.y()})) {
                continue;
            }
            double x = f.x(a.x());
            double y = f.y(a.y());
            sb.append(PartitionLegend.diamond(x, y));
            sb.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"16\" font-weight=\"bold\" stroke=\"white\" stroke-width=\"4\" "
                            + "paint-order=\"stroke\">%s</text>%n", x + 10, y - 8, FONT, PlotAxes.escape(a.label())));
        }
    }

    /** The frame, ticks with labels on both axes, and the axis names. */
    private static void axes(StringBuilder sb, Frame f, PartitionStyle st) {
        Box b = f.b;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.2\"/>%n",
                LEFT, TOP, f.pw, f.ph));
        sb.append("<g stroke=\"#444\" stroke-width=\"1.2\">\n");
        double[] tx = PlotAxes.ticks(b.lo(0), b.hi(0), TICKS);
        double[] ty = PlotAxes.ticks(b.lo(1), b.hi(1), TICKS);
        for (double v : tx) {
            line(sb, f.x(v), TOP + f.ph, f.x(v), TOP + f.ph + 6);
        }
        for (double v : ty) {
            line(sb, LEFT - 6, f.y(v), LEFT, f.y(v));
        }
        sb.append("</g>\n<g ").append(FONT).append(" font-size=\"15\" fill=\"#222\">\n");
        for (double v : tx) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>%n",
                    f.x(v), TOP + f.ph + 24, PlotAxes.label(v)));
        }
        for (double v : ty) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 10, f.y(v) + 5, PlotAxes.label(v)));
        }
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" %s font-size=\"16\" text-anchor=\"middle\">%s</text>%n",
                LEFT + f.pw / 2, TOP + f.ph + 52, FONT, PlotAxes.escape(st.xLabel())));
        sb.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.2f\" %s font-size=\"16\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 20 %.2f)\">%s</text>%n", TOP + f.ph / 2, FONT, TOP + f.ph / 2, PlotAxes.escape(st.yLabel())));
    }

    /** Appends v with three decimals (fast path for the many polygon coordinates; |v| is a pixel coordinate). */
    static void fixed3(StringBuilder sb, double v) {
        long m = Math.round(v * 1000);
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        sb.append(m / 1000).append('.');
        long frac = m % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /**
     * A stable pastel colour from the pattern: an FNV-1a hash gives the hue H and the lightness L (70–84 %) of the
     * CSS colour hsl(H, 60 %, L), written as #rrggbb by the CSS Color 3 conversion (chroma C = (1 − |2L − 1|)·S,
     * X = C·(1 − |(H/60) mod 2 − 1|), m = L − C/2, channels rounded to the nearest of 0–255) so that every SVG
     * reader draws it.
     */
    static String colour(String key, Map<Long, String> cache) {
        long hsh = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hsh ^= key.charAt(i);
            hsh *= 0x100000001b3L;
        }
        long hue = (hsh >>> 11) % 360;
        long light = 70 + ((hsh >>> 40) % 15);
        return cache.computeIfAbsent(hue * 100 + light, k -> hex(hue, 0.6, light / 100.0));
    }

    /** #rrggbb of hsl(h, s, l), h in degrees, s and l in [0, 1] (CSS Color 3). */
    static String hex(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs((h / 60) % 2 - 1));
        double m = l - c / 2;
        int sector = (int) Math.floor(h / 60) % 6;
        double[] rgb = switch (sector) {
            case 0 -> new double[] {c, x, 0};
            case 1 -> new double[] {x, c, 0};
            case 2 -> new double[] {0, c, x};
            case 3 -> new double[] {0, x, c};
            case 4 -> new double[] {x, 0, c};
            default -> new double[] {c, 0, x};
        };
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(255 * (rgb[0] + m)),
                Math.round(255 * (rgb[1] + m)), Math.round(255 * (rgb[2] + m)));
    }
}
