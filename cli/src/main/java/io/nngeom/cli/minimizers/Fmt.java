package io.nngeom.cli.minimizers;

import java.util.Locale;

final class Fmt {
    private Fmt() {
    }

    static String e(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
