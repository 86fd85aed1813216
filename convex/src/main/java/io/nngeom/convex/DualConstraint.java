package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;

/**
 * The dual constraint function h(θ) = max_{‖w‖_p ≤ 1, b} |θᵀ(Xw + b1)₊| of the infinite-dictionary Lasso (digest
 * §1.1), for θ with 1ᵀθ = 0, computed exactly for d ≤ 2 by an argument independent of the wedge dictionaries:
 *
 * <p>Because 1ᵀθ = 0, b ↦ θᵀ(Xw + b1)₊ is piecewise linear and constant beyond the extreme kinks, so some
 * optimal hyperplane passes through a sample x_i; then g_i(w) = Σ_k θ_k((x_k − x_i)ᵀw)₊ is positively homogeneous
 * and linear, a_Sᵀw, on each angular sector where the active set S is constant. Its maximum over a sector ∩
 * unit ball is at a sector edge, at a vertex ±e_k of the ℓ1 ball (p = 1), or at a_S/‖a_S‖₂ (p = 2). Sweeping
 * all sectors of all anchors gives h exactly in O(n³ log n). In 1-D the unit ball is {±1} and h is the largest
 * |θᵀ(±(x − x_i))₊|.
 */
public final class DualConstraint {
    private DualConstraint() {
    }

    /** Whether {@link #exactMax} is available (d ≤ 2). */
    public static boolean exactAvailable(int d) {
        return d <= 2;
    }

    /** h(θ) for θ with 1ᵀθ = 0 (the caller centres it), d ≤ 2. */
    public static double exactMax(Matrix x, double[] theta, PenaltyNorm norm) {
        int n = x.rows();
        int d = x.cols();
        if (d == 1) {
            double best = 0;
            for (int i = 0; i < n; i++) {
                double r = 0;
                double l = 0;
                double xi = x.get(i, 0);
                for (int k = 0; k < n; k++) {
                    double t = x.get(k, 0) - xi;
                    if (t > 0) {
                        r += theta[k] * t;
                    } else {
                        l -= theta[k] * t;
                    }
                }
                best = Math.max(best, Math.max(Math.abs(r), Math.abs(l)));
            }
            return best;
        }
        if (d != 2) {
            throw new IllegalArgumentException("exact dual constraint only for d ≤ 2");
        }
        double best = 0;
        double[] ux = new double[n];
        double[] uy = new double[n];
        double[] ang = new double[2 * n + 4];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int k = 0; k < n; k++) {
                ux[k] = x.get(k, 0) - x.get(i, 0);
                uy[k] = x.get(k, 1) - x.get(i, 1);
                if (ux[k] != 0 || uy[k] != 0) {
                    double phi = Math.atan2(uy[k], ux[k]);
                    ang[m++] = norm(phi + Math.PI / 2);
                    ang[m++] = norm(phi - Math.PI / 2);
                }
            }
            if (norm == PenaltyNorm.L1) {
                for (int q = 0; q < 4; q++) {
                    ang[m++] = q * Math.PI / 2;
                }
            }
            double[] a = Arrays.copyOf(ang, m);
            Arrays.sort(a);
            for (int s = 0; s < m; s++) {
                double lo = a[s];
                double hi = s + 1 < m ? a[s + 1] : a[0] + 2 * Math.PI;
                // edge candidate
                best = Math.max(best, Math.abs(g(ux, uy, theta, n, lo, norm)));
                if (norm == PenaltyNorm.L2 && hi - lo > 1e-15) {
                    double mid = 0.5 * (lo + hi);
                    double cx = Math.cos(mid);
                    double cy = Math.sin(mid);
                    double ax = 0;
                    double ay = 0;
                    for (int k = 0; k < n; k++) {
                        if (ux[k] * cx + uy[k] * cy > 0) {
                            ax += theta[k] * ux[k];
                            ay += theta[k] * uy[k];
                        }
                    }
                    double na = Math.hypot(ax, ay);
                    if (na > 0) {
                        if (inSector(Math.atan2(ay, ax), lo, hi) || inSector(Math.atan2(-ay, -ax), lo, hi)) {
                            best = Math.max(best, na);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static double g(double[] ux, double[] uy, double[] theta, int n, double phi, PenaltyNorm norm) {
        double cx = Math.cos(phi);
        double cy = Math.sin(phi);
        double nn = norm == PenaltyNorm.L1 ? Math.abs(cx) + Math.abs(cy) : 1;
        cx /= nn;
        cy /= nn;
        double s = 0;
        for (int k = 0; k < n; k++) {
            double t = ux[k] * cx + uy[k] * cy;
            if (t > 0) {
                s += theta[k] * t;
            }
        }
        return s;
    }

    private static boolean inSector(double phi, double lo, double hi) {
        double p = norm(phi);
        if (p < lo) {
            p += 2 * Math.PI;
        }
        return p >= lo && p <= hi;
    }

    private static double norm(double phi) {
        double t = phi % (2 * Math.PI);
        return t < 0 ? t + 2 * Math.PI : t;
    }
}
