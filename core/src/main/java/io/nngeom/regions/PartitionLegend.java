package io.nngeom.regions;

import java.util.Locale;
import java.util.TreeSet;

/** The legend beside a partition picture ({@link PartitionSvg}): what the fill, the lines and the marks mean. */
final class PartitionLegend {
    /** Class colours listed one by one up to this many classes. */
    static final int MAX_CLASSES = 10;
    private static final String TEXT = "font-family=\"sans-serif\" font-size=\"15\" fill=\"#222\"";
    private static final int ROW = 26;
    private static final int BAR_STEPS = 24;

    private PartitionLegend() {
    }

    /** Draws the legend with its top-left corner at (x, y). {@code range}: the fill's value range, null for patterns. */
    static void draw(StringBuilder sb, double x, double y, Partition p, PartitionStyle st, double[] range) {
        double[] at = {y + 4};
        if (range == null) {
            heading(sb, x, at, "Fill: activation pattern");
            text(sb, x, at, "(one colour per region)");
        } else {
            heading(sb, x, at, st.colour() == PartitionStyle.Colour.OUTPUT ? "Fill: network output" : "Fill: slope ‖A‖ of the");
            text(sb, x, at, st.colour() == PartitionStyle.Colour.OUTPUT ? "(first output at the centroid)" : "region's affine map");
            bar(sb, x, at, range);
        }
        at[0] += 8;
        sample(sb, x, at, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1\"/>",
                "region boundary");
        if (p.boundary().length > 0) {
            String what = p.regions().isEmpty() || p.regions().get(0).offset().length == 1
                    ? "decision boundary (output = " + PlotAxes.label(st.threshold()) + ")" : "decision boundary (argmax ties)";
            sample(sb, x, at, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\" stroke-width=\"3\"/>", what);
        }
        if (st.points().length > 0) {
            at[0] += 8;
            if (st.classes()) {
                heading(sb, x, at, "Data points, by class");
                TreeSet<Integer> classes = new TreeSet<>();
                for (double v : st.values()) {
                    classes.add((int) v);
                }
                int shown = 0;
                for (int k : classes) {
                    if (shown++ == MAX_CLASSES) {
                        text(sb, x, at, "… " + (classes.size() - MAX_CLASSES) + " more classes");
                        break;
                    }
                    dot(sb, x, at, PlotAxes.classColour(k), "class " + k);
                }
            } else {
                heading(sb, x, at, "Data points, by target");
                bar(sb, x, at, valueRange(st.values()));
            }
        }
        if (!st.anchors().isEmpty()) {
            at[0] += 8;
            sb.append(diamond(x + 14, at[0] - 5));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>anchor points of the slice</text>%n", x + 34, at[0], TEXT));
            at[0] += ROW;
        }
    }

    /** [min, max] of finite values (a unit interval around a single value). */
    static double[] valueRange(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!(hi > lo)) {
            double m = Double.isFinite(lo) ? lo : 0;
            return new double[] {m - 0.5, m + 0.5};
        }
        return new double[] {lo, hi};
    }

    /** A black diamond marker centred at (x, y). */
    static String diamond(double x, double y) {
        return String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"black\" "
                + "stroke=\"white\" stroke-width=\"1.5\"/>%n", x, y - 8, x + 8, y, x, y + 8, x - 8, y);
    }

    private static void heading(StringBuilder sb, double x, double[] at, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s font-weight=\"bold\">%s</text>%n", x, at[0] + 12, TEXT,
                PlotAxes.escape(s)));
        at[0] += ROW;
    }

    private static void text(StringBuilder sb, double x, double[] at, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x, at[0] + 12, TEXT, PlotAxes.escape(s)));
        at[0] += ROW;
    }

    private static void sample(StringBuilder sb, double x, double[] at, String lineFormat, String label) {
        double yy = at[0] + 7;
        sb.append(String.format(Locale.ROOT, lineFormat, x, yy, x + 28, yy)).append('\n');
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x + 36, at[0] + 12, TEXT, PlotAxes.escape(label)));
        at[0] += ROW;
    }

    private static void dot(StringBuilder sb, double x, double[] at, String fill, String label) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"white\"/>%n", x + 14, at[0] + 7, fill));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x + 36, at[0] + 12, TEXT, PlotAxes.escape(label)));
        at[0] += ROW;
    }

    /** A horizontal colour bar with its end values under it. */
    private static void bar(StringBuilder sb, double x, double[] at, double[] range) {
        double w = 220.0 / BAR_STEPS;
        for (int i = 0; i < BAR_STEPS; i++) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"16\" fill=\"%s\"/>%n",
                    x + i * w, at[0], w + 0.3, PlotAxes.scale((i + 0.5) / BAR_STEPS)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x, at[0] + 36, TEXT, PlotAxes.label(range[0])));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s text-anchor=\"end\">%s</text>%n", x + 220, at[0] + 36, TEXT,
                PlotAxes.label(range[1])));
        at[0] += 46;
    }
}
