package io.nngeom.solvers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lasso by an exact active-set method on working sets: the homotopy/active-set algorithm of Osborne, Presnell
 * and Turlach (2000, "A new approach to variable selection in least squares problems", IMA J. Numer. Anal.)
 * solves each working-set problem to machine precision, and celer-style working sets (Massias, Gramfort, Salmon
 * 2018) with gap-safe screening (Fercoq, Gramfort, Salmon 2015) keep it away from the bulk of the dictionary.
 * The stopping rule is the relative duality gap over <em>all</em> columns, as for every {@link LassoSolver}.
 *
 * <p><b>Why an exact method.</b> Dictionaries of convex network training are highly collinear and, with a free
 * intercept, even exactly rank-deficient on typical supports: (h)₊ − (−h)₊ = h is affine, so the centred
 * columns of any three ± pairs of a 2-D wedge dictionary are linearly dependent, and so are any d + 1 columns
 * whose neuron is active on every sample (they are affine on the data). Coordinate descent converges only linearly (slowly) there, and a Newton step on the
 * support fails because the restricted Gram matrix is singular. The active-set method keeps the active columns
 * linearly independent (a "basic" solution, which always exists: Tibshirani 2013, "The lasso problem and
 * uniqueness", Electron. J. Statist.) and pivots like the simplex method when a violating column is dependent.
 *
 * <p><b>Inner problem</b> (working set W, centred columns, residual r = y_c − A_S z_S, signs σ_S):
 * <ol>
 *   <li>Restricted optimum u = argmin ½‖y_c − A_S u‖² + β σᵀu = R⁻¹(Qᵀy_c − β R⁻ᵀσ) from the QR factors of
 *       A_S ({@link UpdatableQr}). Move from z_S towards u; if a coordinate reaches zero first, stop there, drop
 *       it and repeat (the objective decreases along the segment).</li>
 *   <li>At the restricted optimum, the most violating column j ∈ W (largest |a_jᵀr| &gt; β(1 + ε)) enters with
 *       sign σ_j = sign(a_jᵀr), together with up to {@link #MAX_BATCH} − 1 further violators (adaptive batch,
 *       independent columns only). If a_j = A_S w is dependent, the direction (−σ_j w, σ_j) keeps the fit and
 *       lowers β‖z‖₁ at rate β(σ_jσᵀw − 1) &gt; 0: follow it until an active coordinate reaches zero, drop that
 *       one and let j enter in its place.</li>
 * </ol>
 * Every pivot lowers the objective in exact arithmetic; columns whose entry did not (rounding near ties, where
 * pivots could cycle) are not tried again within that working-set solve.
 * The method stops when no column of W violates the dual constraint by more than ε = {@link #INNER_FRACTION}
 * times the requested tolerance. The outer loop then measures correlations and the gap over the whole
 * dictionary, screens, and rebuilds W from the support and the columns closest to (or beyond) the constraint.
 */
public final class ActiveSetLasso implements LassoSolver {
    /** The inner problems stop at relative dual violation ε = INNER_FRACTION · tolerance. */
    public static final double INNER_FRACTION = 0.1;
    /** Smallest inner violation threshold ε (about 10³ ε_machine: correlations carry rounding errors). */
    public static final double MIN_INNER_EPS = 1e-13;
    /**
     * Largest number of violating columns entering together. The batch doubles while its columns stay active
     * and falls back to one column (the classical method) when none of them does.
     */
    public static final int MAX_BATCH = 64;
    /**
     * Memory cap of the materialised working set: at most this many entries n·|W| (2²⁵ doubles, 256 MB), besides
     * the support, however often W doubles.
     */
    public static final long MAX_WORKING_ENTRIES = 1L << 25;
    /**
     * Consecutive outer iterations without any decrease of the gap (each doubling the working set) after which
     * the solver stops: the gap is then at the rounding level of the problem, and the solution is reported with
     * {@code converged = false} and its measured gap.
     */
    public static final int STALL_LIMIT = 12;

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
        double[] z = new double[p];
        int[] support = warmStart == null ? new int[0] : basicSupport(a, warmStart, out, mean, n, z);
        double eps = Math.max(INNER_FRACTION * opt.tolerance(), MIN_INNER_EPS);
        double[] r = SolverHelpers.residual(a, z, yc, mean, icpt);
        double[] corr = new double[p];
        List<double[]> hist = new ArrayList<>();
        int wsSize = Math.max(1, opt.workingSet());
        int iter = 0;
        boolean converged = false;
        LassoCertificate cert = null;
        int screenedCount = 0;
        double bestGap = Double.POSITIVE_INFINITY;
        int stalled = 0;
        boolean coveredAll = false;
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
            cert = LassoCertificate.from(beta, r, yc, SolverHelpers.l1(z), maxC, 0);
            hist.add(new double[] {iter, cert.relativeGap()});
            if (cert.relativeGap() <= opt.tolerance()) {
                converged = true;
                break;
            }
            opt.budget().report("lasso", iter + 1, 0, "objective %.6g relative gap %.2e", cert.primal(), cert.relativeGap());
            if (opt.budget().expired()) {
                break;
            }
            double gap = Math.max(cert.primal() - cert.dual(), 0);
            double s = maxC > beta ? beta / maxC : 1.0;
            if (opt.screening()) {
                double radius = Math.sqrt(2 * gap) / beta;
                for (int j = 0; j < p; j++) {
                    if (!out[j] && z[j] == 0 && s * Math.abs(corr[j]) / beta + Math.sqrt(nrm2[j]) * radius < 1) {
                        out[j] = true;
                        screenedCount++;
                    }
                }
            }
            // W never shrinks and doubles whenever the gap did not halve (celer's geometric growth); a run of
            // outer iterations without any decrease means the rounding level is reached
            if (cert.relativeGap() < bestGap) {
                stalled = 0;
            } else if (++stalled > STALL_LIMIT || coveredAll) {
                // no decrease although the last working set held every remaining column and was solved exactly:
                // repeating it cannot help (rounding floor)
                break;
            }
            if (!(cert.relativeGap() <= 0.5 * bestGap) && iter > 0) {
                wsSize = (int) Math.min(2L * wsSize, p);
            }
            bestGap = Math.min(bestGap, cert.relativeGap());
            wsSize = (int) Math.max(Math.min(wsSize, MAX_WORKING_ENTRIES / n), 2L * support.length);
            int k = wsSize;
            int[] ws = workingSet(support, corr, nrm2, out, s, beta, k);
            int remaining = 0;
            for (int j = 0; j < p; j++) {
                if (!out[j] || z[j] != 0) {
                    remaining++;
                }
            }
            coveredAll = ws.length == remaining;
            support = solveInner(a, ws, support, mean, z, r, yc, beta, eps, n);
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

    /**
     * A starting point from a warm start: its nonzero coordinates, in index order, as long as their centred
     * columns are linearly independent (dependent ones are set to zero). Writes the kept values into {@code z}.
     */
    private static int[] basicSupport(ColumnProvider a, double[] warm, boolean[] out, double[] mean, int n, double[] z) {
        UpdatableQr qr = new UpdatableQr(n, n);
        double[] col = new double[n];
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < warm.length; j++) {
            if (warm[j] != 0 && !out[j] && Double.isFinite(warm[j])) {
                a.column(j, col);
                for (int i = 0; i < n; i++) {
                    col[i] -= mean[j];
                }
                if (qr.add(col, 0)) {
                    kept.add(j);
                    z[j] = warm[j];
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The support (first, in its order) and then the k columns of highest priority (1 − |a_jᵀθ|/β)/‖a_j‖. */
    private static int[] workingSet(int[] support, double[] corr, double[] nrm2, boolean[] out, double s, double beta,
                                    int k) {
        int p = corr.length;
        boolean[] inS = new boolean[p];
        for (int j : support) {
            inS[j] = true;
        }
        int m = 0;
        int[] cand = new int[p];
        double[] prio = new double[p];
        for (int j = 0; j < p; j++) {
            if (!out[j] && !inS[j]) {
                cand[m++] = j;
                prio[j] = (1 - Math.abs(corr[j]) / beta) / Math.sqrt(nrm2[j]);
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = cand[i];
        }
        Arrays.sort(order, (u, v) -> {
            int c = Double.compare(prio[u], prio[v]);
            return c != 0 ? c : Integer.compare(u, v);
        });
        int extra = Math.min(k, m);
        int[] ws = Arrays.copyOf(support, support.length + extra);
        for (int i = 0; i < extra; i++) {
            ws[support.length + i] = order[i];
        }
        return ws;
    }

    /**
     * The exact active-set solve of the Lasso restricted to the working set {@code ws}, whose first
     * {@code support.length} entries are the current (independent) support. Updates z and r; returns the new
     * support.
     */
    private static int[] solveInner(ColumnProvider a, int[] ws, int[] support, double[] mean, double[] z, double[] r,
                                    double[] yc, double beta, double eps, int n) {
        int m = ws.length;
        double[] cm = new double[m * n];
        double[] col = new double[n];
        for (int q = 0; q < m; q++) {
            a.column(ws[q], col);
            double mu = mean[ws[q]];
            for (int i = 0; i < n; i++) {
                cm[q * n + i] = col[i] - mu;
            }
        }
        UpdatableQr qr = new UpdatableQr(n, m);
        // active positions in ws, their values and signs, parallel to the QR columns
        int[] act = new int[qr.capacity()];
        double[] za = new double[qr.capacity()];
        double[] sg = new double[qr.capacity()];
        int k = 0;
        boolean[] active = new boolean[m];
        for (int q = 0; q < support.length; q++) {
            if (qr.add(cm, q * n)) {
                act[k] = q;
                za[k] = z[ws[q]];
                sg[k] = Math.signum(za[k]);
                active[q] = true;
                k++;
            } else {
                z[ws[q]] = 0;
            }
        }
        boolean[] fresh = new boolean[m];
        boolean[] tabu = new boolean[m];
        int batch = 1;
        int maxPivots = 20 * (n + m);
        double[] cw = new double[m];
        double lastP = Double.POSITIVE_INFINITY;
        for (int pivot = 0; pivot < maxPivots; pivot++) {
            // 1. move towards the restricted optimum, dropping coordinates that reach zero on the way
            while (k > 0) {
                double[] u = qr.qtv(yc);
                double[] v = Arrays.copyOf(sg, k);
                qr.solveRt(v);
                for (int i = 0; i < k; i++) {
                    u[i] -= beta * v[i];
                }
                qr.solveR(u);
                double gamma = 1;
                int drop = -1;
                for (int i = 0; i < k; i++) {
                    if (sg[i] * u[i] <= 0) {
                        double g = za[i] / (za[i] - u[i]);
                        if (drop < 0 || g < gamma) {
                            gamma = g;
                            drop = i;
                        }
                    }
                }
                if (drop < 0) {
                    System.arraycopy(u, 0, za, 0, k);
                    break;
                }
                if (batch == 1 && fresh[act[drop]] && !(gamma > 0)) {
                    // rounding: a single entering column does not enter after all; never retry it in this solve
                    tabu[act[drop]] = true;
                }
                for (int i = 0; i < k; i++) {
                    za[i] += gamma * (u[i] - za[i]);
                }
                za[drop] = 0;
                // the blocking coordinate and any that reach zero at the same step (ties) leave
                for (int i = k - 1; i >= 0; i--) {
                    if (sg[i] * za[i] <= 0 && (i == drop || sg[i] * u[i] <= 0)) {
                        active[act[i]] = false;
                        qr.remove(i);
                        for (int t = i; t < k - 1; t++) {
                            act[t] = act[t + 1];
                            za[t] = za[t + 1];
                            sg[t] = sg[t + 1];
                        }
                        k--;
                    }
                }
            }
            residual(cm, act, za, k, yc, r, n);
            double pin = 0.5 * dot(r, r, n);
            for (int i = 0; i < k; i++) {
                pin += beta * Math.abs(za[i]);
            }
            // every pivot lowers the objective in exact arithmetic; one that does not (rounding near a tie) may
            // start a cycle, so the columns that entered are not tried again in this solve
            boolean descended = pin < lastP;
            lastP = Math.min(lastP, pin);
            // a batch of which no column stayed is retried one column at a time (the single entering column of
            // the active-set method always moves: Osborne et al. 2000, descent property)
            boolean anyStayed = false;
            for (int i = 0; i < k; i++) {
                if (fresh[act[i]]) {
                    anyStayed = true;
                }
            }
            int tried = 0;
            for (int q = 0; q < m; q++) {
                if (fresh[q]) {
                    tried++;
                    fresh[q] = false;
                    if (!descended) {
                        tabu[q] = true;
                    }
                }
            }
            if (tried > 1) {
                batch = anyStayed ? Math.min(2 * batch, MAX_BATCH) : 1;
            } else if (tried == 1 && anyStayed) {
                batch = Math.min(2 * batch, MAX_BATCH);
            }
            // 2. the most violating columns of the working set enter
            int nv = 0;
            for (int q = 0; q < m; q++) {
                if (active[q] || tabu[q]) {
                    continue;
                }
                double c = 0;
                int off = q * n;
                for (int i = 0; i < n; i++) {
                    c += cm[off + i] * r[i];
                }
                cw[q] = c;
                if (Math.abs(c) > beta * (1 + eps)) {
                    nv++;
                }
            }
            if (nv == 0) {
                break;
            }
            int[] viol = topViolators(cw, active, tabu, beta * (1 + eps), Math.min(batch, nv));
            int best = viol[0];
            double sj = Math.signum(cw[best]);
            if (qr.add(cm, best * n)) {
                act[k] = best;
                za[k] = 0;
                sg[k] = sj;
                active[best] = true;
                fresh[best] = true;
                k++;
                for (int t = 1; t < viol.length && k < qr.capacity(); t++) {
                    int q = viol[t];
                    if (qr.add(cm, q * n)) {
                        act[k] = q;
                        za[k] = 0;
                        sg[k] = Math.signum(cw[q]);
                        active[q] = true;
                        fresh[q] = true;
                        k++;
                    }
                }
                continue;
            }
            // dependent: a_best = A_S w; pivot along (−σ_j w, σ_j), which keeps the fit and lowers the ℓ1 norm
            double[] w = qr.dependentCoefficients();
            double t = Double.POSITIVE_INFINITY;
            int drop = -1;
            for (int i = 0; i < k; i++) {
                double d = -sj * w[i];
                if (sg[i] * d < 0) {
                    double ti = Math.abs(za[i]) / Math.abs(d);
                    if (ti < t) {
                        t = ti;
                        drop = i;
                    }
                }
            }
            if (drop < 0) {
                tabu[best] = true;
                continue;
            }
            for (int i = 0; i < k; i++) {
                za[i] -= t * sj * w[i];
            }
            active[act[drop]] = false;
            qr.remove(drop);
            for (int i = drop; i < k - 1; i++) {
                act[i] = act[i + 1];
                za[i] = za[i + 1];
                sg[i] = sg[i + 1];
            }
            k--;
            if (!qr.add(cm, best * n)) {
                // should not happen (the dropped column carried the dependency): keep the reduced point
                tabu[best] = true;
                continue;
            }
            act[k] = best;
            za[k] = sj * t;
            sg[k] = sj;
            active[best] = true;
            fresh[best] = true;
            k++;
        }
        for (int q = 0; q < support.length; q++) {
            z[ws[q]] = 0;
        }
        int[] sup = new int[k];
        for (int i = 0; i < k; i++) {
            z[ws[act[i]]] = za[i];
            sup[i] = ws[act[i]];
        }
        residual(cm, act, za, k, yc, r, n);
        return sup;
    }

    /** The {@code count} columns with the largest |c_q| above {@code thr}, largest first (ties: lower index). */
    private static int[] topViolators(double[] cw, boolean[] active, boolean[] tabu, double thr, int count) {
        int m = cw.length;
        int nv = 0;
        int[] idx = new int[m];
        for (int q = 0; q < m; q++) {
            if (!active[q] && !tabu[q] && Math.abs(cw[q]) > thr) {
                idx[nv++] = q;
            }
        }
        if (count == 1) {
            int best = idx[0];
            for (int t = 1; t < nv; t++) {
                if (Math.abs(cw[idx[t]]) > Math.abs(cw[best])) {
                    best = idx[t];
                }
            }
            return new int[] {best};
        }
        Integer[] order = new Integer[nv];
        for (int t = 0; t < nv; t++) {
            order[t] = idx[t];
        }
        Arrays.sort(order, (u, v) -> {
            int c = Double.compare(Math.abs(cw[v]), Math.abs(cw[u]));
            return c != 0 ? c : Integer.compare(u, v);
        });
        int[] out = new int[count];
        for (int t = 0; t < count; t++) {
            out[t] = order[t];
        }
        return out;
    }

    private static double dot(double[] u, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** r = y_c − Σ_i za_i a_{act_i}, recomputed from scratch (no accumulated rounding). */
    private static void residual(double[] cm, int[] act, double[] za, int k, double[] yc, double[] r, int n) {
        System.arraycopy(yc, 0, r, 0, n);
        for (int i = 0; i < k; i++) {
            double v = za[i];
            int off = act[i] * n;
            for (int t = 0; t < n; t++) {
                r[t] -= v * cm[off + t];
            }
        }
    }
}
