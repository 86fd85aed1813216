package io.nngeom.report;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Number and value formatting for tables and reports (display only; files carry full precision). */
public final class Fmt {
    private Fmt() {
    }

    /** Compact display: integers as integers, else 4 significant digits (trailing zeros dropped), scientific outside [1e-3, 1e5). */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** The shortest text that reads back to the same double. */
    public static String full(double v) {
        return Double.toString(v);
    }

    /** Seconds as "0.12 s", "12.3 s" or "2 min 5 s". */
    public static String seconds(double s) {
        if (s < 10) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long t = Math.round(s);
        return (t / 60) + " min " + (t % 60) + " s";
    }

    /** Any parameter value as display text: numbers compact, arrays and collections as [a, b, …]. */
    public static String value(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double || o instanceof Float) {
            return num(((Number) o).doubleValue());
        }
        if (o.getClass().isArray()) {
            int n = Array.getLength(o);
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < n; i++) {
                j.add(value(Array.get(o, i)));
            }
            return j.toString();
        }
        if (o instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object e : c) {
                j.add(value(e));
            }
            return j.toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                j.add(e.getKey() + "=" + value(e.getValue()));
            }
            return j.toString();
        }
        return o.toString();
    }
}
