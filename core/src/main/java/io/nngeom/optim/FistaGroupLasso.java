package io.nngeom.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Group lasso by {@link Fista} (adaptive restart, fixed step 1/L with L = ‖[B_1 … B_G]_c‖₂² from power
 * iteration) and block soft-thresholding u_g ← (1 − β/(L‖u_g‖))₊ u_g; stops on the relative duality gap.
 * This is the algorithm of scnn's R-FISTA for the gated-ReLU program (Mishkin, Sahiner, Pilanci 2022), with a
 * duality-gap stopping rule instead of a gradient-norm one.
 */
public final class FistaGroupLasso implements GroupLassoSolver {
    public static final int CHECK_EVERY = 10;

    @Override
    public LassoSolution solve(GroupLassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        BlockProvider b = pr.blocks();
        int n = b.rows();
        int[] off = b.offsets();
        int dim = off[b.groups()];
        boolean icpt = pr.intercept();
        double ym = icpt ? LassoCertificate.mean(pr.y()) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = pr.y()[i] - ym;
        }
        Fista.Smooth f = (u, g) -> {
            double[] r = yc.clone();
            double[] pred = new double[n];
            for (int q = 0; q < b.groups(); q++) {
                if (anyNonzero(u, off[q], off[q + 1])) {
                    b.addTimes(q, java.util.Arrays.copyOfRange(u, off[q], off[q + 1]), pred);
                }
            }
            double pm = icpt ? LassoCertificate.mean(pred) : 0;
            double rr = 0;
            for (int i = 0; i < n; i++) {
                r[i] -= pred[i] - pm;
                rr += r[i] * r[i];
            }
            for (int q = 0; q < b.groups(); q++) {
                double[] c = new double[off[q + 1] - off[q]];
                b.transposeTimes(q, r, c);
                for (int k = 0; k < c.length; k++) {
                    g[off[q] + k] = -c[k];
                }
            }
            return 0.5 * rr;
        };
        double lip = Fista.powerIteration((v, w) -> {
            double[] pred = new double[n];
            for (int q = 0; q < b.groups(); q++) {
                b.addTimes(q, java.util.Arrays.copyOfRange(v, off[q], off[q + 1]), pred);
            }
            if (icpt) {
                double m = LassoCertificate.mean(pred);
                for (int i = 0; i < n; i++) {
                    pred[i] -= m;
                }
            }
            for (int q = 0; q < b.groups(); q++) {
                double[] c = new double[off[q + 1] - off[q]];
                b.transposeTimes(q, pred, c);
                System.arraycopy(c, 0, w, off[q], c.length);
            }
        }, dim, 300, 12345L) * FistaLasso.LIPSCHITZ_SAFETY;
        double beta = pr.beta();
        Fista.Prox prox = new Fista.Prox() {
            @Override
            public double value(double[] u) {
                double s = 0;
                for (int q = 0; q < b.groups(); q++) {
                    double t = 0;
                    for (int i = off[q]; i < off[q + 1]; i++) {
                        t += u[i] * u[i];
                    }
                    s += Math.sqrt(t);
                }
                return beta * s;
            }

            @Override
            public void apply(double[] v, double step, double[] out) {
                for (int q = 0; q < b.groups(); q++) {
                    GroupLassoSolver.groupShrink(v, beta * step, out, off[q], off[q + 1]);
                }
            }
        };
        List<double[]> hist = new ArrayList<>();
        Fista.Monitor mon = (k, u) -> {
            LassoCertificate c = GroupLassoSolver.certificate(pr, u);
            hist.add(new double[] {k, c.relativeGap()});
            return c.relativeGap() <= opt.tolerance();
        };
        double[] u0 = warmStart == null ? new double[dim] : warmStart.clone();
        Fista.Result res = Fista.minimize(f, prox, u0, new Fista.Options(opt.maxIterations(), 0, lip, true, CHECK_EVERY), mon);
        LassoCertificate c = GroupLassoSolver.certificate(pr, res.x());
        return new LassoSolution(res.x(), c.intercept(), c.primal(), c.dual(), c.relativeGap(), c.dualRatio(),
                res.iterations(), c.relativeGap() <= opt.tolerance(), col(hist, 0), col(hist, 1), 0,
                (System.nanoTime() - start) / 1e9);
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
}
