package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.train.DiffFunction;
import io.nngeom.train.Lbfgs;
import io.nngeom.train.LbfgsOptions;
import io.nngeom.train.OptimResult;
import java.util.stream.IntStream;

/**
 * Minimisation of a smooth population loss down to gradient norms of 1e-10 and below.
 *
 * <p>Phase 1 is the foundation's L-BFGS ({@link Lbfgs}, memory 20). Phase 2, used only when phase 1 stops above
 * the target (near the optimum loss differences ≈ ‖g‖² fall under the loss's rounding), polishes with Newton steps δ = −H⁺g, where H is
 * the symmetrised central-difference Jacobian of the exact gradient and H⁺ its pseudo-inverse (the bottleneck
 * loss is invariant under (Φ, Ψ) → (ΦT, ΨT^{-ᵀ}) and the softmax shift, so H is singular along those directions).
 * Steps are accepted while they lower the gradient norm.
 */
final class GradientPolish {
    /** L-BFGS memory. */
    static final int MEMORY = 20;
    /** Central-difference step for the Hessian, 1e-5·max(1, |x_i|) (truncation error O(h²) ≈ 1e-10 relative). */
    static final double HESSIAN_STEP = 1e-5;
    /**
     * Relative cut-off of the pseudo-inverse of the difference Hessian, 1e-10·σ_max(H): above its O(h²) ≈ 1e-10
     * relative error, below the smallest genuine curvature of the bottleneck losses at ε ≥ 0.01.
     */
    static final double PINV_RELATIVE_TOLERANCE = 1e-10;
    /** Largest dimension for which the Newton polish forms a dense Hessian. */
    static final int MAX_NEWTON_DIMENSION = 1500;

    record Result(double[] x, double value, double gradNorm, int iterations, boolean converged) {
    }

    private GradientPolish() {
    }

    static Result minimize(DiffFunction f, double[] x0, double gradTol, int maxIterations) {
        int n = f.dimension();
        OptimResult r = Lbfgs.minimize(f, x0, LbfgsOptions.defaults().withMemory(MEMORY).withMaxIterations(maxIterations)
                .withGradTol(gradTol));
        double[] x = r.x().clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double gnorm = Linalg.norm2(g);
        int it = r.iterations();
        double[] xn = new double[n];
        double[] gn = new double[n];
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
    static Matrix hessian(DiffFunction f, double[] x) {
        return hessian(f, x, IntStream.range(0, x.length).toArray());
    }

    /**
     * The block of the symmetrised central-difference Hessian on the coordinates idx (rows and columns in the order
     * of idx): one pair of gradient evaluations per coordinate in idx, so frozen parameters cost nothing.
     */
    static Matrix hessian(DiffFunction f, double[] x, int[] idx) {
        int n = idx.length;
        Matrix h = Matrix.zeros(n, n);
        double[] xp = x.clone();
        double[] gp = new double[x.length];
        double[] gm = new double[x.length];
        for (int j = 0; j < n; j++) {
            int c = idx[j];
            double hj = HESSIAN_STEP * Math.max(1, Math.abs(x[c]));
            xp[c] = x[c] + hj;
            f.valueAndGradient(xp, gp);
            xp[c] = x[c] - hj;
            f.valueAndGradient(xp, gm);
            xp[c] = x[c];
            for (int i = 0; i < n; i++) {
                h.set(i, j, (gp[idx[i]] - gm[idx[i]]) / (2 * hj));
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
}
