package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.solvers.Fista;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The exact convex program of Pilanci and Ergen (2020) in the conventions of this project (free output bias ξ,
 * unpenalised hidden biases, penalty norm p on the weight part):
 *
 * <pre>min ½‖Σ_i D_i X̃(v_i − w_i) + ξ1 − y‖² + β Σ_i(‖v_i^w‖_p + ‖w_i^w‖_p)  s.t. (2D_i − I)X̃ v_i ≥ 0, (2D_i − I)X̃ w_i ≥ 0</pre>
 *
 * with X̃ = [X, 1] and v^w the weight part. Solved by an augmented Lagrangian whose subproblems are solved by
 * {@link Fista} with backtracking and restart (the scheme of scnn's AL solver, Mishkin et al. 2022):
 * L = F + (δ/2)Σ‖(γ_i/δ − G_i v_i)₊‖², multipliers γ ← (γ − δ G v)₊, δ doubled while the constraint violation
 * does not fall by {@link #VIOLATION_DECREASE}. The value reported is that of the recovered ReLU network
 * (neuron v/√‖v^w‖_p, output weight ±√‖v^w‖_p), a feasible network and hence an upper bound on the optimum even
 * when the constraints are met only to solver accuracy.
 */
public final class ExactProgram {
    /** δ is doubled when an AL step reduces the maximum violation by less than this factor. */
    public static final double VIOLATION_DECREASE = 0.25;
    /** Constraint violation (relative to max|X̃|·max‖u‖) at which the AL stops. */
    public static final double VIOLATION_TOL = 1e-11;
    /** Final gradient-mapping tolerance of the subproblems, relative to 1 + ‖y_c‖ (loosened from 1e-4 by 10× per AL step). */
    public static final double INNER_TOL = 1e-11;

    private ExactProgram() {
    }

    /**
     * @param network the recovered 2-layer ReLU network
     * @param convexObjective the AL's convex objective (with D_i, not the ReLU)
     * @param nnObjective the network objective of {@code network} (upper bound on P_NN)
     * @param violation final max constraint violation
     * @param patterns number of patterns used
     * @param active number of nonzero (v_i, w_i) blocks, i.e. the network width
     */
    public record Result(Mlp network, double convexObjective, double nnObjective, double violation,
                         int patterns, int active, int iterations, List<double[]> history) {
    }

    /** Solves the program over the given patterns. */
    public static Result solve(Matrix x, double[] y, double beta, PenaltyNorm norm, boolean bias, List<BitSet> patterns,
                               int maxInner, int maxOuter) {
        return solve(x, y, beta, norm, bias, patterns, maxInner, maxOuter, Budget.NONE);
    }

    /** As {@link #solve(Matrix, double[], double, PenaltyNorm, boolean, List, int, int)}, stopping at the budget's deadline. */
    public static Result solve(Matrix x, double[] y, double beta, PenaltyNorm norm, boolean bias, List<BitSet> patterns,
                               int maxInner, int maxOuter, Budget budget) {
        Matrix xa = ArrangementPatterns.augmented(x, bias);
        int n = x.rows();
        int d = x.cols();
        int q = xa.cols();
        int pc = patterns.size();
        boolean[][] mask = new boolean[pc][n];
        for (int i = 0; i < pc; i++) {
            for (int k = 0; k < n; k++) {
                mask[i][k] = patterns.get(i).get(k);
            }
        }
        boolean icpt = bias;
        double ym = icpt ? mean(y) : 0;
        double[] yc = new double[n];
        for (int k = 0; k < n; k++) {
            yc[k] = y[k] - ym;
        }
        int blocks = 2 * pc; // v_i then w_i
        int dim = blocks * q;
        double[] xd = xa.data();
        double[] gamma = new double[blocks * n];
        double[] delta = {1.0};
        double[] u = new double[dim];
        Fista.Smooth f = (uu, g) -> {
            double[] pred = new double[n];
            double[] z = new double[n];
            double alv = 0;
            Arrays.fill(g, 0);
            double[][] xu = new double[blocks][];
            for (int bl = 0; bl < blocks; bl++) {
                int o = bl * q;
                double[] v = new double[n];
                boolean nz = false;
                for (int c = 0; c < q; c++) {
                    nz |= uu[o + c] != 0;
                }
                if (nz) {
                    for (int k = 0; k < n; k++) {
                        double s = 0;
                        for (int c = 0; c < q; c++) {
                            s += xd[k * q + c] * uu[o + c];
                        }
                        v[k] = s;
                    }
                }
                xu[bl] = v;
                int pat = bl % pc;
                double sign = bl < pc ? 1 : -1;
                for (int k = 0; k < n; k++) {
                    if (mask[pat][k]) {
                        pred[k] += sign * v[k];
                    }
                }
            }
            double pm = icpt ? mean(pred) : 0;
            double rr = 0;
            for (int k = 0; k < n; k++) {
                z[k] = pred[k] - pm - yc[k];
                rr += z[k] * z[k];
            }
            for (int bl = 0; bl < blocks; bl++) {
                int o = bl * q;
                int pat = bl % pc;
                double sign = bl < pc ? 1 : -1;
                double dl = delta[0];
                for (int k = 0; k < n; k++) {
                    double s2 = mask[pat][k] ? 1 : -1;
                    double coef = mask[pat][k] ? sign * z[k] : 0;
                    double h = gamma[bl * n + k] / dl - s2 * xu[bl][k];
                    if (h > 0) {
                        alv += 0.5 * dl * h * h;
                        coef -= dl * h * s2;
                    }
                    if (coef != 0) {
                        for (int c = 0; c < q; c++) {
                            g[o + c] += coef * xd[k * q + c];
                        }
                    }
                }
            }
            return 0.5 * rr + alv;
        };
        int wdim = d;
        Fista.Prox prox = new Fista.Prox() {
            @Override
            public double value(double[] uu) {
                double s = 0;
                for (int bl = 0; bl < blocks; bl++) {
                    s += norm.norm(Arrays.copyOfRange(uu, bl * q, bl * q + wdim));
                }
                return beta * s;
            }

            @Override
            public void apply(double[] v, double step, double[] out) {
                System.arraycopy(v, 0, out, 0, v.length);
                double t = beta * step;
                for (int bl = 0; bl < blocks; bl++) {
                    int o = bl * q;
                    if (norm == PenaltyNorm.L1) {
                        for (int c = 0; c < wdim; c++) {
                            double a = v[o + c];
                            out[o + c] = a > t ? a - t : (a < -t ? a + t : 0);
                        }
                    } else {
                        double s = 0;
                        for (int c = 0; c < wdim; c++) {
                            s += v[o + c] * v[o + c];
                        }
                        double nv = Math.sqrt(s);
                        double fct = nv > t ? 1 - t / nv : 0;
                        for (int c = 0; c < wdim; c++) {
                            out[o + c] = fct * v[o + c];
                        }
                    }
                }
            }
        };
        List<double[]> hist = new ArrayList<>();
        double lastViol = Double.POSITIVE_INFINITY;
        int iters = 0;
        double viol = 0;
        double lip = -1;
        double innerTol = 1e-4 * (1 + norm2(yc));
        for (int outer = 0; outer < maxOuter; outer++) {
            Fista.Options fo = new Fista.Options(maxInner, innerTol, lip, true, 1_000_000);
            Fista.Options fb = budget.limited() ? new Fista.Options(maxInner, innerTol, lip, true, 100) : fo;
            Fista.Result res = Fista.minimize(f, prox, u, fb, budget.limited() ? (k, it) -> budget.expired() : null);
            u = res.x();
            iters += res.iterations();
            viol = 0;
            double scale = 0;
            for (int bl = 0; bl < blocks; bl++) {
                int pat = bl % pc;
                for (int k = 0; k < n; k++) {
                    double s = 0;
                    for (int c = 0; c < q; c++) {
                        s += xd[k * q + c] * u[bl * q + c];
                    }
                    double gv = (mask[pat][k] ? 1 : -1) * s;
                    viol = Math.max(viol, -gv);
                    scale = Math.max(scale, Math.abs(s));
                    gamma[bl * n + k] = Math.max(gamma[bl * n + k] - delta[0] * gv, 0);
                }
            }
            hist.add(new double[] {iters, res.value(), viol});
            budget.report("convex fit: augmented Lagrangian over " + pc + " patterns", outer + 1, maxOuter,
                    "objective %.6g constraint violation %.2e", res.value(), viol);
            if (budget.expired()) {
                break;
            }
            boolean tight = innerTol <= INNER_TOL * (1 + norm2(yc));
            if (viol <= VIOLATION_TOL * Math.max(scale, 1e-300) && res.converged() && tight) {
                break;
            }
            innerTol = Math.max(innerTol * 0.1, INNER_TOL * (1 + norm2(yc)));
            if (viol > VIOLATION_DECREASE * lastViol) {
                delta[0] *= 2;
            }
            lastViol = viol;
        }
        // recover the network from v_i (α > 0) and w_i (α < 0)
        List<double[]> neurons = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (int bl = 0; bl < blocks; bl++) {
            double[] ub = Arrays.copyOfRange(u, bl * q, bl * q + q);
            double nw = norm.norm(Arrays.copyOf(ub, d));
            if (nw > 0) {
                double s = Math.sqrt(nw);
                double[] nb = new double[q];
                for (int c = 0; c < q; c++) {
                    nb[c] = ub[c] / s;
                }
                neurons.add(nb);
                alphas.add(bl < pc ? s : -s);
            }
        }
        int m = Math.max(1, neurons.size());
        Matrix w = Matrix.zeros(m, d);
        double[] b = new double[m];
        Matrix al = Matrix.zeros(1, m);
        for (int j = 0; j < neurons.size(); j++) {
            for (int c = 0; c < d; c++) {
                w.set(j, c, neurons.get(j)[c]);
            }
            b[j] = bias ? neurons.get(j)[d] : 0;
            al.set(0, j, alphas.get(j));
        }
        Mlp net = TwoLayer.of(w, b, al, 0);
        double xi = 0;
        if (icpt) {
            Matrix fx = net.apply(x);
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += y[k] - fx.get(k, 0);
            }
            xi = s / n;
            net = TwoLayer.of(w, b, al, xi);
        }
        double nnObj = TwoLayer.objective(net, x, y, beta, norm);
        // convex objective at u (with the D_i)
        double[] pred = new double[n];
        double pen = 0;
        for (int bl = 0; bl < blocks; bl++) {
            int pat = bl % pc;
            double sign = bl < pc ? 1 : -1;
            for (int k = 0; k < n; k++) {
                if (mask[pat][k]) {
                    double s = 0;
                    for (int c = 0; c < q; c++) {
                        s += xd[k * q + c] * u[bl * q + c];
                    }
                    pred[k] += sign * s;
                }
            }
            pen += norm.norm(Arrays.copyOfRange(u, bl * q, bl * q + d));
        }
        double pm = icpt ? mean(pred) : 0;
        double rr = 0;
        for (int k = 0; k < n; k++) {
            double r = pred[k] - pm - yc[k];
            rr += r * r;
        }
        return new Result(net, 0.5 * rr + beta * pen, nnObj, viol, pc, neurons.size(), iters, hist);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s / v.length;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
