package io.nngeom.solvers;

import java.util.Arrays;

/**
 * Small non-negative least squares with at most one linear equality:
 *
 * <pre>min ½‖Ax − t‖²  s.t.  x ≥ 0  [and eᵀx = f]</pre>
 *
 * for A with few rows m and many columns n (m ≤ a few dozen). Solved by the active-set method of Lawson and Hanson
 * (Solving Least Squares Problems, 1974, ch. 23, algorithm NNLS), extended to the equality by solving every
 * passive-set subproblem with the equality eliminated and testing optimality with the reduced gradient
 * μ_j = ∇_j + ν e_j, ν the equality's multiplier (the KKT conditions of the problem: μ ≥ 0, μ_j x_j = 0). Each
 * subproblem is a least-squares problem in at most m unknowns, solved by Householder QR; a column that is
 * numerically dependent on the passive ones is skipped for that step.
 *
 * <p>Every iterate is feasible (x ≥ 0, and the equality holds to rounding), so whatever the stopping reason the
 * returned x is a feasible point and ‖Ax − t‖ an upper bound on the optimum's residual norm; {@link Result#converged()}
 * says whether the optimality conditions held to {@link #OPTIMALITY_TOL}. The columns are given as one array,
 * column j at {@code [j·m, (j+1)·m)} (so a row-major n×m data matrix is Aᵀ's storage), each multiplied by an
 * optional scale.
 */
public final class NonNegativeLeastSquares {
    /** Optimal when every reduced gradient satisfies μ_j ≥ −OPTIMALITY_TOL·‖a_j‖·(‖t‖ + ‖Ax − t‖). */
    public static final double OPTIMALITY_TOL = 1e-12;
    /** A passive-set subproblem is singular when a diagonal entry of its R falls below RANK_TOL times the largest. */
    public static final double RANK_TOL = 1e-11;
    /** Iteration cap: MAX_ITERATIONS_FACTOR·(n + m) + 50 column additions. */
    public static final int MAX_ITERATIONS_FACTOR = 3;

    private final double[] cols;
    private final double[] scale;
    private final int m;
    private final int n;
    private final double[] colNorm;

