package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * A unit neuron (ŵ, b̂), ‖ŵ‖_p = 1, with its signed dual value θᵀ(Xŵ + b̂1)₊, as found by the sweep.
     *
     * @param w direction (length d)
     * @param b bias
     * @param value θᵀ(Xŵ + b̂1)₊ (for the ℓ2 sector-interior candidates the closed form ‖a_S‖₂ with its sign)
     * @param anchor the sample the neuron's hyperplane passes through
     */
    public record Neuron(double[] w, double b, double value, int anchor) {
    }

    /** Receives every candidate of the sweep. */
    private interface Visitor {
        void accept(int anchor, double[] w, double value);
    }

    /** h(θ) for θ with 1ᵀθ = 0 (the caller centres it), d ≤ 2. */
    public static double exactMax(Matrix x, double[] theta, PenaltyNorm norm) {
        double[] best = {0};
        sweep(x, theta, norm, (i, w, v) -> best[0] = Math.max(best[0], Math.abs(v)));
        return best[0];
    }

    /**
     * The maximisers of the sweep: for every anchor sample x_i, the candidate neuron through x_i with the largest
     * |θᵀ(Xŵ + b̂1)₊| (n neurons, ordered by anchor). The largest |value| among them is {@link #exactMax}, so the
     * best of them is an exact argmax of the dual constraint, and each is a locally best neuron for pricing in
     * column generation ({@link ColumnGeneration}). θ must satisfy 1ᵀθ = 0; d ≤ 2.
     */
    public static List<Neuron> bestPerAnchor(Matrix x, double[] theta, PenaltyNorm norm) {
        int n = x.rows();
        int d = x.cols();
        double[][] bw = new double[n][];
        double[] bv = new double[n];
        sweep(x, theta, norm, (i, w, v) -> {
            if (bw[i] == null || Math.abs(v) > Math.abs(bv[i])) {
                bw[i] = w;
                bv[i] = v;
            }
        });
        List<Neuron> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (bw[i] == null) {
                continue;
            }
            double b = 0;
            for (int c = 0; c < d; c++) {
                b -= bw[i][c] * x.get(i, c);
            }
            out.add(new Neuron(bw[i], b, bv[i], i));
        }
        return out;
    }

    private static void sweep(Matrix x, double[] theta, PenaltyNorm norm, Visitor visit) {
        int n = x.rows();
        int d = x.cols();
        if (d == 1) {
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
                visit.accept(i, new double[] {1}, r);
                visit.accept(i, new double[] {-1}, l);
            }
            return;
        }
        if (d != 2) {
            throw new IllegalArgumentException("exact dual constraint only for d ≤ 2");
        }
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
                double[] e = unit(lo, norm);
                visit.accept(i, e, g(ux, uy, theta, n, e));
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
                        if (inSector(Math.atan2(ay, ax), lo, hi)) {
                            visit.accept(i, new double[] {ax / na, ay / na}, na);
                        } else if (inSector(Math.atan2(-ay, -ax), lo, hi)) {
                            visit.accept(i, new double[] {-ax / na, -ay / na}, -na);
                        }
                    }
                }
            }
        }
    }

    private static double[] unit(double phi, PenaltyNorm norm) {
        double cx = Math.cos(phi);
        double cy = Math.sin(phi);
        double nn = norm == PenaltyNorm.L1 ? Math.abs(cx) + Math.abs(cy) : 1;
        return new double[] {cx / nn, cy / nn};
    }

    private static double g(double[] ux, double[] uy, double[] theta, int n, double[] w) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double t = ux[k] * w[0] + uy[k] * w[1];
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
