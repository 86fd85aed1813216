package io.nngeom.solvers;

import java.util.List;

/**
 * Numerical helpers shared by the solvers of this package (as EJML keeps its decompositions' helpers in one class):
 * residuals, norms and dual values written once.
 */
final class SolverHelpers {
    private SolverHelpers() {
    }

    static double[] residual(ColumnProvider a, double[] z, double[] yc, double[] mean, boolean icpt) {
        int n = yc.length;
        double[] az = a.times(z);
        double shift = meanShift(z, mean, icpt);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = yc[i] - (az[i] - shift);
        }
        return r;
    }

    static double l1(double[] z) {
        double s = 0;
        for (double v : z) {
            s += Math.abs(v);
        }
        return s;
    }

    static double[] sub(double[] u, double[] v) {
        double[] o = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            o[i] = u[i] - v[i];
        }
        return o;
    }

    static boolean anyNonzero(double[] u, int from, int to) {
        for (int i = from; i < to; i++) {
            if (u[i] != 0) {
                return true;
            }
        }
        return false;
    }

    static double[] col(List<double[]> h, int c) {
        double[] o = new double[h.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = h.get(i)[c];
        }
        return o;
    }

    static void center(double[] v) {
        double m = LassoCertificate.mean(v);
        for (int i = 0; i < v.length; i++) {
            v[i] -= m;
        }
    }

    /**
     * max_{0 ≤ s ≤ β/maxC} D(sθ) = s θᵀy_c − ½ s²‖θ‖²: the dual value of θ scaled into the feasible set, at the best
     * feasible scale s = min(β/maxC, θᵀy_c/‖θ‖²) (an exact line search along the ray; 0 when θᵀy_c ≤ 0).
     *
     * @param maxC max_g ‖B_gᵀθ‖
     */
    static double dualValue(double[] r, double[] yc, double maxC, double beta) {
        double ry = 0;
        double rr = 0;
        for (int i = 0; i < r.length; i++) {
            ry += r[i] * yc[i];
            rr += r[i] * r[i];
        }
        if (!(ry > 0) || !(rr > 0)) {
            return 0;
        }
        double s = Math.min(ry / rr, maxC > 0 ? beta / maxC : Double.POSITIVE_INFINITY);
        return s * ry - 0.5 * s * s * rr;
    }

    static double maxGroupNorm(double[] c, int[] off) {
        double m = 0;
        for (int g = 0; g + 1 < off.length; g++) {
            double q = 0;
            for (int i = off[g]; i < off[g + 1]; i++) {
                q += c[i] * c[i];
            }
            m = Math.max(m, q);
        }
        return Math.sqrt(m);
    }

    /** Σ_j z_j mean_j: the part of A z absorbed by the intercept. */
    static double meanShift(double[] z, double[] mean, boolean icpt) {
        if (!icpt) {
            return 0;
        }
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            if (z[j] != 0) {
                s += z[j] * mean[j];
            }
        }
        return s;
    }
}
