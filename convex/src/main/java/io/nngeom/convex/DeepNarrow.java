package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deep narrow (parallel) ReLU networks on 1-D inputs, the architecture of Zeger et al. (arXiv 2403.01046): a sum of
 * m width-1 ReLU chains of depth L plus a free output bias,
 *
 * <pre>
 *   f(x) = ξ + Σ_i α_i h^{(i)}_{L−1}(x),   h^{(i)}_0 = x,   h^{(i)}_l = (w^{(i)}_l h^{(i)}_{l−1} + b^{(i)}_l)₊,
 * </pre>
 *
 * trained on ½‖f(X) − y‖² + (β/L)Σ|θ|^L over all non-bias weights θ (every w^{(i)}_l and α_i); the biases and ξ are
 * free. As an {@link Mlp} this is 1→m→m→…→m→1 with diagonal hidden-to-hidden layers, so it is written and read
 * like every other model (`.json`, `.safetensors`).
 *
 * <p><b>Recovery.</b> A Lasso solution z over unit chains ({@link DeepDictionary}) becomes the network whose chain i
 * has all weights of magnitude γ_i = |z_i|^{1/L}: w_l = γ s_l, b_l = −s_l c_l γ^{l+1} (l = 0 … L−2), α = sign(z)γ. By positive
 * homogeneity of the ReLU the chain computes z_i·(unit chain), and its penalty is (β/L)·L·γ^L = β|z_i|, so the
 * network objective equals the Lasso objective (the AM–GM rescaling of the paper).
 */
public final class DeepNarrow {
    private DeepNarrow() {
    }

    /** The network objective ½‖f(X) − y‖² + (β/L)Σ|θ|^L of a deep narrow network with L = number of layers. */
    public static double objective(Mlp m, Matrix x, double[] y, double beta) {
        check(m);
        Matrix f = m.apply(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = f.get(i, 0) - y[i];
            s += r * r;
        }
        return 0.5 * s + beta * penalty(m);
    }

    /** (1/L)Σ|θ|^L over every weight-matrix entry (biases excluded), L = layer count. */
    public static double penalty(Mlp m) {
        int depth = m.layerCount();
        double pen = 0;
        for (Layer l : m.layers()) {
            for (double v : l.weight().data()) {
                pen += Math.pow(Math.abs(v), depth);
            }
        }
        return pen / depth;
    }

    /**
     * Throws an {@link InputException} unless m is a deep narrow network: input 1, hidden layers of one width m with
     * ReLU, hidden-to-hidden weights diagonal, one linear output.
     */
    public static void check(Mlp m) {
        int[] sizes = m.sizes();
        boolean ok = m.inputDim() == 1 && m.outputDim() == 1 && m.layerCount() >= 2
                && m.layer(m.layerCount() - 1).activation().id().equals("identity");
        for (int l = 0; ok && l < m.layerCount() - 1; l++) {
            Layer h = m.layer(l);
            ok = h.activation().id().equals("relu") && sizes[l + 1] == sizes[1];
            if (ok && l > 0) {
                for (int i = 0; i < h.outputs() && ok; i++) {
                    for (int j = 0; j < h.inputs() && ok; j++) {
                        ok = i == j || h.w(i, j) == 0;
                    }
                }
            }
        }
        if (!ok) {
            throw new InputException("model: expected a deep narrow ReLU network 1-m-...-m-1 with diagonal hidden-to-hidden "
                    + "layers, got " + m.architecture());
        }
    }

