package io.nngeom.solvers;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Accelerated proximal gradient (FISTA, Beck and Teboulle 2009) for min f(x) + g(x), f smooth, g with a cheap
 * proximal map, with backtracking on the quadratic upper bound and the gradient-based adaptive restart of
 * O'Donoghue and Candès (2015): momentum is reset when (x_{k+1} − x_k)ᵀ(y_k − x_{k+1}) &gt; 0.
 *
 * <p>Stops when the gradient mapping L‖x_{k+1} − y_k‖ is at most {@code tolerance}, or when the caller's
 * {@link Monitor} (typically a duality-gap check) says so.
 */
public final class Fista {
    private Fista() {
    }

    /** The smooth part f. */
    public interface Smooth {
        /** Returns f(x) and writes ∇f(x) into {@code grad}. */
        double valueAndGradient(double[] x, double[] grad);
    }

    /** The non-smooth part g. */
    public interface Prox {
        double value(double[] x);

        /** out = argmin_u g(u) + ‖u − v‖²/(2·step). */
        void apply(double[] v, double step, double[] out);
    }

    /** Called every {@code checkEvery} iterations with the current iterate; returns true to stop (converged). */
    public interface Monitor {
        boolean converged(int iteration, double[] x);
    }

    /**
     * @param maxIterations iteration cap
     * @param tolerance gradient-mapping norm at which to stop (0: only the monitor stops)
     * @param lipschitz known Lipschitz constant of ∇f, or ≤ 0 to find one by backtracking
     * @param restart adaptive restart on
     * @param checkEvery how often the monitor is called
     */
    public record Options(int maxIterations, double tolerance, double lipschitz, boolean restart, int checkEvery) {
        public static Options defaults() {
            return new Options(10_000, 1e-8, -1, true, 10);
        }

        public Options withLipschitz(double l) {
            return new Options(maxIterations, tolerance, l, restart, checkEvery);
        }

        public Options withMaxIterations(int m) {
            return new Options(m, tolerance, lipschitz, restart, checkEvery);
        }

        public Options withTolerance(double t) {
            return new Options(maxIterations, t, lipschitz, restart, checkEvery);
        }

        public Options withRestart(boolean r) {
            return new Options(maxIterations, tolerance, lipschitz, r, checkEvery);
        }
    }

    /** Final iterate, objective f + g there, iterations, convergence flag, last Lipschitz estimate, restarts. */
    public record Result(double[] x, double value, int iterations, boolean converged, double lipschitz, int restarts) {
    }

    public static Result minimize(Smooth f, Prox g, double[] x0, Options o, Monitor monitor) {
        int dim = x0.length;
        double[] x = x0.clone();
        double[] yk = x0.clone();
        double[] gy = new double[dim];
        double[] v = new double[dim];
        double[] xn = new double[dim];
        double[] gtmp = new double[dim];
        boolean fixed = o.lipschitz() > 0;
        double l = fixed ? o.lipschitz() : 1.0;
        double t = 1;
        int restarts = 0;
        boolean converged = false;
        int k = 0;
        for (; k < o.maxIterations(); k++) {
            double fy = f.valueAndGradient(yk, gy);
            if (!fixed) {
                l *= 0.9;
            }
            double dd;
            while (true) {
                double step = 1 / l;
                for (int i = 0; i < dim; i++) {
                    v[i] = yk[i] - step * gy[i];
                }
                g.apply(v, step, xn);
                double lin = 0;
                dd = 0;
                for (int i = 0; i < dim; i++) {
                    double d = xn[i] - yk[i];
                    lin += gy[i] * d;
                    dd += d * d;
                }
                if (fixed) {
                    break;
                }
                double fx = f.valueAndGradient(xn, gtmp);
                if (fx <= fy + lin + 0.5 * l * dd + 1e-14 * Math.abs(fy) || dd == 0) {
                    break;
                }
                l *= 2;
            }
            // adaptive restart test (x_{k+1} − x_k)ᵀ(y_k − x_{k+1}) > 0
            double rt = 0;
            for (int i = 0; i < dim; i++) {
                rt += (xn[i] - x[i]) * (yk[i] - xn[i]);
            }
            if (o.restart() && rt > 0) {
                t = 1;
                restarts++;
                System.arraycopy(xn, 0, yk, 0, dim);
            } else {
                double tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                double mom = (t - 1) / tn;
                for (int i = 0; i < dim; i++) {
                    yk[i] = xn[i] + mom * (xn[i] - x[i]);
                }
                t = tn;
            }
            double[] sw = x;
            x = xn;
            xn = sw;
            if (o.tolerance() > 0 && l * Math.sqrt(dd) <= o.tolerance()) {
                converged = true;
                k++;
                break;
            }
            if (monitor != null && (k + 1) % Math.max(1, o.checkEvery()) == 0 && monitor.converged(k + 1, x)) {
                converged = true;
                k++;
                break;
            }
        }
        double val = f.valueAndGradient(x, gtmp) + g.value(x);
        return new Result(x, val, k, converged, l, restarts);
    }

    /** Largest eigenvalue of a symmetric positive semidefinite operator by power iteration (seeded start). */
    public static double powerIteration(BiConsumer<double[], double[]> op, int dim, int iterations,
                                        long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        double[] w = new double[dim];
        double lam = 0;
        for (int it = 0; it < iterations; it++) {
            double nv = Math.sqrt(dot(v, v));
            if (nv == 0) {
                return 0;
            }
            for (int i = 0; i < dim; i++) {
                v[i] /= nv;
            }
            Arrays.fill(w, 0);
            op.accept(v, w);
            double nl = dot(v, w);
            double[] s = v;
            v = w;
            w = s;
            if (it > 5 && Math.abs(nl - lam) <= 1e-10 * Math.abs(nl)) {
                lam = nl;
                break;
            }
            lam = nl;
        }
        return lam;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
