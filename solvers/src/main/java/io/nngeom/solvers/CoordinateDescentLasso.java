package io.nngeom.solvers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lasso by cyclic coordinate descent (Friedman, Hastie, Tibshirani 2010) on working sets (Massias, Gramfort,
 * Salmon 2018, "celer"), with gap-safe screening (Fercoq, Gramfort, Salmon 2015) and the relative duality gap
 * as stopping rule.
 *
 * <p>Each outer iteration makes one pass over the whole dictionary (correlations a_jᵀr, duality gap, screening),
 * then picks the working set: the current support plus the columns closest to violating the dual constraint,
 * ranked by (1 − |a_jᵀθ|/β)/‖a_j‖. The working set is materialised (columns centred when the intercept is
 * free) and solved by coordinate descent until its own gap is below {@link #INNER_FRACTION} times the outer gap.
 * Only the working set is ever stored, so dictionaries generated on the fly never materialise.
 *
 * <p>Coordinate update (centred column a_j, residual r): z_j ← S(z_j + a_jᵀr/‖a_j‖², β/‖a_j‖²), with S the
 * soft-threshold. Screening discards j when |a_jᵀθ|/β + ‖a_j‖·√(2G)/β &lt; 1 (θ the scaled residual, G the
 * gap), which is safe: such j are zero at every optimum.
 *
 * <p>Limitation: on dictionaries whose supports are (nearly) rank-deficient, such as wedge dictionaries with a free
 * intercept ((h)₊ − (−h)₊ = h is affine), the Newton step meets a singular Gram matrix and the linear rate of
 * coordinate descent is very slow; {@link ActiveSetLasso} solves those to rounding level.
 */
public final class CoordinateDescentLasso implements LassoSolver {
    /** Inner problems stop when their gap is at most this fraction of the outer gap (celer uses 0.3). */
    public static final double INNER_FRACTION = 0.3;
    private static final int INNER_CHECK = 10;
    /** Number of differences in Anderson extrapolation. */
    private static final int ANDERSON_K = 5;
    /** The active-set Newton step is tried only for supports up to this size (it costs O(n·k² + k³)). */
    public static final int NEWTON_MAX_SUPPORT = 300;
    /** Minimum number of sweeps between two Newton attempts. */
    private static final int NEWTON_EVERY = 50;
    /** Sign-correction rounds of one Newton attempt (coordinates whose sign flips are dropped). */
    private static final int NEWTON_ROUNDS = 5;
    private static final int INNER_MAX_SWEEPS = 100_000;

    @Override
    public LassoSolution solve(LassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        ColumnProvider a = pr.a();
        int n = a.rows();
        int p = a.cols();
        double beta = pr.beta();
        boolean icpt = pr.intercept();
        double[] y = pr.y();
        CentredColumns cc = CentredColumns.of(pr);
        double[] mean = cc.mean();
        double[] nrm2 = cc.norms2();
        double ym = cc.yMean();
        double[] yc = cc.yc();
        boolean[] out = cc.zero().clone();
        double[] z = warmStart == null ? new double[p] : warmStart.clone();
        for (int j = 0; j < p; j++) {
            if (out[j]) {
                z[j] = 0;
            }
        }
        double[] r = SolverHelpers.residual(a, z, yc, mean, icpt);
        double[] corr = new double[p];
        List<double[]> hist = new ArrayList<>();
        int wsSize = Math.max(1, opt.workingSet());
        int iter = 0;
        boolean converged = false;
        LassoCertificate cert = null;
        int screenedCount = 0;
        for (; iter < opt.maxIterations(); iter++) {
            double maxC = 0;
            for (int j = 0; j < p; j++) {
                if (!out[j]) {
                    corr[j] = a.dot(j, r);
                    maxC = Math.max(maxC, Math.abs(corr[j]));
                } else {
                    corr[j] = 0;
                }
            }
            cert = LassoCertificate.from(beta, r, yc, SolverHelpers.l1(z), maxC, ym - SolverHelpers.meanShift(z, mean, icpt));
            hist.add(new double[] {iter, cert.relativeGap()});
            if (cert.relativeGap() <= opt.tolerance()) {
                converged = true;
                break;
            }
            double s = maxC > beta ? beta / maxC : 1.0;
            double gap = Math.max(cert.primal() - cert.dual(), 0);
            if (opt.screening()) {
                double radius = Math.sqrt(2 * gap) / beta;
                for (int j = 0; j < p; j++) {
                    if (!out[j] && s * Math.abs(corr[j]) / beta + Math.sqrt(nrm2[j]) * radius < 1) {
                        out[j] = true;
                        screenedCount++;
                        if (z[j] != 0) {
                            addColumn(a, j, z[j], mean[j], r, n);
                            z[j] = 0;
                        }
                    }
                }
            }
            // working set: support first, then the columns closest to the dual constraint
            int nnz = 0;
            int cand = 0;
            for (int j = 0; j < p; j++) {
                if (!out[j]) {
                    cand++;
                    if (z[j] != 0) {
                        nnz++;
                    }
                }
            }
            int k = Math.min(cand, Math.max(wsSize, 2 * nnz));
            int[] ws = selectWorkingSet(z, corr, nrm2, out, s, beta, k);
            solveInner(a, ws, mean, nrm2, z, r, yc, beta, Math.max(INNER_FRACTION * gap, 0.5 * opt.tolerance() * cert.primal()), n);
        }
        if (cert == null || !converged) {
            cert = LassoCertificate.of(pr, z);
        }
        double xi = icpt ? LassoCertificate.mean(SolverHelpers.sub(y, a.times(z))) : 0;
        double[] gi = new double[hist.size()];
        double[] gh = new double[hist.size()];
        for (int i = 0; i < hist.size(); i++) {
            gi[i] = hist.get(i)[0];
            gh[i] = hist.get(i)[1];
        }
        return new LassoSolution(z, xi, cert.primal(), cert.dual(), cert.relativeGap(), cert.dualRatio(), iter,
                converged, gi, gh, screenedCount, (System.nanoTime() - start) / 1e9);
    }

    private static int[] selectWorkingSet(double[] z, double[] corr, double[] nrm2, boolean[] out, double s,
                                          double beta, int k) {
        int p = z.length;
        Integer[] idx = new Integer[p];
        double[] prio = new double[p];
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (!out[j]) {
                idx[m++] = j;
                prio[j] = z[j] != 0 ? Double.NEGATIVE_INFINITY : (1 - s * Math.abs(corr[j]) / beta) / Math.sqrt(nrm2[j]);
            }
        }
        Integer[] cands = Arrays.copyOf(idx, m);
        Arrays.sort(cands, (u, v) -> {
            int c = Double.compare(prio[u], prio[v]);
            return c != 0 ? c : Integer.compare(u, v);
        });
        int[] ws = new int[Math.min(k, m)];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = cands[i];
        }
        Arrays.sort(ws);
        return ws;
    }

    /** Coordinate descent on the working set until its gap is at most {@code target}. */
    private static void solveInner(ColumnProvider a, int[] ws, double[] mean, double[] nrm2, double[] z, double[] r,
                                   double[] yc, double beta, double target, int n) {
        int k = ws.length;
        DenseColumns w = DenseColumns.select(a, ws);
        double[] col = new double[n];
        double[] cm = new double[n * k];
        for (int q = 0; q < k; q++) {
            w.column(q, col);
            double mu = mean[ws[q]];
            for (int i = 0; i < n; i++) {
                cm[q * n + i] = col[i] - mu;
            }
        }
        long prevSupport = -1;
        int lastNewton = 0;
        int newtonInterval = NEWTON_EVERY;
        double[][] hist = new double[ANDERSON_K + 1][];
        int nh = 0;
        for (int sweep = 0; sweep < INNER_MAX_SWEEPS; sweep++) {
            double maxDelta = 0;
            for (int q = 0; q < k; q++) {
                int j = ws[q];
                int off = q * n;
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += cm[off + i] * r[i];
                }
                double old = z[j];
                double v = old + g / nrm2[j];
                double thr = beta / nrm2[j];
                double nz = v > thr ? v - thr : (v < -thr ? v + thr : 0);
                double d = nz - old;
                if (d != 0) {
                    z[j] = nz;
                    for (int i = 0; i < n; i++) {
                        r[i] -= d * cm[off + i];
                    }
                    maxDelta = Math.max(maxDelta, Math.abs(d) * Math.sqrt(nrm2[j]));
                }
            }
            // Anderson extrapolation of the working-set iterates (Bertrand and Massias 2021)
            double[] snap = new double[k];
            for (int q = 0; q < k; q++) {
                snap[q] = z[ws[q]];
            }
            hist[nh++] = snap;
            if (nh == ANDERSON_K + 1) {
                anderson(hist, ws, cm, z, r, yc, beta, n);
                nh = 0;
            }
            if (sweep % INNER_CHECK == INNER_CHECK - 1 || maxDelta == 0) {
                double maxC = 0;
                double l1 = 0;
                for (int q = 0; q < k; q++) {
                    int off = q * n;
                    double g = 0;
                    for (int i = 0; i < n; i++) {
                        g += cm[off + i] * r[i];
                    }
                    maxC = Math.max(maxC, Math.abs(g));
                    l1 += Math.abs(z[ws[q]]);
                }
                LassoCertificate c = LassoCertificate.from(beta, r, yc, l1, maxC, 0);
                double g = c.primal() - c.dual();
                if (g <= target || maxDelta == 0) {
                    return;
                }
                long sig = supportSignature(ws, z);
                if (sig == prevSupport && sweep - lastNewton >= newtonInterval) {
                    // the attempt costs about n·k² + k³ flops, a sweep k_ws·n: keep Newton at most ~the CD cost
                    long ks = 0;
                    for (int q2 = 0; q2 < ws.length; q2++) {
                        if (z[ws[q2]] != 0) {
                            ks++;
                        }
                    }
                    long cost = n * ks * ks + ks * ks * ks;
                    if (cost <= (long) (sweep - lastNewton) * ws.length * n) {
                        boolean ok = newton(ws, cm, z, r, yc, beta, n);
                        newtonInterval = ok ? NEWTON_EVERY : 2 * newtonInterval;
                        lastNewton = sweep;
                    }
                }
                prevSupport = sig;
            }
        }
    }

    /**
     * Anderson acceleration: with the last K+1 iterates z_0..z_K and differences U = [z_1 − z_0, …, z_K − z_{K−1}],
     * c = (UᵀU)⁻¹1 / 1ᵀ(UᵀU)⁻¹1 and z_e = Σ c_k z_k; z_e replaces z when its objective is lower.
     */
    private static void anderson(double[][] h, int[] ws, double[] cm, double[] z, double[] r, double[] yc, double beta, int n) {
        int kk = h.length - 1;
        int k = ws.length;
        double[][] u = new double[kk][k];
        for (int a = 0; a < kk; a++) {
            for (int q = 0; q < k; q++) {
                u[a][q] = h[a + 1][q] - h[a][q];
            }
        }
        Matrix g = Matrix.zeros(kk, kk);
        double tr = 0;
        for (int a = 0; a < kk; a++) {
            for (int b = a; b < kk; b++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += u[a][q] * u[b][q];
                }
                g.set(a, b, s);
                g.set(b, a, s);
            }
            tr += g.get(a, a);
        }
        if (tr == 0) {
            return;
        }
        for (int a = 0; a < kk; a++) {
            g.set(a, a, g.get(a, a) + 1e-12 * tr);
        }
        double[] ones = new double[kk];
        Arrays.fill(ones, 1);
        double[] c;
        try {
            c = Linalg.solve(g, ones);
        } catch (RuntimeException e) {
            return;
        }
        double sc = 0;
        for (double v : c) {
            sc += v;
        }
        if (sc == 0 || !Double.isFinite(sc)) {
            return;
        }
        double[] ze = new double[k];
        for (int a = 0; a < kk; a++) {
            double w = c[a] / sc;
            for (int q = 0; q < k; q++) {
                ze[q] += w * h[a + 1][q];
            }
        }
        double[] rn = yc.clone();
        double l1New = 0;
        double l1Old = 0;
        for (int q = 0; q < k; q++) {
            l1New += Math.abs(ze[q]);
            l1Old += Math.abs(z[ws[q]]);
            double v = ze[q];
            if (v != 0) {
                int o = q * n;
                for (int i = 0; i < n; i++) {
                    rn[i] -= v * cm[o + i];
                }
            }
        }
        double pOld = beta * l1Old;
        double pNew = beta * l1New;
        for (int i = 0; i < n; i++) {
            pOld += 0.5 * r[i] * r[i];
            pNew += 0.5 * rn[i] * rn[i];
        }
        if (pNew < pOld) {
            for (int q = 0; q < k; q++) {
                z[ws[q]] = ze[q];
            }
            System.arraycopy(rn, 0, r, 0, n);
        }
    }

    private static long supportSignature(int[] ws, double[] z) {
        long h = 1125899906842597L;
        for (int q = 0; q < ws.length; q++) {
            double v = z[ws[q]];
            h = 31 * h + (v > 0 ? 1 : v < 0 ? 2 : 0) * (q + 1);
        }
        return h;
    }

    /**
     * Active-set Newton step on the working set: once the support S and signs s have been stable for
     * {@link #INNER_CHECK} sweeps, solve the restricted stationarity system A_Sᵀ A_S z_S = A_Sᵀ y_c − β s and jump
     * there if every sign is kept and the objective does not increase. It finishes the slow linear convergence of
     * coordinate descent on nearly collinear columns (neighbouring ramps); optimality is still decided by the
     * duality gap.
     */
    private static boolean newton(int[] ws, double[] cm, double[] z, double[] r, double[] yc, double beta, int n) {
        int k0 = 0;
        for (int q = 0; q < ws.length; q++) {
            if (z[ws[q]] != 0) {
                k0++;
            }
        }
        if (k0 == 0 || k0 > Math.min(n - 1, NEWTON_MAX_SUPPORT)) {
            return false;
        }
        int[] s0 = new int[k0];
        int t0 = 0;
        for (int q = 0; q < ws.length; q++) {
            if (z[ws[q]] != 0) {
                s0[t0++] = q;
            }
        }
        // Gram matrix and right-hand side of the initial support, built once
        double[] g0 = new double[k0 * k0];
        double[] b0 = new double[k0];
        for (int a1 = 0; a1 < k0; a1++) {
            int o1 = s0[a1] * n;
            for (int a2 = a1; a2 < k0; a2++) {
                int o2 = s0[a2] * n;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += cm[o1 + i] * cm[o2 + i];
                }
                g0[a1 * k0 + a2] = s;
                g0[a2 * k0 + a1] = s;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += cm[o1 + i] * yc[i];
            }
            b0[a1] = s - beta * Math.signum(z[ws[s0[a1]]]);
        }
        boolean[] keep = new boolean[k0];
        Arrays.fill(keep, true);
        double[] zs = null;
        int[] idx = null;
        for (int round = 0; round < NEWTON_ROUNDS; round++) {
            int k = 0;
            for (boolean b : keep) {
                if (b) {
                    k++;
                }
            }
            if (k == 0) {
                return false;
            }
            idx = new int[k];
            int t = 0;
            for (int a1 = 0; a1 < k0; a1++) {
                if (keep[a1]) {
                    idx[t++] = a1;
                }
            }
            Matrix g = Matrix.zeros(k, k);
            double[] rhs = new double[k];
            for (int a1 = 0; a1 < k; a1++) {
                for (int a2 = 0; a2 < k; a2++) {
                    g.set(a1, a2, g0[idx[a1] * k0 + idx[a2]]);
                }
                rhs[a1] = b0[idx[a1]];
            }
            try {
                zs = Linalg.solve(g, rhs);
            } catch (RuntimeException e) {
                return false;
            }
            boolean flipped = false;
            for (int a1 = 0; a1 < k; a1++) {
                if (!Double.isFinite(zs[a1])) {
                    return false;
                }
                if (Math.signum(zs[a1]) != Math.signum(z[ws[s0[idx[a1]]]])) {
                    keep[idx[a1]] = false;
                    flipped = true;
                }
            }
            if (!flipped) {
                break;
            }
            zs = null;
        }
        if (zs == null) {
            return false;
        }
        double l1Old = 0;
        for (int q = 0; q < ws.length; q++) {
            l1Old += Math.abs(z[ws[q]]);
        }
        double l1New = 0;
        for (double v : zs) {
            l1New += Math.abs(v);
        }
        double[] rn = yc.clone();
        for (int a1 = 0; a1 < idx.length; a1++) {
            int o1 = s0[idx[a1]] * n;
            double c = zs[a1];
            for (int i = 0; i < n; i++) {
                rn[i] -= c * cm[o1 + i];
            }
        }
        double pOld = beta * l1Old;
        double pNew = beta * l1New;
        for (int i = 0; i < n; i++) {
            pOld += 0.5 * r[i] * r[i];
            pNew += 0.5 * rn[i] * rn[i];
        }
        if (pNew <= pOld) {
            for (int q = 0; q < ws.length; q++) {
                z[ws[q]] = 0;
            }
            for (int a1 = 0; a1 < idx.length; a1++) {
                z[ws[s0[idx[a1]]]] = zs[a1];
            }
            System.arraycopy(rn, 0, r, 0, n);
            return true;
        }
        return false;
    }

    private static void addColumn(ColumnProvider a, int j, double zj, double mu, double[] r, int n) {
        double[] c = new double[n];
        a.column(j, c);
        for (int i = 0; i < n; i++) {
            r[i] += zj * (c[i] - mu);
        }
    }

}
