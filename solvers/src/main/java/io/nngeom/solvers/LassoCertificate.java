package io.nngeom.solvers;

/**
 * Duality-gap certificate of the Lasso {@link LassoProblem} at a point z (intercept optimised in closed form).
 *
 * <p>With r = y_c − A_c z (centred residual when the intercept is free) and s = min(1, β/‖Aᵀr‖_∞), the point
 * θ = s r is dual feasible (1ᵀθ = 0 because r is centred, and |a_jᵀθ| ≤ β), so
 * D = θᵀy_c − ½‖θ‖² is a lower bound on the optimal value and P − D bounds the suboptimality of z.
 *
 * @param primal P(z)
 * @param dual D(θ)
 * @param relativeGap (P − D)/max(P, tiny)
 * @param dualRatio ‖Aᵀr‖_∞/β
 * @param intercept the optimal ξ for z
 */
public record LassoCertificate(double primal, double dual, double relativeGap, double dualRatio, double intercept) {

    /** Evaluates the certificate for z (one pass over the dictionary). */
    public static LassoCertificate of(LassoProblem pr, double[] z) {
        ColumnProvider a = pr.a();
        int n = a.rows();
        double[] az = a.times(z);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = pr.y()[i] - az[i];
        }
        double xi = 0;
        if (pr.intercept()) {
            xi = mean(r);
            for (int i = 0; i < n; i++) {
                r[i] -= xi;
            }
        }
        double[] c = new double[a.cols()];
        a.transposeTimes(r, c);
        double maxC = 0;
        for (double v : c) {
            maxC = Math.max(maxC, Math.abs(v));
        }
        double l1 = 0;
        for (double v : z) {
            l1 += Math.abs(v);
        }
        double[] yc = pr.y().clone();
        if (pr.intercept()) {
            double m = mean(yc);
            for (int i = 0; i < n; i++) {
                yc[i] -= m;
            }
        }
        return from(pr.beta(), r, yc, l1, maxC, xi);
    }

    static LassoCertificate from(double beta, double[] r, double[] yc, double l1, double maxCorr, double xi) {
        double rr = 0;
        double ry = 0;
        for (int i = 0; i < r.length; i++) {
            rr += r[i] * r[i];
            ry += r[i] * yc[i];
        }
        double p = 0.5 * rr + beta * l1;
        double s = maxCorr > beta ? beta / maxCorr : 1.0;
        double d = s * ry - 0.5 * s * s * rr;
        double gap = Math.max(p - d, 0);
        double rel = p > Double.MIN_NORMAL ? gap / p : gap;
        return new LassoCertificate(p, d, rel, maxCorr / beta, xi);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