    /** Recovers the deep narrow network of a Lasso solution z with intercept ξ over a deep dictionary. */
    public static Mlp recover(DeepDictionary dict, double[] z, double xi) {
        int depth = dict.depth();
        List<double[]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        List<Double> as = new ArrayList<>();
        for (int j = 0; j < z.length; j++) {
            if (z[j] == 0) {
                continue;
            }
            double g = Math.pow(Math.abs(z[j]), 1.0 / depth);
            double[] s = dict.signs(j);
            double[] c = dict.levels(j);
            double[] w = new double[depth - 1];
            double[] b = new double[depth - 1];
            double gl = 1;
            for (int l = 0; l < depth - 1; l++) {
                gl *= g;
                w[l] = g * s[l];
                b[l] = -s[l] * c[l] * gl;
            }
            ws.add(w);
            bs.add(b);
            as.add(Math.signum(z[j]) * g);
        }
        int m = Math.max(ws.size(), 1);
        double[][] w = new double[depth][m];
        double[][] b = new double[depth - 1][m];
        for (int i = 0; i < ws.size(); i++) {
            for (int l = 0; l < depth - 1; l++) {
                w[l][i] = ws.get(i)[l];
                b[l][i] = bs.get(i)[l];
            }
            w[depth - 1][i] = as.get(i);
        }
        return new Chains(w, b, xi).toMlp();
    }

    /**
     * A deep narrow network as arrays: w[l][i] for l = 0 … L−1 (w[L−1] are the output weights α), b[l][i] for
     * l = 0 … L−2, and ξ.
     */
    public record Chains(double[][] w, double[][] b, double xi) {
        public int depth() {
            return w.length;
        }

        public int width() {
            return w[0].length;
        }

        /** The equivalent {@link Mlp} 1→m→…→m→1 with diagonal hidden-to-hidden layers. */
        public Mlp toMlp() {
            int depth = depth();
            int m = width();
            Activation relu = Activation.parse("relu");
            List<Layer> layers = new ArrayList<>();
            Matrix first = Matrix.zeros(m, 1);
            for (int i = 0; i < m; i++) {
                first.set(i, 0, w[0][i]);
            }
            layers.add(new Layer(first, b[0].clone(), relu));
            for (int l = 1; l < depth - 1; l++) {
                layers.add(new Layer(Matrix.diag(w[l].clone()), b[l].clone(), relu));
            }
            Matrix out = Matrix.zeros(1, m);
            for (int i = 0; i < m; i++) {
                out.set(0, i, w[depth - 1][i]);
            }
            layers.add(new Layer(out, new double[] {xi}, Activation.parse("identity")));
            return new Mlp(layers);
        }
    }

    /**
     * Options of {@link #train}.
     *
     * @param depth L ≥ 2
     * @param width number of chains m
     * @param stepsPerPhase full-batch Adam steps per learning-rate phase
     * @param learningRate initial Adam step; each of {@code phases} phases divides it by 10
     * @param phases number of phases
     * @param seed seed of the initialisation
     */
    public record TrainOptions(int depth, int width, int stepsPerPhase, double learningRate, int phases, long seed) {
        public TrainOptions {
            if (depth < 2 || width < 1 || stepsPerPhase < 0 || phases < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("bad deep narrow training options");
            }
        }
    }

