package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;

/**
 * The alternating conditional expectations (ACE) algorithm from samples (Breiman and Friedman 1985; digest §3
 * step 5): f(x) ← E[g(Y)|X=x], g(y) ← E[f(X)|Y=y], each centred and whitened under the empirical marginal.
 * This is a power iteration on B̂ᵀB̂ and converges to the top-k singular subspace of the empirical centred DTM
 * B̂ without forming it; a final k×k SVD of E[f(X)g(Y)ᵀ] separates the individual modes.
 */
public final class Ace {
    private Ace() {
    }

    /**
     * The ACE result.
     *
     * @param features f (n_x × k), zero mean and identity covariance under p̂_x
     * @param weights g (n_y × k), zero mean and identity covariance under p̂_y
     * @param correlations E[f_i(X) g_i(Y)], estimates of σ_i
     * @param iterations sweeps done
     * @param change the last sweep's subspace change sin θ_max
     */
    public record Result(Matrix features, Matrix weights, double[] correlations, int iterations, double change) {
    }

    /**
     * Runs ACE on paired samples until the feature subspace moves by less than tol (sin θ) in a sweep.
     *
     * @param xs x samples in [0, nx), every symbol occurring at least once
     * @param ys y samples in [0, ny), every symbol occurring at least once
     */
    public static Result run(int[] xs, int[] ys, int nx, int ny, int k, int maxIterations, double tol, long seed) {
        int n = xs.length;
        double[] px = new double[nx];
        double[] py = new double[ny];
        for (int i = 0; i < n; i++) {
            px[xs[i]] += 1.0 / n;
            py[ys[i]] += 1.0 / n;
        }
        for (double v : px) {
            if (v == 0) {
                throw new IllegalArgumentException("ACE: an x symbol never occurs in the samples");
            }
        }
        for (double v : py) {
            if (v == 0) {
                throw new IllegalArgumentException("ACE: a y symbol never occurs in the samples");
            }
        }
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "lowrank.ace"));
        Matrix g = Matrix.zeros(ny, k);
        for (int y = 0; y < ny; y++) {
            for (int j = 0; j < k; j++) {
                g.set(y, j, Seeds.gaussian(rng));
            }
        }
        g = whiten(g, py);
        Matrix f = null;
        double change = 1;
        int it = 0;
        while (it < maxIterations) {
            it++;
            Matrix fNew = whiten(conditionalMean(ys, xs, g, nx, px, n), px);
            if (f != null) {
                change = Subspaces.sinThetaMax(Ops.scaleRows(fNew, Ops.sqrt(px)), Ops.scaleRows(f, Ops.sqrt(px)));
            }
            f = fNew;
            g = whiten(conditionalMean(xs, ys, f, ny, py, n), py);
            if (change < tol) {
                break;
            }
        }
        // separate the modes: C = E[f(X) g(Y)ᵀ] = R S Tᵀ, rotate f by R and g by T
        Matrix c = Matrix.zeros(k, k);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    c.set(a, b, c.get(a, b) + f.get(xs[i], a) * g.get(ys[i], b) / n);
                }
            }
        }
        Linalg.Svd svd = Linalg.svd(c);
        return new Result(Linalg.mult(f, svd.u()), Linalg.mult(g, svd.v()), svd.s(), it, change);
    }

    /** out[a] = mean of table[b_i] over the samples with a_i = a (per-symbol averages). */
    private static Matrix conditionalMean(int[] from, int[] to, Matrix table, int nTo, double[] pTo, int n) {
        int k = table.cols();
        Matrix r = Matrix.zeros(nTo, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                r.set(to[i], j, r.get(to[i], j) + table.get(from[i], j));
            }
        }
        for (int a = 0; a < nTo; a++) {
            double c = pTo[a] * n;
            for (int j = 0; j < k; j++) {
                r.set(a, j, r.get(a, j) / c);
            }
        }
        return r;
    }

    /** Centre under p and whiten: F ← (F − 1μᵀ)(Cov)^{-1/2}, so Σ p F Fᵀ = I. */
    static Matrix whiten(Matrix f, double[] p) {
        double[] mu = Ops.weightedMean(f, p);
        Matrix c = f.copy();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                c.set(i, j, c.get(i, j) - mu[j]);
            }
        }
        Matrix phi = Ops.scaleRows(c, Ops.sqrt(p));
        return Linalg.mult(c, Ops.invSqrtSym(Linalg.multTransA(phi, phi)));
    }
}
