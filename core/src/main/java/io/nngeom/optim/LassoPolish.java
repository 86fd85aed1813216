package io.nngeom.optim;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

/**
 * Active-set polishing of an approximate Lasso solution: on the support S with signs s the KKT conditions are
 * the linear system A_Sᵀ A_S z_S = A_Sᵀ y − β s (columns and y centred when the intercept is free). Solve it; drop
 * coordinates whose sign flips and repeat. The polished point is kept only if its certificate
 * ({@link LassoCertificate}) is no worse than the input's, so polishing never returns a worse solution; it
 * removes the tiny spurious coefficients iterative solvers leave on near-degenerate problems.
 */
public final class LassoPolish {
    private LassoPolish() {
    }

    public static LassoSolution polish(LassoProblem pr, LassoSolution s) {
        double[] z = s.z().clone();
        ColumnProvider a = pr.a();
        int n = a.rows();
        for (int round = 0; round < 100; round++) {
            int[] sup = java.util.stream.IntStream.range(0, z.length).filter(j -> z[j] != 0).toArray();
            if (sup.length == 0 || sup.length > n) {
                return s;
            }
            DenseColumns as = DenseColumns.select(a, sup);
            Matrix m = as.toMatrix();
            double[] y = pr.y().clone();
            if (pr.intercept()) {
                center(m, y);
            }
            Matrix g = Linalg.multTransA(m, m);
            double[] rhs = m.transpose().times(y);
            for (int k = 0; k < sup.length; k++) {
                rhs[k] -= pr.beta() * Math.signum(z[sup[k]]);
            }
            double[] zs;
            try {
                zs = Linalg.solve(g, rhs);
            } catch (RuntimeException e) {
                return s;
            }
            boolean flipped = false;
            int worst = -1;
            double worstRatio = 0;
            for (int k = 0; k < sup.length; k++) {
                if (Math.signum(zs[k]) != Math.signum(z[sup[k]])) {
                    flipped = true;
                    double ratio = Math.abs(z[sup[k]]);
                    if (worst < 0 || ratio < worstRatio) {
                        worst = k;
                        worstRatio = ratio;
                    }
                }
            }
            if (flipped) {
                z[sup[worst]] = 0;
                continue;
            }
            double[] cand = new double[z.length];
            for (int k = 0; k < sup.length; k++) {
                cand[sup[k]] = zs[k];
            }
            LassoCertificate c = LassoCertificate.of(pr, cand);
            if (c.primal() <= s.primal() * (1 + 1e-14) && c.dualRatio() <= 1 + 1e-9) {
                return new LassoSolution(cand, c.intercept(), c.primal(), c.dual(), c.relativeGap(), c.dualRatio(),
                        s.iterations(), c.relativeGap() <= Math.max(s.relativeGap(), 1e-12), s.gapIterations(), s.gapHistory(),
                        s.screened(), s.seconds());
            }
            return s;
        }
        return s;
    }

    /**
     * The stationary point of the Lasso restricted to {@code support} with the given signs: z_S solving
     * A_Sᵀ A_S z_S = A_Sᵀ y − β s (centred with an intercept); other coordinates zero. Signs are not checked.
     */
    public static double[] solveOnSupport(LassoProblem pr, int[] support, double[] signs) {
        Matrix m = DenseColumns.select(pr.a(), support).toMatrix();
        double[] y = pr.y().clone();
        if (pr.intercept()) {
            center(m, y);
        }
        double[] rhs = m.transpose().times(y);
        for (int k = 0; k < support.length; k++) {
            rhs[k] -= pr.beta() * signs[k];
        }
        double[] zs = Linalg.solve(Linalg.multTransA(m, m), rhs);
        double[] z = new double[pr.a().cols()];
        for (int k = 0; k < support.length; k++) {
            z[support[k]] = zs[k];
        }
        return z;
    }

    private static void center(Matrix m, double[] y) {
        int n = m.rows();
        for (int j = 0; j < m.cols(); j++) {
            double mu = 0;
            for (int i = 0; i < n; i++) {
                mu += m.get(i, j) / n;
            }
            for (int i = 0; i < n; i++) {
                m.set(i, j, m.get(i, j) - mu);
            }
        }
        double mu = 0;
        for (double v : y) {
            mu += v / n;
        }
        for (int i = 0; i < n; i++) {
            y[i] -= mu;
        }
    }
}