    /**
     * Trains a deep narrow network on ½‖f(X) − y‖² + (β/L)Σ|θ|^L by full-batch Adam (β₁ = 0.9, β₂ = 0.999,
     * ε = 1e-8) with a step-decayed learning rate, from a random initialisation: weights N(0, 1)·0.5 in every
     * layer, first-layer breakpoints uniform over the sample range, deeper biases N(0, 0.1²), ξ = mean(y).
     * The gradient is exact back-propagation through the chains (ReLU derivative 0 at 0).
     */
    public static Chains train(Matrix x, double[] y, double beta, TrainOptions o) {
        int depth = o.depth();
        int m = o.width();
        int n = y.length;
        double[] xs = x.colArray(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double ym = 0;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, xs[i]);
            hi = Math.max(hi, xs[i]);
            ym += y[i] / n;
        }
        SplittableRandom rng = Seeds.rng(o.seed());
        double[][] w = new double[depth][m];
        double[][] b = new double[depth - 1][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < depth; l++) {
                w[l][i] = 0.5 * Seeds.gaussian(rng);
            }
            double t = lo + (hi - lo) * rng.nextDouble();
            b[0][i] = -w[0][i] * t;
            for (int l = 1; l < depth - 1; l++) {
                b[l][i] = 0.1 * Seeds.gaussian(rng);
            }
        }
        // parameters packed: w (depth·m), b ((depth−1)·m), ξ
        int np = depth * m + (depth - 1) * m + 1;
        double[] p = new double[np];
        for (int l = 0; l < depth; l++) {
            System.arraycopy(w[l], 0, p, l * m, m);
        }
        for (int l = 0; l < depth - 1; l++) {
            System.arraycopy(b[l], 0, p, depth * m + l * m, m);
        }
        p[np - 1] = ym;
        double[] g = new double[np];
        double[] mom = new double[np];
        double[] vel = new double[np];
        double[] h = new double[depth];
        double[] u = new double[depth];
        double b1 = 0.9;
        double b2 = 0.999;
        double b1t = 1;
        double b2t = 1;
        double lr = o.learningRate();
        for (int ph = 0; ph < o.phases(); ph++) {
            for (int step = 0; step < o.stepsPerPhase(); step++) {
                gradient(p, xs, y, beta, depth, m, g, h, u);
                b1t *= b1;
                b2t *= b2;
                for (int k = 0; k < np; k++) {
                    mom[k] = b1 * mom[k] + (1 - b1) * g[k];
                    vel[k] = b2 * vel[k] + (1 - b2) * g[k] * g[k];
                    p[k] -= lr * (mom[k] / (1 - b1t)) / (Math.sqrt(vel[k] / (1 - b2t)) + 1e-8);
                }
            }
            lr /= 10;
        }
        for (int l = 0; l < depth; l++) {
            System.arraycopy(p, l * m, w[l], 0, m);
        }
        for (int l = 0; l < depth - 1; l++) {
            System.arraycopy(p, depth * m + l * m, b[l], 0, m);
        }
        return new Chains(w, b, p[np - 1]);
    }

    /** Gradient of the objective at packed parameters p (layout of {@link #train}); returns the objective. */
    static double gradient(double[] p, double[] xs, double[] y, double beta, int depth, int m, double[] g, double[] h, double[] u) {
        Arrays.fill(g, 0);
        int bOff = depth * m;
        int xiIdx = p.length - 1;
        double loss = 0;
        double[] f = new double[xs.length];
        for (int s = 0; s < xs.length; s++) {
            double fs = p[xiIdx];
            for (int i = 0; i < m; i++) {
                double v = xs[s];
                for (int l = 0; l < depth - 1; l++) {
                    double a = p[l * m + i] * v + p[bOff + l * m + i];
                    v = a > 0 ? a : 0;
                }
                fs += p[(depth - 1) * m + i] * v;
            }
            f[s] = fs;
        }
        for (int s = 0; s < xs.length; s++) {
            double r = f[s] - y[s];
            loss += 0.5 * r * r;
            g[xiIdx] += r;
            for (int i = 0; i < m; i++) {
                h[0] = xs[s];
                for (int l = 0; l < depth - 1; l++) {
                    u[l] = p[l * m + i] * h[l] + p[bOff + l * m + i];
                    h[l + 1] = u[l] > 0 ? u[l] : 0;
                }
                int ai = (depth - 1) * m + i;
                g[ai] += r * h[depth - 1];
                double gd = r * p[ai];
                for (int l = depth - 2; l >= 0 && gd != 0; l--) {
                    if (u[l] <= 0) {
                        break;
                    }
                    g[l * m + i] += gd * h[l];
                    g[bOff + l * m + i] += gd;
                    gd *= p[l * m + i];
                }
            }
        }
        double pen = 0;
        for (int k = 0; k < depth * m; k++) {
            double a = Math.abs(p[k]);
            double pw = Math.pow(a, depth - 1);
            pen += pw * a;
            g[k] += beta * pw * Math.signum(p[k]);
        }
        return loss + beta * pen / depth;
    }
}
