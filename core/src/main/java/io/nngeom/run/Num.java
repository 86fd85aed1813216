package io.nngeom.run;

import java.util.Locale;

/**
 * Numbers on screen: 6 significant digits (trailing zeros dropped), scientific notation outside [1e-4, 1e6),
 * integers as integers. Display only: JSON files keep full double precision. Progress lines and the command's
 * printed summary use the same function, so the last progress line and the summary show the same digits.
 */
public final class Num {
    private Num() {
    }

    /** {@code v} with 6 significant digits, e.g. 0.0123457, 1.5e-09, 123457, NaN, Infinity. */
    public static String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }
}
