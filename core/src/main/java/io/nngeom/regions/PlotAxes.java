package io.nngeom.regions;

import java.util.Locale;

/** Small helpers of {@link PartitionSvg}: round tick values, tick labels, colour scales, SVG text escaping. */
final class PlotAxes {
    /** A perceptually ordered scale from dark violet to yellow (the stops of matplotlib's viridis). */
    private static final int[] SCALE = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    /** Colour-blind-safe class colours (Okabe–Ito), then greys. */
    static final String[] CLASSES = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442",
        "#000000", "#777777", "#aaaaaa"};

    private PlotAxes() {
    }

    /** Round tick values inside [lo, hi], about {@code target} of them: steps 1, 2 or 5 × 10^k. */
    static double[] ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * mag;
            if (step >= raw) {
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            double v = first + i * step;
            t[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return t;
    }

    /** A tick label: at most four significant digits, no trailing zeros, "−" for minus. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            s = m + "e" + Integer.parseInt(p[1]);
        } else if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.replace('-', '−');
    }

    /** The colour of {@code t} in [0, 1] on the sequential scale, as #rrggbb. */
    static String scale(double t) {
        double u = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
        int i = Math.min((int) Math.floor(u), SCALE.length - 2);
        double f = u - i;
        int a = SCALE[i];
        int b = SCALE[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    /** The colour of class {@code k}. */
    static String classColour(int k) {
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
