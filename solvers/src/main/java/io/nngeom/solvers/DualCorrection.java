package io.nngeom.solvers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A better dual point for the group lasso than the scaled residual: one Gauss–Newton projection of the residual
 * onto the active faces of the dual feasible set.
 *
 * <p>Why the scaled residual lags. For the group lasso (see {@link GroupLassoProblem}) the dual D(θ) = θᵀy_c − ½‖θ‖²
 * is maximised over K = {θ : ‖B_gᵀθ‖ ≤ β for all g}, and y_c − θ* = Σ_g B_g u*_g with B_gᵀθ* = β u*_g/‖u*_g‖ on the
 * optimal support. For any feasible θ with correlations c_g = B_gᵀθ,
 * D* − D(θ) = Σ_g ‖u*_g‖ (β − ûᵀ*_g c_g) + ½‖θ − θ*‖², with û*_g = u*_g/‖u*_g‖. The residual r of an iterate with
 * P(u) − P* = δ² lies O(δ) from θ* (P is strongly convex in the prediction), so its active correlations have norms
 * β(1 + O(δ)) of both signs; scaling r by β/max_g‖B_gᵀr‖ pulls every active norm O(δ) below β, and the first sum
 * makes the dual error O(δ) = O(√(P − P*)). The certificate therefore needs the square of the primal accuracy:
 * on the gated benchmark the objective was within 3e-9 of the optimum some 1800 iterations before the gap proved
 * 1e-6.
 *
 * <p>The correction. On S = {g : u_g ≠ 0 or ‖c_g‖ &gt; β} (c_g = B_gᵀr), linearise the norms of the active
 * constraints along their current directions ĉ_g = c_g/‖c_g‖: ‖c_g + B_gᵀΔ‖ ≈ ‖c_g‖ + m_gᵀΔ with m_g = B_g ĉ_g.
 * The minimum-norm Δ that puts every linearised norm at β is Δ = M z, (MᵀM) z = e, e_g = β − ‖c_g‖, M = [m_g]_{g∈S}
 * (columns centred with a free intercept, so that 1ᵀΔ = 0). Then ‖B_gᵀ(r + Δ)‖ = β + O(δ²) on S, the active
 * constraints sit on their faces up to second order, and the final scaling of r + Δ by β/max_g‖B_gᵀ(r + Δ)‖
 * (computed with a fresh product over all groups) costs only O(δ²): the dual error becomes proportional to the
 * primal one. The system is solved by a Cholesky factorisation of MᵀM + μI, μ = {@link #RIDGE}·max_g‖m_g‖² (a
 * safeguard when M has more columns than rank). Supports larger than {@link #MAX_SUPPORT} or than the number of
 * rows are not corrected.
 *
 * <p>Validity does not depend on any of this being accurate: the candidate returned is only a direction, whose
 * dual value the caller computes after scaling it into K with its exactly computed correlations, so it is a lower
 * bound on the optimum whatever the quality of Δ. Every operation runs in a fixed order (the Gram matrix may be
 * split over two threads, each entry computed by one of them), so results are bit-identical.
 */
final class DualCorrection {
    /** Relative ridge of the Gram matrix MᵀM: μ = RIDGE·max_g‖m_g‖². */
    static final double RIDGE = 1e-12;
    /**
     * Largest support the correction works on (its Gram matrix holds m² doubles, 50 MB at this size); larger
     * supports, and supports with more groups than rows (where the m radial equations in n unknowns are
     * overdetermined), get no correction and keep the scaled residuals.
     */
    static final int MAX_SUPPORT = 2500;
    /** Below this many multiply-adds the Gram matrix is formed on the calling thread only. */
    static final long PARALLEL_MIN_WORK = 4_000_000;

    private DualCorrection() {
    }

    /** Number of groups the correction works on: those with u_g ≠ 0 or ‖c_g‖ &gt; β. */
    static int supportSize(double[] u, double[] c, int[] off, double beta) {
        int m = 0;
        for (int g = 0; g + 1 < off.length; g++) {
            if (inSupport(u, c, off, beta, g)) {
                m++;
            }
        }
        return m;
    }

    private static boolean inSupport(double[] u, double[] c, int[] off, double beta, int g) {
        if (SolverHelpers.anyNonzero(u, off[g], off[g + 1])) {
            return true;
        }
        double q = 0;
        for (int i = off[g]; i < off[g + 1]; i++) {
            q += c[i] * c[i];
        }
        return q > beta * beta;
    }

    /** A corrected dual direction θ with its correlations Aᵀθ (computed by a product) and its dual value. */
    record Point(double[] theta, double[] corr, double dual) {
    }

    /**
     * The corrected residual r + Δ (see the class comment) followed by {@code chordSteps} further steps with the
     * same factorisation (a chord iteration on the radial equations ‖B_gᵀθ‖ = β, g ∈ S, each step one product
     * Aᵀθ), or null when there is nothing to correct, the support is too large (see {@link #MAX_SUPPORT}) or the
     * factorisation fails. Returns the candidate with the best
     * dual value.
     *
     * @param r the residual y_c − A u (centred with an intercept)
     * @param c its correlations Aᵀr, laid out like u
     */
    static Point correct(BlockProvider b, boolean icpt, double beta, double[] yc, double[] u, double[] r, double[] c,
                         int chordSteps, boolean parallel) {
        int n = r.length;
        int[] off = b.offsets();
        List<Integer> sl = new ArrayList<>();
        for (int g = 0; g + 1 < off.length; g++) {
            if (inSupport(u, c, off, beta, g)) {
                sl.add(g);
            }
        }
        int m = sl.size();
        if (m == 0 || m > Math.min(n, MAX_SUPPORT)) {
            return null;
        }
        double[][] cols = new double[m][n];
        double[] e = new double[m];
        double maxDiag = 0;
        for (int j = 0; j < m; j++) {
            int g = sl.get(j);
            int sz = off[g + 1] - off[g];
            double nc = norm(c, off[g], off[g + 1]);
            if (nc == 0) {
                return null;
            }
            double[] dir = new double[sz];
            for (int i = 0; i < sz; i++) {
                dir[i] = c[off[g] + i] / nc;
            }
            e[j] = beta - nc;
            b.addTimes(g, dir, cols[j]);
            if (icpt) {
                SolverHelpers.center(cols[j]);
            }
            maxDiag = Math.max(maxDiag, Fista.dot(cols[j], cols[j]));
        }
        if (!(maxDiag > 0)) {
            return null;
        }
        double[] gram = gram(cols, n, parallel);
        double mu = RIDGE * maxDiag;
        for (int j = 0; j < m; j++) {
            gram[j * m + j] += mu;
        }
        if (!cholesky(gram, m)) {
            return null;
        }
        double[] th = r.clone();
        Point best = null;
        for (int step = 0; step <= chordSteps; step++) {
            solveCholesky(gram, m, e);
            for (int j = 0; j < m; j++) {
                double zj = e[j];
                double[] col = cols[j];
                for (int i = 0; i < n; i++) {
                    th[i] += zj * col[i];
                }
            }
            double[] ct = new double[c.length];
            b.transposeTimesAll(th, ct);
            double d = SolverHelpers.dualValue(th, yc, SolverHelpers.maxGroupNorm(ct, off), beta);
            if (best == null || d > best.dual()) {
                best = new Point(th.clone(), ct, d);
            }
            for (int j = 0; j < m; j++) {
                int g = sl.get(j);
                e[j] = beta - norm(ct, off[g], off[g + 1]);
            }
        }
        return best;
    }

    private static double norm(double[] c, int from, int to) {
        double q = 0;
        for (int i = from; i < to; i++) {
            q += c[i] * c[i];
        }
        return Math.sqrt(q);
    }

    /** Multiply-adds of one correction on a support of m groups with n rows (Gram matrix and factorisation). */
    static double cost(int n, int m) {
        return 0.5 * n * (double) m * m + (double) m * m * m / 6;
    }

    /** The lower triangle (row-major, m×m) of MᵀM for the columns m_j (entry (j, h), h ≤ j). */
    static double[] gram(double[][] cols, int n, boolean parallel) {
        int m = cols.length;
        double[] g = new double[m * m];
        long work = (long) n * m * m / 2;
        if (parallel && work >= PARALLEL_MIN_WORK && m >= 8) {
            // rows j of the lower triangle hold j + 1 entries: split them into two halves of equal work
            int split = (int) Math.round(m / Math.sqrt(2));
            split -= split % 4;
            int s = split;
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(() -> gramRows(cols, n, g, s, m));
            gramRows(cols, n, g, 0, s);
            t.join();
        } else {
            gramRows(cols, n, g, 0, m);
        }
        return g;
    }

    /** Entries (j, h), h ≤ j, for j in [from, to), four rows j at a time against each column h. */
    private static void gramRows(double[][] cols, int n, double[] g, int from, int to) {
        int m = cols.length;
        int j = from;
        for (; j + 3 < to; j += 4) {
            double[] a0 = cols[j];
            double[] a1 = cols[j + 1];
            double[] a2 = cols[j + 2];
            double[] a3 = cols[j + 3];
            for (int h = 0; h <= j + 3; h++) {
                double[] bh = cols[h];
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0; i < n; i++) {
                    double x = bh[i];
                    s0 += a0[i] * x;
                    s1 += a1[i] * x;
                    s2 += a2[i] * x;
                    s3 += a3[i] * x;
                }
                if (h <= j) {
                    g[j * m + h] = s0;
                }
                if (h <= j + 1) {
                    g[(j + 1) * m + h] = s1;
                }
                if (h <= j + 2) {
                    g[(j + 2) * m + h] = s2;
                }
                g[(j + 3) * m + h] = s3;
            }
        }
        for (; j < to; j++) {
            for (int h = 0; h <= j; h++) {
                g[j * m + h] = Fista.dot(cols[j], cols[h]);
            }
        }
    }

    /** In-place Cholesky factor L (lower triangle, row-major) of a symmetric matrix given by its lower triangle. */
    static boolean cholesky(double[] a, int m) {
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * m + k] * a[j * m + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * m + j] = l;
            for (int i = j + 1; i < m; i++) {
                double s = a[i * m + j];
                int io = i * m;
                int jo = j * m;
                for (int k = 0; k < j; k++) {
                    s -= a[io + k] * a[jo + k];
                }
                a[io + j] = s / l;
            }
        }
        return true;
    }

    /** Solves L Lᵀ x = b in place, L from {@link #cholesky}. */
    static void solveCholesky(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
    }
}
