package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

/**
 * Principal angles between column spaces, by the sine formula: sin θ_max(span A, span B) = ‖(I − Q_B Q_Bᵀ) Q_A‖₂
 * with Q orthonormal bases. Unlike acos of the singular values of Q_BᵀQ_A, this keeps full relative accuracy for
 * tiny angles (Björck and Golub 1973; digest §4.3, metric M1).
 */
public final class Subspaces {
    private Subspaces() {
    }

    /**
     * An orthonormal basis (columns) of the column space of a, from its thin SVD: left singular vectors with
     * σ &gt; max(m,n)·σ_max·2⁻⁵² ({@link Linalg#defaultRankTolerance}).
     */
    public static Matrix orth(Matrix a) {
        Linalg.Svd svd = Linalg.svd(a);
        if (svd.s().length == 0 || svd.s()[0] == 0) {
            return Matrix.zeros(a.rows(), 0);
        }
        double tol = Linalg.defaultRankTolerance(a, svd.s()[0]);
        int r = 0;
        while (r < svd.s().length && svd.s()[r] > tol) {
            r++;
        }
        return firstCols(svd.u(), r);
    }

    static Matrix firstCols(Matrix a, int k) {
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        return a.selectCols(idx);
    }

    /**
     * sin of the largest principal angle between span a and span b, ‖(I − Q_b Q_bᵀ) Q_a‖₂. When the spans have
     * equal dimension this is symmetric. Returns 1 if span a is not contained in a space of at least its dimension.
     */
    public static double sinThetaMax(Matrix a, Matrix b) {
        Matrix qa = orth(a);
        Matrix qb = orth(b);
        if (qa.cols() == 0) {
            return 0;
        }
        if (qb.cols() == 0) {
            return 1;
        }
        Matrix proj = Linalg.mult(qb, Linalg.multTransA(qb, qa));
        Matrix resid = qa.minus(proj);
        double[] s = Linalg.singularValues(resid);
        return Math.min(1.0, s.length == 0 ? 0 : s[0]);
    }

    /** The sines of all principal angles, largest first: the singular values of (I − Q_bQ_bᵀ)Q_a. */
    public static double[] sines(Matrix a, Matrix b) {
        Matrix qa = orth(a);
        Matrix qb = orth(b);
        Matrix resid = qa.minus(Linalg.mult(qb, Linalg.multTransA(qb, qa)));
        return Linalg.singularValues(resid);
    }
}
