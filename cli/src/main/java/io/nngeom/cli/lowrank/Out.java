package io.nngeom.cli.lowrank;

import io.nngeom.linalg.Matrix;
import java.util.Locale;

/** Small formatting helpers of the lowrank commands. */
final class Out {
    private Out() {
    }

    static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String list(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(g(v[i]));
        }
        return b.toString();
    }

    static double[][] rows(Matrix m) {
        return m.toArray();
    }
}
