package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The symmetry moves of the explicit minimizer family (digest §2, "degeneracy") that act on a built network
 * directly, and the local rank structure at a zero-cost minimizer. The moves that change a construction choice
 * (order, normal, θ, cone slope, simplex frame, identity layers) are options of {@link BuildOptions}.
 */
public final class Degeneracy {
    private Degeneracy() {
    }

    /**
     * Output null-space shift: [W | b] → [W | b] + v nᵀ with n ≠ 0 and n·(h_j, 1) = 0 for the final hidden
     * representation h_j of every class, scaled so that |v| = {@code size}. The Q representatives lie on a
     * hyperplane of R^{Q+1}, so n exists; each class output is unchanged.
     */
    public static Mlp outputShift(Mlp net, ClusteredData data, double size, SplittableRandom rng) {
        int q = data.classes();
        Mlp hidden = new Mlp(net.layers().subList(0, net.layerCount() - 1));
        Matrix h = hidden.apply(data.x());
        Matrix reps = Matrix.zeros(q, q + 1);
        for (int j = 0; j < q; j++) {
            int r0 = data.indicesOf(j)[0];
            for (int i = 0; i < q; i++) {
                reps.set(j, i, h.get(r0, i));
            }
            reps.set(j, q, 1);
        }
        Matrix ns = Linalg.nullSpace(reps);
        double[] n = ns.colArray(0);
        Layer out = net.layer(net.layerCount() - 1);
        double[] v = LocalMinima.randomUnit(out.outputs(), rng);
        Matrix w = out.weight();
        double[] b = out.bias();
        for (int k = 0; k < out.outputs(); k++) {
            for (int i = 0; i < q; i++) {
                w.set(k, i, w.get(k, i) + size * v[k] * n[i]);
            }
            b[k] += size * v[k] * n[q];
        }
        return net.withLayer(net.layerCount() - 1, new Layer(w, b, out.activation()));
    }

    /**
     * ReLU rescaling symmetry between every pair of consecutive layers: W_ℓ → D W_ℓ, b_ℓ → D b_ℓ,
     * W_{ℓ+1} → W_{ℓ+1} D⁻¹ with D positive diagonal, entries log-uniform in [1/4, 4].
     */
    public static Mlp rescale(Mlp net, SplittableRandom rng) {
        List<Layer> ls = new ArrayList<>(net.layers());
        for (int l = 0; l < ls.size() - 1; l++) {
            Layer a = ls.get(l);
            Layer b = ls.get(l + 1);
            double[] d = new double[a.outputs()];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp((2 * rng.nextDouble() - 1) * Math.log(4));
            }
            Matrix wa = a.weight();
            double[] ba = a.bias();
            for (int i = 0; i < d.length; i++) {
                for (int k = 0; k < wa.cols(); k++) {
                    wa.set(i, k, wa.get(i, k) * d[i]);
                }
                ba[i] *= d[i];
            }
            Matrix wb = b.weight();
            for (int r = 0; r < wb.rows(); r++) {
                for (int i = 0; i < d.length; i++) {
                    wb.set(r, i, wb.get(r, i) / d[i]);
                }
            }
            ls.set(l, new Layer(wa, ba, a.activation()));
            ls.set(l + 1, new Layer(wb, b.bias(), b.activation()));
        }
        return new Mlp(ls);
    }

    /**
     * Random perturbation of every hidden parameter by ε·(standard normal), followed by the least-squares refit
     * of the output layer on the perturbed hidden representations. While the activation pattern on the data
     * is unchanged, every collapsed class stays one point and the refit cost stays zero.
     */
    public static Mlp perturbHiddenAndRefit(Mlp net, ClusteredData data, double eps, SplittableRandom rng) {
        List<Layer> ls = new ArrayList<>();
        for (int l = 0; l < net.layerCount() - 1; l++) {
            Layer a = net.layer(l);
            Matrix w = a.weight();
            double[] b = a.bias();
            for (int i = 0; i < w.rows(); i++) {
                for (int k = 0; k < w.cols(); k++) {
                    w.set(i, k, w.get(i, k) + eps * Seeds.gaussian(rng));
                }
                b[i] += eps * Seeds.gaussian(rng);
            }
            ls.add(new Layer(w, b, a.activation()));
        }
        Matrix h = new Mlp(ls).apply(data.x());
        Matrix coef = Linalg.lstsq(Shallow.withOnes(h), data.extendedTargets()); // (Q+1)×D
        Layer out = net.layer(net.layerCount() - 1);
        Matrix w = Matrix.zeros(out.outputs(), out.inputs());
        double[] b = new double[out.outputs()];
        for (int k = 0; k < out.outputs(); k++) {
            for (int i = 0; i < out.inputs(); i++) {
                w.set(k, i, coef.get(i, k));
            }
            b[k] = coef.get(out.inputs(), k);
        }
        ls.add(new Layer(w, b, out.activation()));
        return new Mlp(ls);
    }

    /**
     * Jacobian of all N·D outputs with respect to all K parameters by central differences (step h); rows are
     * (example, output) pairs.
     */
    public static Matrix outputJacobian(Mlp net, Matrix x, double h) {
        double[] p = net.parameters();
        int k = p.length;
        int rows = x.rows() * net.outputDim();
        Matrix j = Matrix.zeros(rows, k);
        for (int i = 0; i < k; i++) {
            double old = p[i];
            p[i] = old + h;
            double[] up = net.withParameters(p).apply(x).data();
            p[i] = old - h;
            double[] dn = net.withParameters(p).apply(x).data();
            p[i] = old;
            for (int r = 0; r < rows; r++) {
                j.set(r, i, (up[r] - dn[r]) / (2 * h));
            }
        }
        return j;
    }

    /** Numerical rank with relative tolerance {@code rel}: singular values &gt; rel·σ_max. */
    public static int rank(Matrix a, double rel) {
        double[] s = Linalg.singularValues(a);
        return s.length == 0 ? 0 : Linalg.rank(a, rel * s[0]);
    }
}