    /**
     * @param cols column j of A at [j·m, (j+1)·m)
     * @param scale column multipliers (null: all 1)
     * @param m rows of A
     */
    public NonNegativeLeastSquares(double[] cols, double[] scale, int m) {
        if (m < 1 || cols.length % m != 0) {
            throw new IllegalArgumentException("column storage of length " + cols.length + " is no multiple of m = " + m);
        }
        this.cols = cols;
        this.m = m;
        this.n = cols.length / m;
        if (scale != null && scale.length != n) {
            throw new IllegalArgumentException("scale has " + scale.length + " entries, A has " + n + " columns");
        }
        this.scale = scale;
        this.colNorm = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += cols[j * m + k] * cols[j * m + k];
            }
            colNorm[j] = Math.sqrt(s) * (scale == null ? 1 : Math.abs(scale[j]));
        }
    }

    /**
     * @param x the solution (n values, ≥ 0)
     * @param residual Ax − t (m values)
     * @param norm ‖Ax − t‖
     * @param passive the indices with x_j > 0, ascending
     * @param multiplier ν, the multiplier of the equality (0 without)
     * @param iterations column additions
     * @param converged whether the KKT conditions held to {@link #OPTIMALITY_TOL}
     */
    public record Result(double[] x, double[] residual, double norm, int[] passive, double multiplier, int iterations,
                         boolean converged) {
    }

    public int rows() {
        return m;
    }

    public int cols() {
        return n;
    }

    /** Without equality. */
    public Result solve(double[] t, int[] warm) {
        return solve(t, null, 0, warm);
    }

    /**
     * @param t target (m values)
     * @param e equality row (n values, all nonzero) or null for none
     * @param f its right-hand side
     * @param warm a passive set to try first (e.g. that of a neighbouring problem), or null
     * @throws IllegalArgumentException when the equality has no non-negative solution
     */
    public Result solve(double[] t, double[] e, double f, int[] warm) {
        if (t.length != m || (e != null && e.length != n)) {
            throw new IllegalArgumentException("dimension mismatch");
        }
        if (e != null) {
            for (double v : e) {
                if (!(v != 0 && Double.isFinite(v))) {
                    throw new IllegalArgumentException("every entry of the equality row must be finite and nonzero, got " + v);
                }
            }
        }
        double[] x = new double[n];
        boolean[] inP = new boolean[n];
        int[] p = new int[n + 2];
        int np = 0;
        double tn = norm(t);
        boolean started = false;
        if (warm != null && warm.length > 0 && warm.length <= m + (e == null ? 0 : 1)) {
            double[] z = subproblem(warm, warm.length, t, e, f);
            if (z != null) {
                boolean pos = true;
                for (double v : z) {
                    pos &= v > 0;
                }
                if (pos) {
                    for (int k = 0; k < warm.length; k++) {
                        x[warm[k]] = z[k];
                        inP[warm[k]] = true;
                        p[np++] = warm[k];
                    }
                    started = true;
                }
            }
        }
        if (!started && e != null) {
            if (f == 0) {
                boolean pos = false;
                boolean neg = false;
                for (double v : e) {
                    pos |= v > 0;
                    neg |= v < 0;
                }
                if (!(pos && neg)) {
                    // e has one sign: eᵀx = 0 with x ≥ 0 forces x = 0
                    return fixedZero(t);
                }
            } else {
                int best = -1;
                double bestV = Double.POSITIVE_INFINITY;
                double[] col = new double[m];
                for (int j = 0; j < n; j++) {
                    if (e[j] != 0 && (e[j] > 0) == (f > 0)) {
                        column(j, col);
                        double a = f / e[j];
                        double s = 0;
                        for (int k = 0; k < m; k++) {
                            double r = a * col[k] - t[k];
                            s += r * r;
                        }
                        if (s < bestV) {
                            bestV = s;
                            best = j;
                        }
                    }
                }
                if (best < 0) {
                    throw new IllegalArgumentException("the equality e'x = " + f + " has no solution x >= 0");
                }
                x[best] = f / e[best];
                inP[best] = true;
                p[np++] = best;
            }
        }
        double[] r = new double[m];
        double[] grad = new double[n];
        double[] col = new double[m];
        boolean[] banned = new boolean[n];
        int maxIt = MAX_ITERATIONS_FACTOR * (n + m) + 50;
        int it = 0;
        boolean converged = false;
        double nu = 0;
        while (it < maxIt) {
            residual(x, p, np, t, r);
            double rn = norm(r);
            for (int j = 0; j < n; j++) {
                column(j, col);
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += col[k] * r[k];
                }
                grad[j] = s;
            }
            int add = -1;
            int add2 = -1;
            if (e != null) {
                if (np > 0) {
                    double num = 0;
                    double den = 0;
                    for (int k = 0; k < np; k++) {
                        num -= e[p[k]] * grad[p[k]];
                        den += e[p[k]] * e[p[k]];
                    }
                    nu = den > 0 ? num / den : 0;
                } else {
                    // x = 0 with f = 0 (e of both signs): optimal iff some ν makes every ∇_j + ν e_j ≥ 0
                    double lo = Double.NEGATIVE_INFINITY;
                    double hi = Double.POSITIVE_INFINITY;
                    int iLo = -1;
                    int iHi = -1;
                    for (int j = 0; j < n; j++) {
                        if (banned[j]) {
                            continue;
                        }
                        if (e[j] > 0 && -grad[j] / e[j] > lo) {
                            lo = -grad[j] / e[j];
                            iLo = j;
                        } else if (e[j] < 0 && -grad[j] / e[j] < hi) {
                            hi = -grad[j] / e[j];
                            iHi = j;
                        }
                    }
                    if (lo <= hi) {
                        nu = Double.isInfinite(lo) ? (Double.isInfinite(hi) ? 0 : hi) : lo;
                    } else {
                        // enter a pair, one of each sign of e, so that the equality can stay at 0
                        add = iLo;
                        add2 = iHi;
                        nu = 0.5 * (lo + hi);
                    }
                }
            }
            if (add < 0) {
                double worst = 0;
                for (int j = 0; j < n; j++) {
                    if (inP[j] || banned[j]) {
                        continue;
                    }
                    double mu = grad[j] + (e == null ? 0 : nu * e[j]);
                    double tol = OPTIMALITY_TOL * colNorm[j] * (tn + rn);
                    if (mu < -tol && mu < worst) {
                        worst = mu;
                        add = j;
                    }
                }
                if (add < 0) {
                    converged = true;
                    break;
                }
            }
            it++;
            inP[add] = true;
            p[np++] = add;
            if (add2 >= 0) {
                inP[add2] = true;
                p[np++] = add2;
            }
            boolean entered = false;
            while (true) {
                double[] z = np > m + (e == null ? 0 : 1) ? null : subproblem(p, np, t, e, f);
                if (z == null) {
                    // numerically dependent: undo the addition, skip the column(s) this step
                    np -= add2 >= 0 ? 2 : 1;
                    inP[add] = false;
                    banned[add] = true;
                    if (add2 >= 0) {
                        inP[add2] = false;
                        banned[add2] = true;
                    }
                    break;
                }
                if (!entered && z[np - 1] <= 0 && (add2 < 0 || z[np - 2] <= 0) && allZeroEntering(x, add, add2)) {
                    // the entering column would leave at once (rounding): skip it this step
                    np -= add2 >= 0 ? 2 : 1;
                    inP[add] = false;
                    banned[add] = true;
                    if (add2 >= 0) {
                        inP[add2] = false;
                        banned[add2] = true;
                    }
                    break;
                }
                entered = true;
                boolean pos = true;
                for (int k = 0; k < np; k++) {
                    pos &= z[k] > 0;
                }
                if (pos) {
                    for (int k = 0; k < np; k++) {
                        x[p[k]] = z[k];
                    }
                    Arrays.fill(banned, false);
                    break;
                }
                double alpha = Double.POSITIVE_INFINITY;
                int leave = -1;
                for (int k = 0; k < np; k++) {
                    if (z[k] <= 0) {
                        double xk = x[p[k]];
                        double a = xk / (xk - z[k]);
                        if (a < alpha) {
                            alpha = a;
                            leave = k;
                        }
                    }
                }
                for (int k = 0; k < np; k++) {
                    x[p[k]] += alpha * (z[k] - x[p[k]]);
                }
                x[p[leave]] = 0;
                int q = 0;
                for (int k = 0; k < np; k++) {
                    int j = p[k];
                    if (x[j] <= 0) {
                        x[j] = 0;
                        inP[j] = false;
                    } else {
                        p[q++] = j;
                    }
                }
                np = q;
                Arrays.fill(banned, false);
                if (np == 0) {
                    break;
                }
            }
        }
        residual(x, p, np, t, r);
        int[] pass = Arrays.copyOf(p, np);
        Arrays.sort(pass);
        return new Result(x, r, norm(r), pass, e == null ? 0 : nu, it, converged);
    }

    private static boolean allZeroEntering(double[] x, int add, int add2) {
        return x[add] == 0 && (add2 < 0 || x[add2] == 0);
    }

    private Result fixedZero(double[] t) {
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = -t[k];
        }
        return new Result(new double[n], r, norm(r), new int[0], 0, 0, true);
    }

    private void column(int j, double[] out) {
        double s = scale == null ? 1 : scale[j];
        int o = j * m;
        for (int k = 0; k < m; k++) {
            out[k] = s * cols[o + k];
        }
    }

    private void residual(double[] x, int[] p, int np, double[] t, double[] r) {
        for (int k = 0; k < m; k++) {
            r[k] = -t[k];
        }
        double[] col = new double[m];
        for (int q = 0; q < np; q++) {
            int j = p[q];
            column(j, col);
            for (int k = 0; k < m; k++) {
                r[k] += x[j] * col[k];
            }
        }
    }

    /**
     * The passive-set subproblem min ‖A_P z − t‖ [s.t. e_Pᵀz = f], with the equality eliminated through the entry of
     * largest |e_j|; null when it is (numerically) singular.
     */
    double[] subproblem(int[] p, int np, double[] t, double[] e, double f) {
        int piv = -1;
        if (e != null) {
            double big = 0;
            for (int k = 0; k < np; k++) {
                if (Math.abs(e[p[k]]) > big) {
                    big = Math.abs(e[p[k]]);
                    piv = k;
                }
            }
            if (piv < 0) {
                return null;
            }
        }
        int nv = piv < 0 ? np : np - 1;
        double[] b = new double[m * Math.max(nv, 1)];
        double[] rhs = t.clone();
        double[] pc = new double[m];
        double ep = 0;
        if (piv >= 0) {
            column(p[piv], pc);
            ep = e[p[piv]];
            for (int k = 0; k < m; k++) {
                rhs[k] -= pc[k] * f / ep;
            }
        }
        double[] col = new double[m];
        int c = 0;
        for (int q = 0; q < np; q++) {
            if (q == piv) {
                continue;
            }
            column(p[q], col);
            double ratio = piv >= 0 ? e[p[q]] / ep : 0;
            for (int k = 0; k < m; k++) {
                b[k * nv + c] = col[k] - ratio * pc[k];
            }
            c++;
        }
        double[] y = nv == 0 ? new double[0] : leastSquares(b, m, nv, rhs);
        if (y == null) {
            return null;
        }
        double[] z = new double[np];
        c = 0;
        double s = f;
        for (int q = 0; q < np; q++) {
            if (q == piv) {
                continue;
            }
            z[q] = y[c++];
            if (piv >= 0) {
                s -= e[p[q]] * z[q];
            }
        }
        if (piv >= 0) {
            z[piv] = s / ep;
        }
        return z;
    }

    /** Least squares min ‖By − c‖ for B m×k row-major, k ≤ m, by Householder QR; null if rank-deficient. */
    static double[] leastSquares(double[] b, int m, int k, double[] c) {
        if (k > m) {
            return null;
        }
        double[] a = b.clone();
        double[] rhs = c.clone();
        double[] diag = new double[k];
        double maxDiag = 0;
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = j; i < m; i++) {
                s += a[i * k + j] * a[i * k + j];
            }
            double nrm = Math.sqrt(s);
            double alpha = a[j * k + j] > 0 ? -nrm : nrm;
            diag[j] = alpha;
            maxDiag = Math.max(maxDiag, nrm);
            if (nrm == 0) {
                continue;
            }
            // v = a_j − alpha e_j (stored in place), H = I − 2vvᵀ/vᵀv
            a[j * k + j] -= alpha;
            double vv = 0;
            for (int i = j; i < m; i++) {
                vv += a[i * k + j] * a[i * k + j];
            }
            if (vv == 0) {
                continue;
            }
            for (int l = j + 1; l < k; l++) {
                double dot = 0;
                for (int i = j; i < m; i++) {
                    dot += a[i * k + j] * a[i * k + l];
                }
                double fct = 2 * dot / vv;
                for (int i = j; i < m; i++) {
                    a[i * k + l] -= fct * a[i * k + j];
                }
            }
            double dot = 0;
            for (int i = j; i < m; i++) {
                dot += a[i * k + j] * rhs[i];
            }
            double fct = 2 * dot / vv;
            for (int i = j; i < m; i++) {
                rhs[i] -= fct * a[i * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            if (!(Math.abs(diag[j]) > RANK_TOL * maxDiag)) {
                return null;
            }
        }
        double[] y = new double[k];
        for (int j = k - 1; j >= 0; j--) {
            double s = rhs[j];
            for (int l = j + 1; l < k; l++) {
                s -= a[j * k + l] * y[l];
            }
            y[j] = s / diag[j];
        }
        return y;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
