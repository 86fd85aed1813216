package io.nngeom.regions;

import io.nngeom.plot.SvgFigure;

import java.util.Locale;

/**
 * Draws a 2-D {@link Partition} as SVG: each region an exact polygon filled with a colour derived from its
 * activation pattern, region boundaries as thin lines, the decision boundary bold.
 */
public final class PartitionSvg {
    private static final int SIZE = 640;
    private static final int MARGIN = 40;

    private PartitionSvg() {
    }

    public static SvgFigure figure(String name, String title, Partition p) {
        return new SvgFigure(name, title, svg(p, title));
    }

    public static String svg(Partition p, String title) {
        if (p.box().dim() != 2) {
            throw new IllegalArgumentException("only 2-D partitions can be drawn");
        }
        Box b = p.box();
        double sx = (SIZE - 2.0 * MARGIN) / (b.hi(0) - b.lo(0));
        double sy = (SIZE - 2.0 * MARGIN) / (b.hi(1) - b.lo(1));
        double s = Math.min(sx, sy);
        double w = s * (b.hi(0) - b.lo(0)) + 2 * MARGIN;
        double h = s * (b.hi(1) - b.lo(1)) + 2 * MARGIN;
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n",
                w, h + 20, w, h + 20));
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-family=\"sans-serif\" font-size=\"14\">%s (%d regions)</text>%n",
                MARGIN, escape(title), p.count()));
        sb.append("<g stroke=\"#333\" stroke-width=\"0.4\" stroke-linejoin=\"round\">\n");
        java.util.Map<Long, String> cache = new java.util.HashMap<>();
        for (LinearRegion r : p.regions()) {
            double[] poly = r.polygon();
            if (poly == null) {
                continue;
            }
            sb.append("<polygon fill=\"").append(colour(r.patternKey(), cache)).append("\" points=\"");
            for (int k = 0; k < poly.length; k += 2) {
                double px = MARGIN + (poly[k] - b.lo(0)) * s;
                double py = 20 + MARGIN + (b.hi(1) - poly[k + 1]) * s;
                fixed3(sb, px);
                sb.append(',');
                fixed3(sb, py);
                sb.append(' ');
            }
            sb.append("\"/>\n");
        }
        sb.append("</g>\n<g stroke=\"black\" stroke-width=\"2.5\" stroke-linecap=\"round\">\n");
        double[] seg = p.boundary();
        for (int k = 0; k < seg.length; k += 4) {
            sb.append("<line x1=\"");
            fixed3(sb, MARGIN + (seg[k] - b.lo(0)) * s);
            sb.append("\" y1=\"");
            fixed3(sb, 20 + MARGIN + (b.hi(1) - seg[k + 1]) * s);
            sb.append("\" x2=\"");
            fixed3(sb, MARGIN + (seg[k + 2] - b.lo(0)) * s);
            sb.append("\" y2=\"");
            fixed3(sb, 20 + MARGIN + (b.hi(1) - seg[k + 3]) * s);
            sb.append("\"/>\n");
        }
        sb.append("</g>\n");
        sb.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%.0f\" font-family=\"sans-serif\" font-size=\"11\">[%s, %s] x [%s, %s]</text>%n",
                MARGIN, h + 12, fmt(b.lo(0)), fmt(b.hi(0)), fmt(b.lo(1)), fmt(b.hi(1))));
        sb.append("</svg>\n");
        return sb.toString();
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

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * A stable pastel colour from the pattern: an FNV-1a hash gives the hue H and the lightness L (70–84 %) of the
     * CSS colour hsl(H, 60 %, L), written as #rrggbb by the CSS Color 3 conversion (chroma C = (1 − |2L − 1|)·S,
     * X = C·(1 − |(H/60) mod 2 − 1|), m = L − C/2, channels rounded to the nearest of 0–255) so that every SVG
     * reader draws it.
     */
    static String colour(String key, java.util.Map<Long, String> cache) {
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
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(255 * (rgb[0] + m)),
                Math.round(255 * (rgb[1] + m)), Math.round(255 * (rgb[2] + m)));
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
