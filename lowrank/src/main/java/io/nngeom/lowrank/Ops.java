package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

/** Small matrix helpers of the lowrank module (weighted centring, symmetric inverse square roots). */
public final class Ops {
    private Ops() {
    }

    /** diag(√p)(F − 1μᵀ) with μ = Σ p_i F[i] (the "information matrix" of a table of functions). */
    static Matrix information(Matrix f, double[] p) {
        int n = f.rows();
        int k = f.cols();
        if (p.length != n) {
            throw new IllegalArgumentException("information matrix: " + n + " rows, " + p.length + " weights");
        }
        double[] mu = weightedMean(f, p);
        Matrix r = Matrix.zeros(n, k);
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(p[i]);
            for (int j = 0; j < k; j++) {
                r.set(i, j, s * (f.get(i, j) - mu[j]));
            }
        }
        return r;
    }

    public static double[] weightedMean(Matrix f, double[] p) {
        double[] mu = new double[f.cols()];
        for (int i = 0; i < f.rows(); i++) {
            for (int j = 0; j < f.cols(); j++) {
                mu[j] += p[i] * f.get(i, j);
            }
        }
        return mu;
    }

    /** diag(d) a. */
    public static Matrix scaleRows(Matrix a, double[] d) {
        Matrix r = a.copy();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                r.set(i, j, d[i] * a.get(i, j));
            }
        }
        return r;
    }

    /** a diag(d). */
    static Matrix scaleCols(Matrix a, double[] d) {
        Matrix r = a.copy();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                r.set(i, j, d[j] * a.get(i, j));
            }
        }
        return r;
    }

    public static double[] sqrt(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.sqrt(v[i]);
        }
        return r;
    }

    static double[] inv(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = 1.0 / v[i];
        }
        return r;
    }

    /** S^{-1/2} of a symmetric positive definite matrix, by eigen-decomposition. */
    static Matrix invSqrtSym(Matrix s) {
        Linalg.EigSym e = Linalg.eigSym(s);
        int n = s.rows();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(e.values()[i] > 0)) {
                throw new ArithmeticException("matrix is not positive definite (eigenvalue " + e.values()[i] + ")");
            }
            d[i] = 1.0 / Math.sqrt(e.values()[i]);
        }
        return Linalg.mult(scaleCols(e.vectors(), d), e.vectors().transpose());
    }

    /** Σ_{i &lt; k} σ_i u_i v_iᵀ. */
    static Matrix truncate(Linalg.Svd svd, int k) {
        int m = svd.u().rows();
        int n = svd.v().rows();
        Matrix r = Matrix.zeros(m, n);
        int kk = Math.min(k, svd.s().length);
        for (int t = 0; t < kk; t++) {
            double s = svd.s()[t];
            for (int i = 0; i < m; i++) {
                double us = s * svd.u().get(i, t);
                for (int j = 0; j < n; j++) {
                    r.set(i, j, r.get(i, j) + us * svd.v().get(j, t));
                }
            }
        }
        return r;
    }

    static double sumSq(double[] s, int from, int to) {
        double r = 0;
        for (int i = from; i < Math.min(to, s.length); i++) {
            r += s[i] * s[i];
        }
        return r;
    }

    /** log Σ exp(z_i), stable. */
    static double logSumExp(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : z) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** Least-squares slope of log y against log x. */
    static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
