package io.nngeom.solvers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Group lasso by cyclic block proximal-gradient steps (block coordinate descent; Tseng and Yun 2009, Qin,
 * Scheinberg, Goldfarb 2013) on working sets, with the relative duality gap as stopping rule.
 *
 * <p>Each outer iteration computes ‖B_gᵀr‖₂ for every group (one pass), the gap, and a working set made of the
 * active groups and the groups closest to violating ‖B_gᵀθ‖₂ ≤ β. Working-set blocks are materialised (centred
 * when the intercept is free) with their block Lipschitz constants L_g = λ_max(B_gᵀB_g), and updated by
 * u_g ← (1 − β/(L_g‖v‖))₊ v, v = u_g + B_gᵀr/L_g, until their own gap is below
 * {@link CoordinateDescentLasso#INNER_FRACTION} of the outer gap.
 */
public final class BlockCoordinateGroupLasso implements GroupLassoSolver {
    private static final int INNER_CHECK = 5;
    private static final int INNER_MAX_SWEEPS = 100_000;

    @Override
    public LassoSolution solve(GroupLassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        BlockProvider b = pr.blocks();
        int n = b.rows();
        int groups = b.groups();
        int[] off = b.offsets();
        int dim = off[groups];
        boolean icpt = pr.intercept();
        double beta = pr.beta();
        double ym = icpt ? LassoCertificate.mean(pr.y()) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = pr.y()[i] - ym;
        }
        double[] u = warmStart == null ? new double[dim] : warmStart.clone();
        double[] r = yc.clone();
        {
            double[] pred = new double[n];
            for (int g = 0; g < groups; g++) {
                if (SolverHelpers.anyNonzero(u, off[g], off[g + 1])) {
                    b.addTimes(g, Arrays.copyOfRange(u, off[g], off[g + 1]), pred);
                }
            }
            double pm = icpt ? LassoCertificate.mean(pred) : 0;
            for (int i = 0; i < n; i++) {
                r[i] -= pred[i] - pm;
            }
        }
        double[] cn = new double[groups];
        Map<Integer, double[]> cache = new HashMap<>();
        Map<Integer, Double> lips = new HashMap<>();
        List<double[]> hist = new ArrayList<>();
        int iter = 0;
        boolean converged = false;
        LassoCertificate cert = null;
        int wsInit = Math.max(1, opt.workingSet());
        for (; iter < opt.maxIterations(); iter++) {
            double maxC = 0;
            double pen = 0;
            int active = 0;
            for (int g = 0; g < groups; g++) {
                double[] c = new double[off[g + 1] - off[g]];
                b.transposeTimes(g, r, c);
                cn[g] = Math.sqrt(Fista.dot(c, c));
                maxC = Math.max(maxC, cn[g]);
                double t = 0;
                for (int i = off[g]; i < off[g + 1]; i++) {
                    t += u[i] * u[i];
                }
                if (t > 0) {
                    active++;
                    pen += Math.sqrt(t);
                }
            }
            cert = LassoCertificate.from(beta, r, yc, pen, maxC, 0);
            hist.add(new double[] {iter, cert.relativeGap()});
            if (cert.relativeGap() <= opt.tolerance()) {
                converged = true;
                break;
            }
            double s = maxC > beta ? beta / maxC : 1.0;
            Integer[] idx = new Integer[groups];
            double[] prio = new double[groups];
            for (int g = 0; g < groups; g++) {
                idx[g] = g;
                prio[g] = SolverHelpers.anyNonzero(u, off[g], off[g + 1]) ? Double.NEGATIVE_INFINITY : 1 - s * cn[g] / beta;
            }
            Arrays.sort(idx, (p, q) -> {
                int c = Double.compare(prio[p], prio[q]);
                return c != 0 ? c : Integer.compare(p, q);
            });
            int k = Math.min(groups, Math.max(wsInit, 2 * active));
            int[] ws = new int[k];
            for (int i = 0; i < k; i++) {
                ws[i] = idx[i];
            }
            Arrays.sort(ws);
            double gap = Math.max(cert.primal() - cert.dual(), 0);
            inner(b, ws, off, u, r, yc, beta, icpt, n, cache, lips, Math.max(CoordinateDescentLasso.INNER_FRACTION * gap, 0.5 * opt.tolerance() * cert.primal()));
        }
        LassoCertificate c = converged ? cert : GroupLassoSolver.certificate(pr, u);
        double xi = GroupLassoSolver.certificate(pr, u).intercept();
        return new LassoSolution(u, icpt ? xi : 0, c.primal(), c.dual(), c.relativeGap(), c.dualRatio(), iter,
                converged, SolverHelpers.col(hist, 0), SolverHelpers.col(hist, 1), 0, (System.nanoTime() - start) / 1e9);
    }

    private static void inner(BlockProvider b, int[] ws, int[] off, double[] u, double[] r, double[] yc, double beta,
                              boolean icpt, int n, Map<Integer, double[]> cache, Map<Integer, Double> lips,
                              double target) {
        double[][] blk = new double[ws.length][];
        double[] lg = new double[ws.length];
        for (int q = 0; q < ws.length; q++) {
            int g = ws[q];
            int k = off[g + 1] - off[g];
            double[] m = cache.get(g);
            if (m == null) {
                m = new double[n * k];
                b.block(g, m);
                if (icpt) {
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int i = 0; i < n; i++) {
                            s += m[c * n + i];
                        }
                        s /= n;
                        for (int i = 0; i < n; i++) {
                            m[c * n + i] -= s;
                        }
                    }
                }
                Matrix gram = Matrix.zeros(k, k);
                for (int c1 = 0; c1 < k; c1++) {
                    for (int c2 = c1; c2 < k; c2++) {
                        double s = 0;
                        for (int i = 0; i < n; i++) {
                            s += m[c1 * n + i] * m[c2 * n + i];
                        }
                        gram.set(c1, c2, s);
                        gram.set(c2, c1, s);
                    }
                }
                double[] ev = Linalg.eigSym(gram).values();
                lips.put(g, Math.max(ev[ev.length - 1], 0) * (1 + 1e-12));
                cache.put(g, m);
            }
            blk[q] = m;
            lg[q] = lips.get(g);
        }
        double[] v = new double[64];
        double prevGap = Double.POSITIVE_INFINITY;
        for (int sweep = 0; sweep < INNER_MAX_SWEEPS; sweep++) {
            double maxDelta = 0;
            for (int q = 0; q < ws.length; q++) {
                if (lg[q] <= 0) {
                    continue;
                }
                int g = ws[q];
                int k = off[g + 1] - off[g];
                if (v.length < k) {
                    v = new double[k];
                }
                double[] m = blk[q];
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    int o = c * n;
                    for (int i = 0; i < n; i++) {
                        s += m[o + i] * r[i];
                    }
                    v[c] = u[off[g] + c] + s / lg[q];
                }
                double nv = 0;
                for (int c = 0; c < k; c++) {
                    nv += v[c] * v[c];
                }
                nv = Math.sqrt(nv);
                double f = nv > beta / lg[q] ? 1 - beta / (lg[q] * nv) : 0;
                for (int c = 0; c < k; c++) {
                    double nu = f * v[c];
                    double d = nu - u[off[g] + c];
                    if (d != 0) {
                        u[off[g] + c] = nu;
                        int o = c * n;
                        for (int i = 0; i < n; i++) {
                            r[i] -= d * m[o + i];
                        }
                        maxDelta = Math.max(maxDelta, Math.abs(d) * Math.sqrt(lg[q]));
                    }
                }
            }
            if (sweep % INNER_CHECK == INNER_CHECK - 1 || maxDelta == 0) {
                double maxC = 0;
                double pen = 0;
                for (int q = 0; q < ws.length; q++) {
                    int g = ws[q];
                    int k = off[g + 1] - off[g];
                    double[] m = blk[q];
                    double cc = 0;
                    double uu = 0;
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        int o = c * n;
                        for (int i = 0; i < n; i++) {
                            s += m[o + i] * r[i];
                        }
                        cc += s * s;
                        uu += u[off[g] + c] * u[off[g] + c];
                    }
                    maxC = Math.max(maxC, Math.sqrt(cc));
                    pen += Math.sqrt(uu);
                }
                LassoCertificate c = LassoCertificate.from(beta, r, yc, pen, maxC, 0);
                double g = c.primal() - c.dual();
                // stop at the target, when nothing moves, or when the gap stagnates at rounding level
                if (g <= target || maxDelta == 0) {
                    return;
                }
                prevGap = g;
            }
        }
    }
}
