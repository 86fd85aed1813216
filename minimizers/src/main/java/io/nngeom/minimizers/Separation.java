package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.optim.LinearProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strict linear separation of a set C (to be collapsed) from a set O (to be kept): the clustering condition
 * (SC) of one truncation step (digest §1.5). The maximum-margin LP
 * <pre>  maximise m  s.t.  f·o − t ≥ m (o ∈ O),  t − f·z ≥ m (z ∈ C),  −1 ≤ f_i ≤ 1 </pre>
 * is solved by {@link LinearProgram} with a cutting-plane loop: the LP is first posed on the points closest to
 * the mean-difference hyperplane, and every point violating the current solution is added until none does.
 * Each restricted LP is a relaxation of the full one, so the final answer is the full LP's optimum.
 */
final class Separation {
    /** Points taken per side in the first restricted LP and added per round. */
    private static final int BATCH = 24;
    private static final int MAX_ROUNDS = 200;

    private Separation() {
    }

    /**
     * @param normal unit normal f (2-norm 1) of the max-margin hyperplane, pointing from C to O
     * @param lpMargin the LP's optimal m (∞-norm bound on f); ≤ 0 means C and O cannot be separated strictly
     * @param gap min_O f·o − max_C f·z for this unit normal
     */
    record Result(double[] normal, double lpMargin, double gap) {
    }

    /** Max-margin separation of the rows of {@code c} from the rows of {@code o} (both non-empty). */
    static Result maxMargin(Matrix c, Matrix o) {
        int q = c.cols();
        double[] centre = new double[q];
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < q; k++) {
                centre[k] += c.get(r, k) / c.rows();
            }
        }
        double[] f0 = new double[q];
        for (int r = 0; r < o.rows(); r++) {
            for (int k = 0; k < q; k++) {
                f0[k] += o.get(r, k) / o.rows();
            }
        }
        for (int k = 0; k < q; k++) {
            f0[k] -= centre[k];
        }
        // first working set: the points of each side closest to the mean-difference hyperplane
        List<Integer> activeC = closest(c, f0, centre, true);
        List<Integer> activeO = closest(o, f0, centre, false);
        double[] sol = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LinearProgram lp = new LinearProgram(q + 2); // f (q), t, m
            double[] obj = new double[q + 2];
            obj[q + 1] = 1;
            lp.maximize(obj);
            for (int i = 0; i < q; i++) {
                lp.bound(i, -1, 1);
            }
            for (int r : activeO) {
                double[] row = new double[q + 2];
                for (int k = 0; k < q; k++) {
                    row[k] = o.get(r, k) - centre[k];
                }
                row[q] = -1;
                row[q + 1] = -1;
                lp.greaterEq(row, 0);
            }
            for (int r : activeC) {
                double[] row = new double[q + 2];
                for (int k = 0; k < q; k++) {
                    row[k] = -(c.get(r, k) - centre[k]);
                }
                row[q] = 1;
                row[q + 1] = -1;
                lp.greaterEq(row, 0);
            }
            LinearProgram.Result res = lp.solve();
            if (!res.optimal()) {
                throw new ArithmeticException("separation LP ended " + res.status());
            }
            sol = res.x();
            double m = sol[q + 1];
            double[] f = Arrays.copyOf(sol, q);
            double t = sol[q];
            List<Integer> addO = violators(o, f, t, m, centre, activeO, false);
            List<Integer> addC = violators(c, f, t, m, centre, activeC, true);
            if (addO.isEmpty() && addC.isEmpty()) {
                break;
            }
            activeO.addAll(addO);
            activeC.addAll(addC);
        }
        double[] f = Arrays.copyOf(sol, q);
        double lpMargin = sol[q + 1];
        double norm = Linalg.norm2(f);
        if (norm == 0) {
            return new Result(unit(f0), lpMargin, gap(c, o, unit(f0)));
        }
        for (int k = 0; k < q; k++) {
            f[k] /= norm;
        }
        return new Result(f, lpMargin, gap(c, o, f));
    }

    /** min_O f·o − max_C f·z. */
    static double gap(Matrix c, Matrix o, double[] f) {
        double hc = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < c.rows(); r++) {
            hc = Math.max(hc, Linalg.dot(f, c.rowArray(r)));
        }
        double ho = Double.POSITIVE_INFINITY;
        for (int r = 0; r < o.rows(); r++) {
            ho = Math.min(ho, Linalg.dot(f, o.rowArray(r)));
        }
        return ho - hc;
    }

    static double[] unit(double[] v) {
        double n = Linalg.norm2(v);
        double[] u = v.clone();
        if (n > 0) {
            for (int k = 0; k < u.length; k++) {
                u[k] /= n;
            }
        } else {
            u[0] = 1;
        }
        return u;
    }

    private static List<Integer> closest(Matrix pts, double[] f, double[] centre, boolean collapseSide) {
        int n = pts.rows();
        Integer[] idx = new Integer[n];
        double[] h = new double[n];
        for (int r = 0; r < n; r++) {
            idx[r] = r;
            double s = 0;
            for (int k = 0; k < f.length; k++) {
                s += f[k] * (pts.get(r, k) - centre[k]);
            }
            h[r] = collapseSide ? -s : s; // small = close to the other side
        }
        Arrays.sort(idx, (a, b) -> Double.compare(h[a], h[b]));
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < Math.min(BATCH, n); r++) {
            out.add(idx[r]);
        }
        return out;
    }

    private static List<Integer> violators(Matrix pts, double[] f, double t, double m, double[] centre,
                                           List<Integer> active, boolean collapseSide) {
        int n = pts.rows();
        boolean[] in = new boolean[n];
        for (int r : active) {
            in[r] = true;
        }
        double tol = 1e-9 * (1 + Math.abs(m));
        List<double[]> viol = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (in[r]) {
                continue;
            }
            double s = 0;
            for (int k = 0; k < f.length; k++) {
                s += f[k] * (pts.get(r, k) - centre[k]);
            }
            double slack = collapseSide ? (t - s) - m : (s - t) - m;
            if (slack < -tol) {
                viol.add(new double[] {slack, r});
            }
        }
        viol.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(BATCH, viol.size()); i++) {
            out.add((int) viol.get(i)[1]);
        }
        return out;
    }
}
