package io.nngeom.train;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.4 two-loop
 * recursion and Algorithms 3.5/3.6 strong-Wolfe line search with cubic interpolation).
 *
 * <p>Direction p_k = −H_k ∇f(x_k), where H_k is the L-BFGS inverse-Hessian approximation from the last m pairs
 * s_i = x_{i+1} − x_i, y_i = ∇f_{i+1} − ∇f_i (pairs with s·y ≤ 0 are skipped), initial scaling
 * H⁰ = (s·y / y·y)·I of the newest pair. The step α satisfies the strong Wolfe conditions
 * φ(α) ≤ φ(0) + c1·α·φ'(0) and |φ'(α)| ≤ c2·|φ'(0)|, φ(α) = f(x + αp). First trial step 1, except on the
 * first iteration (no curvature information yet): α = min(1, 1/‖∇f‖₂).
 *
 * <p>Near a minimiser f changes less than its rounding error, so the sufficient-decrease test is also passed
 * by a step with φ(α) ≤ φ(0) + {@link #FUNCTION_NOISE}·max(|φ(0)|, 1) together with the strong curvature
 * condition; this is what lets the method drive ‖∇f‖₂ down to 1e-10 and below on well-conditioned problems.
 * Stops when ‖∇f(x)‖₂ ≤ gradTol (converged), after maxIterations, or when two line searches in a row (the
 * second one from steepest descent with a cleared memory) find no acceptable step.
 */
public final class Lbfgs {
    /** Relative size of function changes treated as rounding noise: |Δf| ≤ 1e-12·max(|f|, 1). */
    public static final double FUNCTION_NOISE = 1e-12;

    /** Receives every accepted iterate. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after iteration k (k = 0 for the start point) with f(x_k) and ‖∇f(x_k)‖₂. The point x_k is the
         * one evaluated last by the function, so state the function keeps about its last evaluation refers to
         * x_k.
         *
         * @return false to stop now
         */
        boolean iteration(int k, double[] x, double value, double gradNorm);
    }

    private Lbfgs() {
    }

    public static OptimResult minimize(DiffFunction f, double[] x0, LbfgsOptions opts) {
        return minimize(f, x0, opts, null);
    }

    public static OptimResult minimize(DiffFunction f, double[] x0, LbfgsOptions opts, Listener listener) {
        int n = f.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("start point has " + x0.length + " entries, function dimension is " + n);
        }
        int m = opts.memory();
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double gn = norm(g);
        double[] history = new double[opts.maxIterations() + 1];
        history[0] = fx;
        if (listener != null && !listener.iteration(0, x, fx, gn)) {
            return new OptimResult(x, fx, gn, 0, gn <= opts.gradTol(), Arrays.copyOf(history, 1));
        }
        Pairs pairs = new Pairs(m, n);
        double[] p = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int k = 0;
        boolean failedOnce = false;
        LineSearch ls = new LineSearch(f, n, opts);
        while (gn > opts.gradTol() && k < opts.maxIterations()) {
            if (!(Double.isFinite(fx) && Double.isFinite(gn))) {
                break;
            }
            pairs.direction(g, p);
            double dphi0 = dot(g, p);
            if (!(dphi0 < 0)) {
                // not a descent direction (rounding): restart from steepest descent
                pairs.clear();
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                dphi0 = -gn * gn;
            }
            double a0 = pairs.stored == 0 ? Math.min(1.0, 1.0 / gn) : 1.0;
            double step = ls.search(x, fx, g, p, dphi0, a0, xNew, gNew);
            if (Double.isNaN(step)) {
                if (failedOnce || pairs.stored == 0) {
                    break;
                }
                failedOnce = true;
                pairs.clear();
                continue;
            }
            failedOnce = false;
            pairs.add(x, xNew, g, gNew);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = ls.value;
            gn = norm(g);
            k++;
            history[k] = fx;
            if (listener != null && !listener.iteration(k, x, fx, gn)) {
                break;
            }
        }
        return new OptimResult(x, fx, gn, k, gn <= opts.gradTol(), Arrays.copyOf(history, k + 1));
    }

    /** The last m correction pairs (s, y) with ρ = 1/sᵀy, in a ring; the two-loop recursion over them. */
    private static final class Pairs {
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private final int m;
        int stored;
        private int newest = -1;

        Pairs(int m, int n) {
            this.m = m;
            this.s = new double[m][n];
            this.y = new double[m][n];
            this.rho = new double[m];
            this.alpha = new double[m];
        }

        /** Forgets the pairs (the next direction is steepest descent). */
        void clear() {
            stored = 0;
        }

        /** The two-loop recursion: p = −H g with H the L-BFGS inverse-Hessian approximation. */
        void direction(double[] g, double[] p) {
            for (int i = 0; i < p.length; i++) {
                p[i] = -g[i];
            }
            for (int t = 0; t < stored; t++) {
                int idx = Math.floorMod(newest - t, m);
                double a = rho[idx] * dot(s[idx], p);
                alpha[idx] = a;
                axpy(-a, y[idx], p);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int i = 0; i < p.length; i++) {
                    p[i] *= gamma;
                }
            }
            for (int t = stored - 1; t >= 0; t--) {
                int idx = Math.floorMod(newest - t, m);
                double b = rho[idx] * dot(y[idx], p);
                axpy(alpha[idx] - b, s[idx], p);
            }
        }

        /** Stores the pair of a step x → xNew (gradients g → gNew), kept only when sᵀy > 0 (curvature condition). */
        void add(double[] x, double[] xNew, double[] g, double[] gNew) {
            int slot = (newest + 1) % m;
            double sy = 0;
            for (int i = 0; i < x.length; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                s[slot][i] = si;
                y[slot][i] = yi;
                sy += si * yi;
            }
            if (sy > 0 && Double.isFinite(sy)) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }
        }
    }

    /** Strong-Wolfe line search; holds the accepted point's value in {@link #value}. */
    private static final class LineSearch {
        private final DiffFunction f;
        private final LbfgsOptions o;
        private final double[] xt;
        private final double[] gt;
        double value;
        private int evals;

        LineSearch(DiffFunction f, int n, LbfgsOptions o) {
            this.f = f;
            this.o = o;
            this.xt = new double[n];
            this.gt = new double[n];
        }

        /** Returns the accepted step (its point in xOut, gradient in gOut, value in {@link #value}) or NaN. */
        double search(double[] x, double f0, double[] g0, double[] p, double d0, double a1,
                      double[] xOut, double[] gOut) {
            evals = 0;
            double noise = FUNCTION_NOISE * Math.max(Math.abs(f0), 1.0);
            double aPrev = 0;
            double fPrev = f0;
            double dPrev = d0;
            double a = a1;
            for (int i = 0; i < o.maxLineSearch(); i++) {
                double fa = eval(x, p, a);
                double da = dot(gt, p);
                if (!Double.isFinite(fa) || !Double.isFinite(da)) {
                    // overshot into a region where f is not finite: shrink
                    a = aPrev + 0.1 * (a - aPrev);
                    continue;
                }
                boolean armijo = fa <= f0 + o.c1() * a * d0;
                boolean flat = fa <= f0 + noise;
                if ((!armijo && !(flat && Math.abs(da) <= -o.c2() * d0)) || (i > 0 && fa > fPrev + noise)) {
                    return zoom(x, f0, d0, p, aPrev, fPrev, dPrev, a, fa, da, noise, xOut, gOut);
                }
                if (Math.abs(da) <= -o.c2() * d0) {
                    return accept(a, fa, xOut, gOut);
                }
                if (da >= 0) {
                    return zoom(x, f0, d0, p, a, fa, da, aPrev, fPrev, dPrev, noise, xOut, gOut);
                }
                aPrev = a;
                fPrev = fa;
                dPrev = da;
                a = 4 * a;
            }
            return Double.NaN;
        }

        private double zoom(double[] x, double f0, double d0, double[] p, double lo, double fLo, double dLo,
                            double hi, double fHi, double dHi, double noise, double[] xOut, double[] gOut) {
            while (evals < o.maxLineSearch()) {
                double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi);
                double width = Math.abs(hi - lo);
                double lower = Math.min(lo, hi) + 0.1 * width;
                double upper = Math.max(lo, hi) - 0.1 * width;
                if (!(a >= lower && a <= upper)) {
                    a = 0.5 * (lo + hi);
                }
                if (a == lo || a == hi) {
                    return Double.NaN;
                }
                double fa = eval(x, p, a);
                double da = dot(gt, p);
                boolean armijo = fa <= f0 + o.c1() * a * d0 || (fa <= f0 + noise && Math.abs(da) <= -o.c2() * d0);
                if (!Double.isFinite(fa) || !armijo || fa > fLo + noise) {
                    hi = a;
                    fHi = fa;
                    dHi = da;
                } else {
                    if (Math.abs(da) <= -o.c2() * d0) {
                        return accept(a, fa, xOut, gOut);
                    }
                    if (da * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                        dHi = dLo;
                    }
                    lo = a;
                    fLo = fa;
                    dLo = da;
                }
            }
            return Double.NaN;
        }

        private double eval(double[] x, double[] p, double a) {
            for (int i = 0; i < x.length; i++) {
                xt[i] = x[i] + a * p[i];
            }
            evals++;
            return f.valueAndGradient(xt, gt);
        }

        private double accept(double a, double fa, double[] xOut, double[] gOut) {
            System.arraycopy(xt, 0, xOut, 0, xt.length);
            System.arraycopy(gt, 0, gOut, 0, gt.length);
            value = fa;
            return a;
        }
    }

    /** Minimiser of the cubic interpolating (a, fa, da) and (b, fb, db); NaN if it does not exist. */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        if (!(Double.isFinite(fb) && Double.isFinite(db))) {
            return Double.NaN;
        }
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (disc < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
