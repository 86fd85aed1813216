package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.solvers.NonNegativeLeastSquares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cone decomposition of a gated-ReLU solution into a ReLU network (Mishkin, Sahiner and Pilanci 2022, "Fast convex
 * optimization for two-layer ReLU networks", §3): each gated neuron u (pattern D of its gate g on the training data,
 * signs s_r = 2D_rr − 1) is split as u = v − w with v and w in the cone K = {z : s_r x̃_rᵀz ≥ 0 for every sample r}.
 * Then on every training sample 1[g ≥ 0]x̃ᵀu = (x̃ᵀv)₊ − (x̃ᵀw)₊, so the ReLU network with neurons v (output +1) and
 * w (output −1) gives the gated network's predictions on the training data exactly; elsewhere it may differ.
 *
 * <p>Per neuron: when u ∈ K (or −u ∈ K) the split is u = u − 0 (or 0 − (−u)), optimal for ‖v‖₂ + ‖w‖₂ by the
 * triangle inequality. Otherwise v minimises ‖v‖₂² + ‖w‖₂² = 2‖v − u/2‖₂² + ½‖u‖₂² subject to s_r x̃_rᵀv ≥
 * max(0, s_r x̃_rᵀu) (both cone constraints with w = v − u): a least-distance program, solved exactly by
 * non-negative least squares (Lawson and Hanson 1974, ch. 23: min ‖z‖ s.t. Gz ≥ h via NNLS on [Gᵀ; hᵀ]λ ≈ e_{q+1}).
 * This is a small convex problem per neuron as in the paper; it minimises the squared norms, not MSP's ‖v‖ + ‖w‖.
 *
 * <p>Within √2 of the best split: if (v*, w*) minimises ‖v‖ + ‖w‖ = S*, the split here has ‖v‖² + ‖w‖² ≤ S*², hence
 * ‖v‖ + ‖w‖ ≤ √2·S*. With extra inputs (a held-out set), their cone constraints are added, so the network reproduces
 * the gated predictions there too (at a larger penalty).
 *
 * <p>The written network: one hidden ReLU layer holding the nonzero v's and w's, each rescaled to balance
 * (weights/√t, output ±√t with t = ‖weights‖₂, which leaves the function unchanged), and the standardisation of the
 * gated model folded into the first layer, so the network takes raw inputs.
 */
public final class ConeDecomposition {
    /** Largest deviation from the gated predictions, relative to 1 + max|f|, at which the decomposition counts as exact. */
    public static final double EXACT_TOL = 1e-9;

    private ConeDecomposition() {
    }

    /**
     * @param network the ReLU network (raw inputs, c outputs, output biases 0)
     * @param objective ½‖f(X) − Y‖²_F + β Σ(‖v‖₂ + ‖w‖₂), the gated program's scaling (bias coordinate penalised)
     * @param penalty β Σ(‖v‖₂ + ‖w‖₂)
     * @param maxDeviation max over the training samples (and the extra inputs) and outputs of |f_ReLU − f_gated| / (1 + max|f_gated|)
     * @param exact whether maxDeviation ≤ {@link #EXACT_TOL} (the ReLU network reproduces the gated one on the data)
     * @param neurons hidden ReLU units
     * @param split gated neurons that needed the least-distance program (u ∉ ±K)
     * @param failed gated neurons whose program had no solution or did not converge (left as v = u, w = 0)
     */
    public record Result(Mlp network, double objective, double penalty, double maxDeviation, boolean exact, int neurons,
                         int split, int failed) {
    }

