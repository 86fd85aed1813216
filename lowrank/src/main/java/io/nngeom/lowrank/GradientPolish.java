package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

/**
 * Minimisation of a smooth population loss down to gradient norms of 1e-10 and below.
 *
 * <p>Phase 1 is L-BFGS (Nocedal and Wright, Alg. 7.4, memory 20) with a backtracking line search whose
 * acceptance test also takes a step that lowers the gradient norm when the loss change is below rounding:
 * near the optimum loss differences (≈ ‖g‖²) fall under the 1e-16 resolution of the loss itself, so an
 * Armijo test on values alone stalls around ‖g‖ ≈ 1e-8. Phase 2 polishes with Newton steps δ = −H⁺g, where H is
 * the symmetrised central-difference Jacobian of the exact gradient and H⁺ its pseudo-inverse (the bottleneck
 * loss is invariant under (Φ, Ψ) → (ΦT, ΨT^{-ᵀ}) and the softmax shift, so H is singular along those directions).
 * Steps are accepted while they lower the gradient norm.
 */
final class GradientPolish {
    /** L-BFGS memory. */
    static final int MEMORY = 20;
    /** Relative loss change treated as rounding noise: 64 ulp of the loss. */
    static final double VALUE_NOISE_ULPS = 64;
    /** Central-difference step for the Hessian, 1e-5·max(1, |x_i|) (truncation error O(h²) ≈ 1e-10 relative). */
    static final double HESSIAN_STEP = 1e-5;
    /**
     * Relative cut-off of the pseudo-inverse of the difference Hessian, 1e-10·σ_max(H): above its O(h²) ≈ 1e-10
     * relative error, below the smallest genuine curvature of the bottleneck losses at ε ≥ 0.01.
     */
    static final double PINV_RELATIVE_TOLERANCE = 1e-10;
    /** Largest dimension for which the Newton polish forms a dense Hessian. */
    static final int MAX_NEWTON_DIMENSION = 1500;

    interface Fn {
        int dimension();

        double valueAndGradient(double[] x, double[] grad);
    }

    record Result(double[] x, double value, double gradNorm, int iterations, boolean converged) {
    }

    private GradientPolish() {
    }

    static Result minimize(Fn f, double[] x0, double gradTol, int maxIterations) {
        int n = f.dimension();
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int head = 0;
        int it = 0;
        double[] xn = new double[n];
        double[] gn = new double[n];
        double gnorm = Linalg.norm2(g);
        while (it < maxIterations && gnorm > gradTol) {
            it++;
            // two-loop recursion
            double[] d = g.clone();
            double[] alpha = new double[MEMORY];
            for (int t = 0; t < stored; t++) {
                int i = Math.floorMod(head - 1 - t, MEMORY);
                alpha[i] = rho[i] * Linalg.dot(s[i], d);
                axpy(-alpha[i], y[i], d);
            }
            double gamma = 1;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                gamma = Linalg.dot(s[last], y[last]) / Linalg.dot(y[last], y[last]);
            }
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int t = stored - 1; t >= 0; t--) {
                int i = Math.floorMod(head - 1 - t, MEMORY);
                double beta = rho[i] * Linalg.dot(y[i], d);
                axpy(alpha[i] - beta, s[i], d);
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            double slope = Linalg.dot(g, d);
            if (!(slope < 0)) {
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = -gnorm * gnorm;
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(gnorm, 1e-300)) : 1.0;
            boolean accepted = false;
            double fnew = fx;
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * d[i];
                }
                fnew = f.valueAndGradient(xn, gn);
                double noise = VALUE_NOISE_ULPS * Math.ulp(Math.abs(fx) + 1e-300);
                boolean armijo = fnew <= fx + 1e-4 * step * slope;
                boolean flat = Math.abs(fnew - fx) <= noise && Linalg.norm2(gn) < gnorm;
                if (Double.isFinite(fnew) && (armijo || flat)) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] sv = new double[n];
            double[] yv = new double[n];
            for (int i = 0; i < n; i++) {
                sv[i] = xn[i] - x[i];
                yv[i] = gn[i] - g[i];
            }
            double sy = Linalg.dot(sv, yv);
            if (sy > 1e-300) {
                s[head] = sv;
                y[head] = yv;
                rho[head] = 1.0 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fnew;
            gnorm = Linalg.norm2(g);
        }
        if (gnorm > gradTol && n <= MAX_NEWTON_DIMENSION) {
            for (int k = 0; k < 30 && gnorm > gradTol; k++) {
                it++;
                Matrix h = hessian(f, x);
                double[] sv = Linalg.singularValues(h);
                double tol = PINV_RELATIVE_TOLERANCE * (sv.length == 0 ? 0 : sv[0]);
                double[] delta = Linalg.pinv(h, tol).times(g);
                double step = 1;
                boolean improved = false;
                for (int ls = 0; ls < 30; ls++) {
                    for (int i = 0; i < n; i++) {
                        xn[i] = x[i] - step * delta[i];
                    }
                    double fnew = f.valueAndGradient(xn, gn);
                    double gn2 = Linalg.norm2(gn);
                    if (Double.isFinite(fnew) && gn2 < gnorm) {
                        System.arraycopy(xn, 0, x, 0, n);
                        System.arraycopy(gn, 0, g, 0, n);
                        fx = fnew;
                        gnorm = gn2;
                        improved = true;
                        break;
                    }
                    step *= 0.5;
                }
                if (!improved) {
                    break;
                }
            }
        }
        return new Result(x, fx, gnorm, it, gnorm <= gradTol);
    }

    /** Symmetrised central-difference Jacobian of the gradient. */
    static Matrix hessian(Fn f, double[] x) {
        int n = x.length;
        Matrix h = Matrix.zeros(n, n);
        double[] xp = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double hj = HESSIAN_STEP * Math.max(1, Math.abs(x[j]));
            xp[j] = x[j] + hj;
            f.valueAndGradient(xp, gp);
            xp[j] = x[j] - hj;
            f.valueAndGradient(xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) {
                h.set(i, j, (gp[i] - gm[i]) / (2 * hj));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = 0.5 * (h.get(i, j) + h.get(j, i));
                h.set(i, j, a);
                h.set(j, i, a);
            }
        }
        return h;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
