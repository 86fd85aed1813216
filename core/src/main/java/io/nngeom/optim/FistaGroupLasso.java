package io.nngeom.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Group lasso by accelerated proximal gradient with a line search and adaptive restart, the algorithm of scnn's
 * R-FISTA for the gated-ReLU program (Mishkin, Sahiner, Pilanci 2022; FISTA of Beck and Teboulle 2009; restart
 * of O'Donoghue and Candès 2015; step-size growth of Liu, Chen, Ye 2009, "Lassplore"), stopped by the relative
 * duality gap instead of a gradient norm.
 *
 * <p>Every iteration works in prediction space: it keeps A w and A v (A = [B_1 … B_G], centred when the
 * intercept is free) for the iterate w and the extrapolated point v, so one iteration costs one product with
 * A (of the trial point; backtracking repeats it) and one with Aᵀ, both through the fused
 * {@link BlockProvider#timesAll}/{@link BlockProvider#transposeTimesAll}. The step t is accepted when
 * ‖A(w⁺ − v)‖² ≤ ‖w⁺ − v‖²/t (the exact quadratic upper bound of the least-squares part), otherwise
 * t ← {@link #BACKTRACK}·t; after an accepted step t grows by {@link #GROW} when ‖w⁺ − v‖² &gt;
 * {@link #GROW_THRESHOLD}·t‖A(w⁺ − v)‖².
 *
 * <p>Certificate. The residual r_v = y_c − A v at the extrapolated point, whose correlations Aᵀr_v the gradient
 * step needs anyway, gives the dual-feasible point θ = min(1, β/max_g‖B_gᵀr_v‖) r_v; every
 * {@link #EXTRAPOLATE_EVERY} iterations an Anderson extrapolation of the last {@link #ANDERSON_DEPTH}+1 residuals
 * at the iterates (dual extrapolation, Massias, Gramfort, Salmon 2018) gives another one at the price of one more
 * product with Aᵀ. The best dual value D* found so far is a lower bound on the optimum, and the solver stops at
 * the first iterate w⁺ with (P(w⁺) − D*)/P(w⁺) ≤ tolerance. The returned solution carries P(w⁺), D* and that
 * relative gap, and the dual ratio max_g‖B_gᵀr‖/β of its own residual.
 */
public final class FistaGroupLasso implements GroupLassoSolver {
    /** Backtracking factor of the step. */
    public static final double BACKTRACK = 0.8;
    /** Growth factor of the step after an easy step. */
    public static final double GROW = 1.25;
    /** A step counts as easy when ‖Δ‖² &gt; GROW_THRESHOLD·t‖AΔ‖² (scnn's Lassplore setting). */
    public static final double GROW_THRESHOLD = 5;
    /** Number of residual differences in the Anderson dual extrapolation. */
    public static final int ANDERSON_DEPTH = 5;
    /** Iterations between two dual extrapolations. */
    public static final int EXTRAPOLATE_EVERY = 10;
    /** Iterations between two entries of the gap history. */
    public static final int HISTORY_EVERY = 10;

    @Override
    public LassoSolution solve(GroupLassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        BlockProvider b = pr.blocks();
        int n = b.rows();
        int[] off = b.offsets();
        int groups = b.groups();
        int dim = off[groups];
        boolean icpt = pr.intercept();
        double beta = pr.beta();
        double ym = icpt ? LassoCertificate.mean(pr.y()) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = pr.y()[i] - ym;
        }
        double[] w = warmStart == null ? new double[dim] : warmStart.clone();
        if (w.length != dim) {
            throw new IllegalArgumentException("warm start has " + w.length + " values, the problem " + dim);
        }
        double[] v = w.clone();
        double[] wn = new double[dim];
        double[] grad = new double[dim];
        double[] pw = new double[n];
        predict(b, w, icpt, pw);
        double[] pv = pw.clone();
        double[] pn = new double[n];
        double[] rv = new double[n];
        double step = 1 / Math.max(initialCurvature(b, icpt, dim), Double.MIN_NORMAL);
        double t = 1;
        double dBest = Double.NEGATIVE_INFINITY;
        double pNew = Double.NaN;
        double gap = Double.POSITIVE_INFINITY;
        Anderson anderson = new Anderson(n, ANDERSON_DEPTH);
        List<double[]> hist = new ArrayList<>();
        int k = 0;
        boolean converged = false;
        for (; k < opt.maxIterations(); k++) {
            for (int i = 0; i < n; i++) {
                rv[i] = yc[i] - pv[i];
            }
            b.transposeTimesAll(rv, grad);
            dBest = Math.max(dBest, dualValue(rv, yc, maxGroupNorm(grad, off), beta));
            double dd;
            double dp;
            while (true) {
                for (int i = 0; i < dim; i++) {
                    wn[i] = v[i] + step * grad[i];
                }
                for (int g = 0; g < groups; g++) {
                    GroupLassoSolver.groupShrink(wn, beta * step, wn, off[g], off[g + 1]);
                }
                predict(b, wn, icpt, pn);
                dd = 0;
                for (int i = 0; i < dim; i++) {
                    double e = wn[i] - v[i];
                    dd += e * e;
                }
                dp = 0;
                for (int i = 0; i < n; i++) {
                    double e = pn[i] - pv[i];
                    dp += e * e;
                }
                if (dp * step <= dd || dd == 0) {
                    break;
                }
                step *= BACKTRACK;
            }
            if (dd > GROW_THRESHOLD * step * dp) {
                step *= GROW;
            }
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double e = yc[i] - pn[i];
                rv[i] = e;
                rr += e * e;
            }
            pNew = 0.5 * rr + beta * penalty(wn, off);
            anderson.push(rv);
            if ((k + 1) % EXTRAPOLATE_EVERY == 0 && anderson.full()) {
                double[] re = anderson.extrapolate();
                if (re != null) {
                    if (icpt) {
                        center(re);
                    }
                    double[] c = new double[dim];
                    b.transposeTimesAll(re, c);
                    dBest = Math.max(dBest, dualValue(re, yc, maxGroupNorm(c, off), beta));
                }
            }
            gap = relative(pNew, dBest);
            if (k % HISTORY_EVERY == 0) {
                hist.add(new double[] {k + 1, gap});
            }
            if (gap <= opt.tolerance()) {
                converged = true;
                k++;
                break;
            }
            // adaptive restart when (w⁺ − w)ᵀ(v − w⁺) > 0, else momentum
            double rt = 0;
            for (int i = 0; i < dim; i++) {
                rt += (wn[i] - w[i]) * (v[i] - wn[i]);
            }
            if (rt > 0) {
                t = 1;
                System.arraycopy(wn, 0, v, 0, dim);
                System.arraycopy(pn, 0, pv, 0, n);
            } else {
                double tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                double mom = (t - 1) / tn;
                for (int i = 0; i < dim; i++) {
                    v[i] = wn[i] + mom * (wn[i] - w[i]);
                }
                for (int i = 0; i < n; i++) {
                    pv[i] = pn[i] + mom * (pn[i] - pw[i]);
                }
                t = tn;
            }
            double[] s = w;
            w = wn;
            wn = s;
            s = pw;
            pw = pn;
            pn = s;
        }
        double[] u = converged ? wn : w;
        double[] pu = converged ? pn : pw;
        if (Double.isNaN(pNew) || !converged) {
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double e = yc[i] - pu[i];
                rr += e * e;
            }
            pNew = 0.5 * rr + beta * penalty(u, off);
        }
        // the returned point's own residual: its dual ratio, and one more dual candidate
        for (int i = 0; i < n; i++) {
            rv[i] = yc[i] - pu[i];
        }
        b.transposeTimesAll(rv, grad);
        double maxC = maxGroupNorm(grad, off);
        dBest = Math.max(dBest, dualValue(rv, yc, maxC, beta));
        gap = relative(pNew, dBest);
        hist.add(new double[] {k, gap});
        double xi = 0;
        if (icpt) {
            // pu is the centred prediction; the intercept is mean(y) − mean(A u)
            xi = ym - meanUncentred(b, u, n);
        }
        return new LassoSolution(u, xi, pNew, dBest, gap, maxC / beta, k, gap <= opt.tolerance(), col(hist, 0),
                col(hist, 1), 0, (System.nanoTime() - start) / 1e9);
    }

    /** out = A u, centred when the intercept is free. */
    static void predict(BlockProvider b, double[] u, boolean icpt, double[] out) {
        b.timesAll(u, out);
        if (icpt) {
            center(out);
        }
    }

    private static double meanUncentred(BlockProvider b, double[] u, int n) {
        double[] p = new double[n];
        b.timesAll(u, p);
        return LassoCertificate.mean(p);
    }

    static void center(double[] v) {
        double m = LassoCertificate.mean(v);
        for (int i = 0; i < v.length; i++) {
            v[i] -= m;
        }
    }

    /** Rayleigh quotient ‖A z‖²/‖z‖² of a seeded random z: a lower estimate of the curvature to start the step from. */
    private static double initialCurvature(BlockProvider b, boolean icpt, int dim) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(12345L);
        double[] z = new double[dim];
        for (int i = 0; i < dim; i++) {
            z[i] = rng.nextDouble() - 0.5;
        }
        double[] p = new double[b.rows()];
        double lam = 0;
        for (int it = 0; it < 3; it++) {
            double zz = Fista.dot(z, z);
            if (zz == 0) {
                return lam;
            }
            predict(b, z, icpt, p);
            lam = Fista.dot(p, p) / zz;
            b.transposeTimesAll(p, z);
        }
        return lam;
    }

    static double penalty(double[] u, int[] off) {
        double s = 0;
        for (int g = 0; g + 1 < off.length; g++) {
            double q = 0;
            for (int i = off[g]; i < off[g + 1]; i++) {
                q += u[i] * u[i];
            }
            s += Math.sqrt(q);
        }
        return s;
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

    /** D(sθ) = s θᵀy_c − ½ s²‖θ‖² with s = min(1, β/maxC): the dual value of the scaled residual. */
    static double dualValue(double[] r, double[] yc, double maxC, double beta) {
        double s = maxC > beta ? beta / maxC : 1.0;
        double ry = 0;
        double rr = 0;
        for (int i = 0; i < r.length; i++) {
            ry += r[i] * yc[i];
            rr += r[i] * r[i];
        }
        return s * ry - 0.5 * s * s * rr;
    }

    static double relative(double p, double d) {
        double g = Math.max(p - d, 0);
        return p > Double.MIN_NORMAL ? g / p : g;
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

    /**
     * Anderson extrapolation of a sequence of residuals r_0 … r_K (Massias, Gramfort, Salmon 2018): with the
     * differences U = [r_1 − r_0, …, r_K − r_{K−1}], c = z/1ᵀz for (UᵀU) z = 1, and r_e = Σ_j c_j r_j.
     */
    static final class Anderson {
        private final double[][] ring;
        private int count;

        Anderson(int n, int depth) {
            ring = new double[depth + 1][n];
        }

        void push(double[] r) {
            System.arraycopy(r, 0, ring[count % ring.length], 0, r.length);
            count++;
        }

        boolean full() {
            return count >= ring.length;
        }

        /** The extrapolated residual, or null when the linear system is singular. */
        double[] extrapolate() {
            int m = ring.length;
            int kk = m - 1;
            int n = ring[0].length;
            double[][] r = new double[m][];
            for (int j = 0; j < m; j++) {
                r[j] = ring[(count - m + j) % m];
            }
            double[][] u = new double[kk][n];
            for (int j = 0; j < kk; j++) {
                for (int i = 0; i < n; i++) {
                    u[j][i] = r[j + 1][i] - r[j][i];
                }
            }
            double[][] a = new double[kk][kk + 1];
            double tr = 0;
            for (int p = 0; p < kk; p++) {
                for (int q = p; q < kk; q++) {
                    double s = Fista.dot(u[p], u[q]);
                    a[p][q] = s;
                    a[q][p] = s;
                }
                tr += a[p][p];
                a[p][kk] = 1;
            }
            if (!(tr > 0)) {
                return null;
            }
            for (int p = 0; p < kk; p++) {
                a[p][p] += 1e-12 * tr;
            }
            double[] z = solveSymmetric(a, kk);
            if (z == null) {
                return null;
            }
            double sz = 0;
            for (double e : z) {
                sz += e;
            }
            if (!(Math.abs(sz) > 0) || !Double.isFinite(sz)) {
                return null;
            }
            double[] out = new double[n];
            for (int j = 0; j < kk; j++) {
                double c = z[j] / sz;
                for (int i = 0; i < n; i++) {
                    out[i] += c * r[j + 1][i];
                }
            }
            return out;
        }

        /** Gaussian elimination with partial pivoting on the augmented k×(k+1) system; null if singular. */
        private static double[] solveSymmetric(double[][] a, int k) {
            for (int c = 0; c < k; c++) {
                int piv = c;
                for (int r = c + 1; r < k; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                        piv = r;
                    }
                }
                if (a[piv][c] == 0) {
                    return null;
                }
                double[] sw = a[c];
                a[c] = a[piv];
                a[piv] = sw;
                for (int r = c + 1; r < k; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int q = c; q <= k; q++) {
                        a[r][q] -= f * a[c][q];
                    }
                }
            }
            double[] z = new double[k];
            for (int r = k - 1; r >= 0; r--) {
                double s = a[r][k];
                for (int q = r + 1; q < k; q++) {
                    s -= a[r][q] * z[q];
                }
                z[r] = s / a[r][r];
            }
            return z;
        }
    }
}
