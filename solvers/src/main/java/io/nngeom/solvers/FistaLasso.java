package io.nngeom.solvers;

import java.util.ArrayList;
import java.util.List;

/**
 * Lasso by {@link Fista} with adaptive restart and a fixed step 1/L, L = ‖A_c‖₂² (power iteration, inflated by
 * {@link #LIPSCHITZ_SAFETY}); the intercept is handled by centring. Stops on the relative duality gap, checked
 * every {@link #CHECK_EVERY} iterations. Slower than coordinate descent on sparse problems but a fully
 * independent second algorithm for the contract tests and the reference for the gated group lasso.
 */
public final class FistaLasso implements LassoSolver {
    /** L is multiplied by this to absorb the power iteration's underestimate. */
    public static final double LIPSCHITZ_SAFETY = 1.01;
    public static final int CHECK_EVERY = 10;

    @Override
    public LassoSolution solve(LassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        ColumnProvider a = pr.a();
        int n = a.rows();
        int p = a.cols();
        boolean icpt = pr.intercept();
        double[] mean = new double[p];
        if (icpt) {
            double[] s = a.columnSums();
            for (int j = 0; j < p; j++) {
                mean[j] = s[j] / n;
            }
        }
        double ym = icpt ? LassoCertificate.mean(pr.y()) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = pr.y()[i] - ym;
        }
        double[] tmp = new double[n];
        double lip = Fista.powerIteration((v, w) -> {
            double[] av = SolverHelpers.residual(a, v, new double[n], mean, icpt);
            for (int i = 0; i < n; i++) {
                av[i] = -av[i];
            }
            a.transposeTimes(av, w);
            if (icpt) {
                double s = 0;
                for (double q : av) {
                    s += q;
                }
                for (int j = 0; j < p; j++) {
                    w[j] -= mean[j] * s;
                }
            }
        }, p, 500, 12345L) * LIPSCHITZ_SAFETY;
        double beta = pr.beta();
        Fista.Smooth f = (z, g) -> {
            double[] r = SolverHelpers.residual(a, z, yc, mean, icpt);
            a.transposeTimes(r, g);
            double s = 0;
            double rr = 0;
            for (double q : r) {
                s += q;
                rr += q * q;
            }
            for (int j = 0; j < p; j++) {
                g[j] = -(g[j] - mean[j] * s);
            }
            return 0.5 * rr;
        };
        Fista.Prox prox = new Fista.Prox() {
            @Override
            public double value(double[] z) {
                return beta * SolverHelpers.l1(z);
            }

            @Override
            public void apply(double[] v, double step, double[] out) {
                double thr = beta * step;
                for (int j = 0; j < v.length; j++) {
                    double q = v[j];
                    out[j] = q > thr ? q - thr : (q < -thr ? q + thr : 0);
                }
            }
        };
        List<double[]> hist = new ArrayList<>();
        LassoCertificate[] last = new LassoCertificate[1];
        Fista.Monitor mon = (k, z) -> {
            LassoCertificate c = LassoCertificate.of(pr, z);
            last[0] = c;
            hist.add(new double[] {k, c.relativeGap()});
            return c.relativeGap() <= opt.tolerance();
        };
        double[] z0 = warmStart == null ? new double[p] : warmStart.clone();
        Fista.Options fo = new Fista.Options(opt.maxIterations(), 0, lip, true, CHECK_EVERY);
        Fista.Result res = Fista.minimize(f, prox, z0, fo, mon);
        LassoCertificate c = LassoCertificate.of(pr, res.x());
        double[] gi = new double[hist.size()];
        double[] gh = new double[hist.size()];
        for (int i = 0; i < hist.size(); i++) {
            gi[i] = hist.get(i)[0];
            gh[i] = hist.get(i)[1];
        }
        return new LassoSolution(res.x(), c.intercept(), c.primal(), c.dual(), c.relativeGap(), c.dualRatio(),
                res.iterations(), c.relativeGap() <= opt.tolerance(), gi, gh, 0, (System.nanoTime() - start) / 1e9);
    }
}
