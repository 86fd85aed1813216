package io.nngeom.optim;

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
 */
public final class CoordinateDescentLasso implements LassoSolver {
    /** Inner problems stop when their gap is at most this fraction of the outer gap (celer uses 0.3). */
    public static final double INNER_FRACTION = 0.3;
    /** Columns with centred squared norm below this (relative to the largest) are treated as zero columns. */
    public static final double ZERO_COLUMN = 1e-24;
    private static final int INNER_CHECK = 10;
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
        double[] sums = icpt ? a.columnSums() : new double[p];
        double[] norms2 = a.columnNorms2();
        double[] mean = new double[p];
        double[] nrm2 = new double[p];
        double maxN = 0;
        for (int j = 0; j < p; j++) {
            mean[j] = sums[j] / n;
            nrm2[j] = Math.max(norms2[j] - n * mean[j] * mean[j], 0);
            maxN = Math.max(maxN, nrm2[j]);
        }
        double[] yc = y.clone();
        double ym = icpt ? LassoCertificate.mean(y) : 0;
        for (int i = 0; i < n; i++) {
            yc[i] -= ym;
        }
        boolean[] out = new boolean[p];
        for (int j = 0; j < p; j++) {
            if (nrm2[j] <= ZERO_COLUMN * maxN || nrm2[j] == 0) {
                out[j] = true;
            }
        }
        double[] z = warmStart == null ? new double[p] : warmStart.clone();
        for (int j = 0; j < p; j++) {
            if (out[j]) {
                z[j] = 0;
            }
        }
        double[] r = residual(a, z, yc, mean, icpt);
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
            cert = LassoCertificate.from(beta, r, yc, l1(z), maxC, ym - meanShift(z, mean, icpt));
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
            solveInner(a, ws, mean, nrm2, z, r, yc, beta, INNER_FRACTION * gap, n);
        }
        if (cert == null || !converged) {
            cert = LassoCertificate.of(pr, z);
        }
        double xi = icpt ? LassoCertificate.mean(sub(y, a.times(z))) : 0;
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
                if (c.primal() - c.dual() <= target || maxDelta == 0) {
                    return;
                }
            }
        }
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

    private static void addColumn(ColumnProvider a, int j, double zj, double mu, double[] r, int n) {
        double[] c = new double[n];
        a.column(j, c);
        for (int i = 0; i < n; i++) {
            r[i] += zj * (c[i] - mu);
        }
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
}
