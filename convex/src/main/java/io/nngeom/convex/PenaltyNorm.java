package io.nngeom.convex;

import io.nngeom.run.InputException;
import java.util.Locale;

/** The norm p of the first-layer penalty (β/2)Σ(‖w_j‖_p² + α_j²): L2 is weight decay, L1 the polyhedral option. */
public enum PenaltyNorm {
    L1, L2;

    public String id() {
        return this == L1 ? "l1" : "l2";
    }

    public double norm(double[] w) {
        double s = 0;
        if (this == L1) {
            for (double v : w) {
                s += Math.abs(v);
            }
            return s;
        }
        for (double v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    public static PenaltyNorm parse(String s, String option) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "l1" -> L1;
            case "l2" -> L2;
            default -> throw new InputException(option + ": expected l1 or l2, got '" + s + "'");
        };
    }
}
