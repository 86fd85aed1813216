package io.nngeom.solvers;

import java.util.ArrayList;
import java.util.List;

/** Warm-started regularisation paths for the Lasso (glmnet-style geometric grids from β_max down). */
public final class LassoPath {
    private LassoPath() {
    }

    /** β_max = ‖A_cᵀ y_c‖_∞, the smallest β at which z = 0 is optimal. */
    public static double betaMax(ColumnProvider a, double[] y, boolean intercept) {
        int n = a.rows();
        double[] yc = y.clone();
        if (intercept) {
            double m = LassoCertificate.mean(y);
            for (int i = 0; i < n; i++) {
                yc[i] -= m;
            }
        }
        double[] c = new double[a.cols()];
        a.transposeTimes(yc, c);
        double mx = 0;
        for (double v : c) {
            mx = Math.max(mx, Math.abs(v));
        }
        return mx;
    }

    /** {@code count} values geometrically spaced from {@code max} down to {@code max·ratio}. */
    public static double[] geometricGrid(double max, double ratio, int count) {
        if (count < 1 || !(ratio > 0) || ratio >= 1) {
            throw new IllegalArgumentException("grid needs count ≥ 1 and 0 < ratio < 1");
        }
        double[] b = new double[count];
        for (int k = 0; k < count; k++) {
            b[k] = count == 1 ? max : max * Math.pow(ratio, k / (double) (count - 1));
        }
        return b;
    }

    /**
     * Solves at each β in the given order, each warm-started from the previous solution (for {@link ActiveSetLasso}:
     * the previous support, reduced to linearly independent centred columns; for the coordinate-wise solvers: the
     * previous coefficients).
     */
    public static List<LassoSolution> solve(LassoSolver solver, LassoProblem base, double[] betas, LassoOptions opt) {
        List<LassoSolution> out = new ArrayList<>();
        double[] warm = null;
        for (double b : betas) {
            LassoSolution s = solver.solve(base.withBeta(b), opt, warm);
            out.add(s);
            warm = s.z();
        }
        return out;
    }
}