    /**
     * Decomposes every neuron of {@code g} on the training inputs x (raw, as the model takes them), with targets y (n×c).
     *
     * @param extra further inputs on which the ReLU network must reproduce the gated one (their cone constraints are
     *     added; e.g. a held-out set), or null
     */
    public static Result decompose(GatedNetwork g, Matrix x, Matrix y, Matrix extra, double beta, Budget budget) {
        Matrix all = extra == null ? x : stack(x, extra);
        Matrix a = g.features(all);
        boolean[][] on = g.pattern(all);
        int n = a.rows();
        int q = a.cols();
        int m = g.width();
        int c = g.outputDim();
        double[] u = g.weights();
        List<double[]> units = new ArrayList<>();
        List<double[]> outs = new ArrayList<>();
        double pen = 0;
        int split = 0;
        int failed = 0;
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < m; i++) {
                budget.report("convex fit: cone decomposition", (long) k * m + i, (long) c * m, "");
                double[] ui = Arrays.copyOfRange(u, (k * m + i) * q, (k * m + i + 1) * q);
                if (norm(ui) == 0) {
                    continue;
                }
                double[] s = new double[n];
                for (int r = 0; r < n; r++) {
                    s[r] = on[r][i] ? 1 : -1;
                }
                double[][] vw = split(a, s, ui);
                if (vw == null) {
                    failed++;
                    vw = new double[][] {ui, new double[q]};
                } else if (norm(vw[1]) > 0 && norm(vw[0]) > 0) {
                    split++;
                }
                for (int t = 0; t < 2; t++) {
                    double nv = norm(vw[t]);
                    if (nv > 0) {
                        pen += beta * nv;
                        units.add(vw[t]);
                        double[] o = new double[c];
                        o[k] = t == 0 ? 1 : -1;
                        outs.add(o);
                    }
                }
            }
        }
        Mlp net = network(units, outs, g, c);
        Matrix fr = net.apply(all);
        Matrix fg = g.apply(all);
        double dev = 0;
        double loss = 0;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < c; k++) {
                dev = Math.max(dev, Math.abs(fr.get(r, k) - fg.get(r, k)));
                if (r < x.rows()) {
                    loss += 0.5 * (fr.get(r, k) - y.get(r, k)) * (fr.get(r, k) - y.get(r, k));
                }
            }
        }
        dev /= 1 + fg.maxAbs();
        return new Result(net, loss + pen, pen, dev, dev <= EXACT_TOL, units.isEmpty() ? 0 : units.size(), split, failed);
    }

    /** {v, w} with u = v − w, both in the cone of signs s; null when the least-distance program fails. */
    static double[][] split(Matrix a, double[] s, double[] u) {
        int n = a.rows();
        int q = a.cols();
        double[] su = new double[n];
        boolean inK = true;
        boolean minusInK = true;
        for (int r = 0; r < n; r++) {
            double v = 0;
            for (int j = 0; j < q; j++) {
                v += a.get(r, j) * u[j];
            }
            su[r] = s[r] * v;
            inK &= su[r] >= 0;
            minusInK &= su[r] <= 0;
        }
        if (inK) {
            return new double[][] {u.clone(), new double[q]};
        }
        if (minusInK) {
            double[] w = new double[q];
            for (int j = 0; j < q; j++) {
                w[j] = -u[j];
            }
            return new double[][] {new double[q], w};
        }
        // v = u/2 + z, min ‖z‖ s.t. s_r x̃_rᵀz ≥ max(0, su_r) − su_r/2 =: h_r; columns of E: (s_r x̃_r, h_r)
        double[] cols = new double[n * (q + 1)];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < q; j++) {
                cols[r * (q + 1) + j] = s[r] * a.get(r, j);
            }
            cols[r * (q + 1) + q] = Math.max(0, su[r]) - su[r] / 2;
        }
        double[] t = new double[q + 1];
        t[q] = 1;
        NonNegativeLeastSquares.Result res = new NonNegativeLeastSquares(cols, null, q + 1).solve(t, null);
        double[] rr = res.residual();
        if (!res.converged() || !(rr[q] < 0) || res.norm() == 0) {
            return null;
        }
        double[] v = new double[q];
        double[] w = new double[q];
        for (int j = 0; j < q; j++) {
            v[j] = u[j] / 2 - rr[j] / rr[q];
            w[j] = v[j] - u[j];
        }
        return new double[][] {v, w};
    }

    private static Mlp network(List<double[]> units, List<double[]> outs, GatedNetwork g, int c) {
        int d = g.inputDim();
        int h = Math.max(1, units.size());
        Matrix w1 = Matrix.zeros(h, d);
        double[] b1 = new double[h];
        Matrix w2 = Matrix.zeros(c, h);
        double[] mean = g.mean();
        double[] scale = g.scale();
        for (int j = 0; j < units.size(); j++) {
            double[] v = units.get(j);
            double t = 0;
            for (int p = 0; p < d; p++) {
                t += v[p] * v[p];
            }
            double sc = t > 0 ? Math.sqrt(Math.sqrt(t)) : 1;
            double bias = g.bias() ? v[d] : 0;
            for (int p = 0; p < d; p++) {
                double wp = mean == null ? v[p] : v[p] / scale[p];
                w1.set(j, p, wp / sc);
                bias -= mean == null ? 0 : v[p] * mean[p] / scale[p];
            }
            b1[j] = bias / sc;
            for (int k = 0; k < c; k++) {
                w2.set(k, j, outs.get(j)[k] * sc);
            }
        }
        return new Mlp(List.of(new Layer(w1, b1, Activation.RELU), new Layer(w2, new double[c], Activation.IDENTITY)));
    }

    private static Matrix stack(Matrix x, Matrix z) {
        if (z.cols() != x.cols()) {
            throw new IllegalArgumentException("extra inputs have " + z.cols() + " columns, the data " + x.cols());
        }
        double[] d = Arrays.copyOf(x.data(), x.data().length + z.data().length);
        System.arraycopy(z.data(), 0, d, x.data().length, z.data().length);
        return new Matrix(x.rows() + z.rows(), x.cols(), d);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
