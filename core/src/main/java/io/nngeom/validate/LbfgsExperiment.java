package io.nngeom.validate;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code foundation.lbfgs}: {@link io.nngeom.train.Lbfgs} through {@link Trainer} drives two small strongly
 * convex training problems to ‖∇J‖₂ ≤ {@link #GRAD_TOL}, and its minimiser matches an independent solution:
 * <ol>
 *   <li>ridge regression with a bias, as a one-layer identity network, loss ½-SSE with penalty (β/2)‖w‖²:
 *       closed form from the normal equations (X̃ᵀX̃ + β·diag(1,…,1,0))θ = X̃ᵀy, X̃ = [X 1];</li>
 *   <li>3-class softmax regression, loss cross-entropy with penalty (β/2)(‖W‖² + ‖b‖²): Newton's method with
 *       its own hand-derived gradient and Hessian (1/n)Σ(diag p − ppᵀ) ⊗ x̃x̃ᵀ + βI.</li>
 * </ol>
 * For a μ-strongly convex J, ‖θ − θ*‖₂ ≤ (‖∇J(θ)‖₂ + ‖∇J(θ*)‖₂)/μ, with μ the least Hessian eigenvalue (ridge)
 * or β (softmax); the distance must lie within that bound plus {@link #ROUNDING} for rounding in the evaluations.
 */
public final class LbfgsExperiment implements Experiment {
    /** Gradient-norm target of issue 2 (deliverable 4). */
    public static final double GRAD_TOL = 1e-10;
    /** Allowance for rounding in evaluating gradients and solutions: 1e-12·max(1, ‖θ*‖₂). */
    public static final double ROUNDING = 1e-12;

    @Override
    public String name() {
        return "foundation.lbfgs";
    }

    @Override
    public String title() {
        return "L-BFGS reaches gradient norm 1e-10 and the independent minimiser on strongly convex problems";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx);
        int n = ctx.quick() ? 60 : 500;
        int d = ctx.quick() ? 3 : 8;
        double beta = 0.1;
        b.param("examples", n).param("input dimension", d).param("beta", beta).param("gradient tolerance", GRAD_TOL)
                .param("memory", 10);
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lbfgs"));
        TrainingOptions opts = TrainingOptions.defaults(Optimizer.LBFGS).withIterations(10_000).withGradTol(GRAD_TOL);

        // 1. ridge regression
        Matrix x = gaussian(n, d, rng);
        double[] y = linearTargets(x, rng);
        Dataset ridgeData = Dataset.regression(x, new Matrix(n, 1, y));
        Mlp linear = new Mlp(List.of(new Layer(Matrix.zeros(1, d), new double[1], Activation.IDENTITY)));
        Objective ridge = Objective.of(Loss.HALF_SSE, Penalty.l2(beta));
        TrainingResult rr = Trainer.train(linear, ridgeData, ridge, opts);
        Matrix xt = new Matrix(n, d + 1, augment(x));
        Matrix h = Linalg.multTransA(xt, xt);
        for (int j = 0; j < d; j++) {
            h.set(j, j, h.get(j, j) + beta);
        }
        double[] rhs = Linalg.multTransA(xt, Matrix.column(y)).colArray(0);
        double[] star = Linalg.solve(h, Matrix.column(rhs)).colArray(0);
        double[] hs = h.times(star);
        double resid = 0;
        for (int j = 0; j <= d; j++) {
            resid += (hs[j] - rhs[j]) * (hs[j] - rhs[j]);
        }
        double mu = Linalg.eigSym(h).values()[0];
        double ridgeDist = dist(rr.model().parameters(), star);
        double ridgeBound = (rr.gradNorm() + Math.sqrt(resid)) / mu + ROUNDING * Math.max(1, norm(star));

        // 2. softmax regression against Newton
        int k = 3;
        Matrix xs = gaussian(n, d, rng);
        int[] labels = noisyArgmaxLabels(xs, k, rng);
        Dataset cls = Dataset.classification(xs, labels, k);
        Mlp softmax = new Mlp(List.of(new Layer(Matrix.zeros(k, d), new double[k], Activation.IDENTITY)));
        Objective ce = Objective.of(Loss.SOFTMAX_CE, Penalty.l2(beta).withBiases(true));
        TrainingResult rs = Trainer.train(softmax, cls, ce, opts);
        double[] newton = new double[k * (d + 1)];
        double newtonGrad = newtonSoftmax(xs, labels, k, beta, newton);
        double ceDist = dist(rs.model().parameters(), newton);
        double ceBound = (rs.gradNorm() + newtonGrad) / beta + ROUNDING * Math.max(1, norm(newton));

        double[] it1 = toDouble(rr.history().iteration());
        double[] it2 = toDouble(rs.history().iteration());
        return b.atMost("ridge: ‖∇J‖₂ at L-BFGS result", rr.gradNorm(), GRAD_TOL)
                .atMost("ridge: ‖θ − θ*‖₂ (closed form)", ridgeDist, ridgeBound)
                .measure("ridge: iterations", rr.iterations())
                .measure("ridge: strong convexity μ", mu)
                .atMost("softmax: ‖∇J‖₂ at L-BFGS result", rs.gradNorm(), GRAD_TOL)
                .atMost("softmax: ‖θ − θ*‖₂ (Newton)", ceDist, ceBound)
                .measure("softmax: iterations", rs.iterations())
                .measure("softmax: Newton ‖∇J‖₂", newtonGrad)
                .criterion("L-BFGS (m = 10, strong Wolfe) reaches ‖∇J‖₂ ≤ 1e-10 on both problems, and its minimiser "
                        + "lies within (‖∇J(θ)‖₂ + ‖∇J(θ*)‖₂)/μ + 1e-12·max(1, ‖θ*‖₂) of the closed-form (ridge) or "
                        + "Newton (softmax) minimiser θ*")
                .figure(Chart.of("lbfgs-gradient-norm", "L-BFGS gradient norm", "iteration", "‖∇J‖₂")
                        .line("ridge regression", it1, positive(rr.history().gradNorm()))
                        .line("softmax regression", it2, positive(rs.history().gradNorm()))
                        .line("1e-10", new double[] {0, Math.max(it1[it1.length - 1], it2[it2.length - 1])},
                                new double[] {GRAD_TOL, GRAD_TOL})
                        .withLogY())
                .build();
    }

    /** y_i = 0.5 + Σ_j 0.3(j + 1)·x_ij + 0.2·N(0, 1). */
    private static double[] linearTargets(Matrix x, SplittableRandom rng) {
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            double s = 0.5;
            for (int j = 0; j < x.cols(); j++) {
                s += (j + 1) * 0.3 * x.get(i, j);
            }
            y[i] = s + 0.2 * Seeds.gaussian(rng);
        }
        return y;
    }

    /** Labels argmax_c (N(0, 1) + Σ_j ((c + j) mod 3 − 1)·x_ij) over k classes. */
    private static int[] noisyArgmaxLabels(Matrix xs, int k, SplittableRandom rng) {
        int[] labels = new int[xs.rows()];
        for (int i = 0; i < labels.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double score = Seeds.gaussian(rng);
                for (int j = 0; j < xs.cols(); j++) {
                    score += ((c + j) % 3 - 1) * xs.get(i, j);
                }
                if (score > best) {
                    best = score;
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    /**
     * Newton's method for J(V) = (1/n)Σ[LSE(V x̃_i) − (V x̃_i)_{y_i}] + (β/2)‖V‖²_F, V = [W b] (k×(d+1)),
     * with backtracking on J. Writes the minimiser in flat network order (W row-major, then b) and returns
     * its gradient norm.
     */
    static double newtonSoftmax(Matrix x, int[] y, int k, double beta, double[] out) {
        int n = x.rows();
        int d = x.cols();
        int m = k * (d + 1);
        double[] v = new double[m]; // vec(V) row-major over (class, feature incl. bias last)
        double[] g = new double[m];
        double gn = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 100; iter++) {
            Matrix hess = Matrix.zeros(m, m);
            softmaxObjective(x, y, k, beta, v, g, hess);
            gn = norm(g);
            if (gn <= 1e-15) {
                break;
            }
            double[] step = Linalg.solve(hess, Matrix.column(g)).colArray(0);
            double f0 = softmaxObjective(x, y, k, beta, v, null, null);
            double t = 1;
            double[] trial = new double[m];
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < m; i++) {
                    trial[i] = v[i] - t * step[i];
                }
                // accept a decrease, or a change within rounding of f (near the minimiser)
                if (softmaxObjective(x, y, k, beta, trial, null, null) <= f0 + 1e-14 * Math.abs(f0)) {
                    break;
                }
                t *= 0.5;
            }
            if (Arrays.equals(trial, v)) {
                break;
            }
            v = trial;
        }
        softmaxObjective(x, y, k, beta, v, g, null);
        gn = norm(g);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                out[c * d + j] = v[c * (d + 1) + j];
            }
            out[k * d + c] = v[c * (d + 1) + d];
        }
        return gn;
    }

    private static double softmaxObjective(Matrix x, int[] y, int k, double beta, double[] v, double[] g, Matrix hess) {
        int n = x.rows();
        int d = x.cols();
        int m = k * (d + 1);
        double f = 0;
        if (g != null) {
            Arrays.fill(g, 0.0);
        }
        double[] xt = new double[d + 1];
        double[] s = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xt[j] = x.get(i, j);
            }
            xt[d] = 1;
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double z = 0;
                for (int j = 0; j <= d; j++) {
                    z += v[c * (d + 1) + j] * xt[j];
                }
                s[c] = z;
                mx = Math.max(mx, z);
            }
            double se = 0;
            for (int c = 0; c < k; c++) {
                p[c] = Math.exp(s[c] - mx);
                se += p[c];
            }
            for (int c = 0; c < k; c++) {
                p[c] /= se;
            }
            f += (mx + Math.log(se) - s[y[i]]) / n;
            if (g != null) {
                for (int c = 0; c < k; c++) {
                    double r = (p[c] - (c == y[i] ? 1 : 0)) / n;
                    for (int j = 0; j <= d; j++) {
                        g[c * (d + 1) + j] += r * xt[j];
                    }
                }
            }
            if (hess != null) {
                for (int c = 0; c < k; c++) {
                    for (int e = 0; e < k; e++) {
                        double a = ((c == e ? p[c] : 0) - p[c] * p[e]) / n;
                        for (int j = 0; j <= d; j++) {
                            for (int l = 0; l <= d; l++) {
                                int r = c * (d + 1) + j;
                                int q = e * (d + 1) + l;
                                hess.set(r, q, hess.get(r, q) + a * xt[j] * xt[l]);
                            }
                        }
                    }
                }
            }
        }
        double sq = 0;
        for (int i = 0; i < m; i++) {
            sq += v[i] * v[i];
            if (g != null) {
                g[i] += beta * v[i];
            }
            if (hess != null) {
                hess.set(i, i, hess.get(i, i) + beta);
            }
        }
        return f + 0.5 * beta * sq;
    }

    private static Matrix gaussian(int n, int d, SplittableRandom rng) {
        double[] a = new double[n * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = Seeds.gaussian(rng);
        }
        return new Matrix(n, d, a);
    }

    private static double[] augment(Matrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] a = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i * (d + 1) + j] = x.get(i, j);
            }
            a[i * (d + 1) + d] = 1;
        }
        return a;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double[] toDouble(int[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }

    private static double[] positive(double[] a) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(r[i], 1e-300);
        }
        return r;
    }
}
