package io.nngeom.solvers;

import java.util.Arrays;

/**
 * A solver of {@link GroupLassoProblem}. The returned {@link LassoSolution} carries the flat coefficient vector
 * (groups in order), the intercept, and the duality-gap certificate of the group problem.
 */
public interface GroupLassoSolver {
    LassoSolution solve(GroupLassoProblem problem, LassoOptions options, double[] warmStart);

    default LassoSolution solve(GroupLassoProblem problem, LassoOptions options) {
        return solve(problem, options, null);
    }

    /** Residual y_c − (Σ_g B_g u_g)_c and the certificate of u (one pass over the groups). */
    static LassoCertificate certificate(GroupLassoProblem pr, double[] u) {
        BlockProvider b = pr.blocks();
        int n = b.rows();
        int[] off = b.offsets();
        double[] pred = new double[n];
        double pen = 0;
        for (int g = 0; g < b.groups(); g++) {
            double[] ug = Arrays.copyOfRange(u, off[g], off[g + 1]);
            double nn = Math.sqrt(Fista.dot(ug, ug));
            if (nn != 0) {
                b.addTimes(g, ug, pred);
                pen += nn;
            }
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = pr.y()[i] - pred[i];
        }
        double xi = 0;
        if (pr.intercept()) {
            xi = LassoCertificate.mean(r);
            for (int i = 0; i < n; i++) {
                r[i] -= xi;
            }
        }
        double maxC = 0;
        for (int g = 0; g < b.groups(); g++) {
            double[] c = new double[b.groupSize(g)];
            b.transposeTimes(g, r, c);
            maxC = Math.max(maxC, Math.sqrt(Fista.dot(c, c)));
        }
        double[] yc = pr.y().clone();
        if (pr.intercept()) {
            double m = LassoCertificate.mean(yc);
            for (int i = 0; i < n; i++) {
                yc[i] -= m;
            }
        }
        return LassoCertificate.from(pr.beta(), r, yc, pen, maxC, xi);
    }

    /** Block soft-thresholding: out = (1 − t/‖v‖)₊ v on [from, to). */
    static void groupShrink(double[] v, double t, double[] out, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i] * v[i];
        }
        double nv = Math.sqrt(s);
        double f = nv > t ? 1 - t / nv : 0;
        for (int i = from; i < to; i++) {
            out[i] = f * v[i];
        }
    }
}
