package io.nngeom.solvers;

import io.nngeom.run.Budget;
import java.util.List;

/**
 * One FISTA run of {@link FistaGroupLasso} on given blocks (the whole problem or a working set): adaptive restart,
 * backtracking, free dual candidates at every iterate, and dual corrections ({@link DualCorrection}) once the primal
 * stalls; it stops on the relative gap, on scnn's gradient rule, at its iteration cap or at the budget's deadline.
 */
final class GroupFistaRun {
    private GroupFistaRun() {
    }

    /** Result of one FISTA run: iterate, iterations, and the residual whose scaled version gave the best dual value. */
    record Run(double[] w, int iterations, double[] thetaBest, boolean stationary) {
    }

    /**
     * FISTA on the given blocks from w0 until the relative gap (against the best dual value) is at most tol, or
     * with gradStop until the {@link FistaGroupLasso#stationarity} of an iterate is at most tol.
     */
    static Run run(BlockProvider b, double[] yc, boolean icpt, double beta, double[] w0, double tol, int maxIter,
                           List<double[]> hist, int iterOffset, boolean gradStop, boolean correct, Budget budget) {
        int n = b.rows();
        int[] off = b.offsets();
        int groups = b.groups();
        int dim = off[groups];
        double[] w = w0.clone();
        double[] v = w.clone();
        double[] wn = new double[dim];
        double[] grad = new double[dim];
        double[] pw = new double[n];
        FistaGroupLasso.predict(b, w, icpt, pw);
        double[] pv = pw.clone();
        double[] pn = new double[n];
        double[] rv = new double[n];
        double step = 1 / Math.max(FistaGroupLasso.initialCurvature(b, icpt, dim), Double.MIN_NORMAL);
        double t = 1;
        // correlations Aᵀr at the current iterate (cw) and a buffer for the next one (cn); Aᵀr_v follows from them
        double[] cw = new double[dim];
        double[] cn = new double[dim];
        for (int i = 0; i < n; i++) {
            rv[i] = yc[i] - pw[i];
        }
        b.transposeTimesAll(rv, cw);
        double dBest = SolverHelpers.dualValue(rv, yc, SolverHelpers.maxGroupNorm(cw, off), beta);
        double[] thetaBest = rv.clone();
        if (gradStop && FistaGroupLasso.stationarity(w, cw, off, beta, n) <= tol) {
            return new Run(w, 0, thetaBest, true);
        }
        System.arraycopy(cw, 0, grad, 0, dim);
        boolean parallel = Runtime.getRuntime().availableProcessors() >= 2;
        // primal values of the last iterations, for the schedule of the dual corrections (gap rule only)
        double[] pHist = new double[FistaGroupLasso.HISTORY_RING];
        pHist[0] = 0.5 * Fista.dot(rv, rv) + beta * FistaGroupLasso.penalty(w, off);
        int lastCorrection = 0;
        boolean stationary = false;
        int k = 0;
        for (; k < maxIter; k++) {
            if (!gradStop) {
                // the residual at the extrapolated point, whose correlations are the gradient: a free dual candidate
                for (int i = 0; i < n; i++) {
                    rv[i] = yc[i] - pv[i];
                }
                double dv = SolverHelpers.dualValue(rv, yc, SolverHelpers.maxGroupNorm(grad, off), beta);
                if (dv > dBest) {
                    dBest = dv;
                    thetaBest = rv.clone();
                }
            }
            double dd;
            double dp;
            while (true) {
                for (int i = 0; i < dim; i++) {
                    wn[i] = v[i] + step * grad[i];
                }
                for (int g = 0; g < groups; g++) {
                    GroupLassoSolver.groupShrink(wn, beta * step, wn, off[g], off[g + 1]);
                }
                FistaGroupLasso.predict(b, wn, icpt, pn);
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
                step *= FistaGroupLasso.BACKTRACK;
            }
            if (dd > FistaGroupLasso.GROW_THRESHOLD * step * dp) {
                step *= FistaGroupLasso.GROW;
            }
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double e = yc[i] - pn[i];
                rv[i] = e;
                rr += e * e;
            }
            double pNew = 0.5 * rr + beta * FistaGroupLasso.penalty(wn, off);
            // correlations at the new iterate: a dual candidate, the stopping measure, and (below) Aᵀr_v
            b.transposeTimesAll(rv, cn);
            double dw = SolverHelpers.dualValue(rv, yc, SolverHelpers.maxGroupNorm(cn, off), beta);
            if (dw > dBest) {
                dBest = dw;
                thetaBest = rv.clone();
            }
            pHist[(k + 1) % FistaGroupLasso.HISTORY_RING] = pNew;
            if (gradStop) {
                stationary = FistaGroupLasso.stationarity(wn, cn, off, beta, n) <= tol;
            } else if (correct && FistaGroupLasso.relative(pNew, dBest) > tol) {
                // a dual correction once the primal has (nearly) stopped moving: its objective fell by at most
                // tol·P over the last s iterations, s = FistaGroupLasso.CORRECTION_SPACING times the correction's cost in iterations
                int sz = DualCorrection.supportSize(wn, cn, off, beta);
                double ratio = DualCorrection.cost(n, sz) / ((double) n * dim);
                int spacing = (int) Math.min(FistaGroupLasso.HISTORY_RING - 1, Math.max(FistaGroupLasso.CORRECTION_MIN_SPACING, FistaGroupLasso.CORRECTION_SPACING * ratio));
                if (k + 1 - lastCorrection >= spacing && pHist[(k + 1 - spacing) % FistaGroupLasso.HISTORY_RING] - pNew <= tol * pNew) {
                    lastCorrection = k + 1;
                    DualCorrection.Point cp = DualCorrection.correct(b, icpt, beta, yc, wn, rv, cn, FistaGroupLasso.CHORD_STEPS, parallel);
                    if (cp != null && cp.dual() > dBest) {
                        dBest = cp.dual();
                        thetaBest = cp.theta();
                    }
                }
            }
            double gap = FistaGroupLasso.relative(pNew, dBest);
            if (k % FistaGroupLasso.HISTORY_EVERY == 0) {
                hist.add(new double[] {iterOffset + k + 1, gap});
            }
            double[] s = w;
            w = wn;
            wn = s;
            if (gradStop ? stationary : gap <= tol) {
                k++;
                break;
            }
            budget.report("gated group lasso", iterOffset + k + 1, 0, "objective %.6g relative gap %.2e", pNew, gap);
            if (budget.expired()) {
                k++;
                break;
            }
            // adaptive restart when (w⁺ − w)ᵀ(v − w⁺) > 0, else momentum with scnn's sequence
            double rt = 0;
            for (int i = 0; i < dim; i++) {
                rt += (w[i] - wn[i]) * (v[i] - w[i]);
            }
            if (rt > 0) {
                t = 1;
                System.arraycopy(w, 0, v, 0, dim);
                System.arraycopy(pn, 0, pv, 0, n);
                System.arraycopy(cn, 0, grad, 0, dim);
            } else {
                double tn = 1 + Math.sqrt(1 + 4 * t * t) / 2;
                double mom = (t - 1) / tn;
                for (int i = 0; i < dim; i++) {
                    v[i] = w[i] + mom * (w[i] - wn[i]);
                }
                for (int i = 0; i < n; i++) {
                    pv[i] = pn[i] + mom * (pn[i] - pw[i]);
                }
                // Aᵀr_v = Aᵀr_w + μ(Aᵀr_w − Aᵀr_{w₋}), r being affine in the coefficients
                for (int i = 0; i < dim; i++) {
                    grad[i] = cn[i] + mom * (cn[i] - cw[i]);
                }
                t = tn;
            }
            double[] q = cw;
            cw = cn;
            cn = q;
            s = pw;
            pw = pn;
            pn = s;
        }
        return new Run(w, k, thetaBest, stationary);
    }
}
