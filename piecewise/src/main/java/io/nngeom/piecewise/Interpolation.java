package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * C3 and the decoder of C4 (digest §3; the interpolation-matrix view of Huang's arXiv:2208.07498): N distinct
 * points with D-dimensional targets are interpolated exactly by N hidden units σ(u·x − β_k) sharing one
 * direction u. With the points sorted by t_j = u·x_j and β_1 &lt; t_(1), β_k ∈ (t_(k−1), t_(k)), the activation
 * matrix Φ_{jk} = σ(t_(j) − β_k) is lower triangular with a positive diagonal; V = Φ⁻¹Y by forward
 * substitution. All D outputs share the hidden layer.
 */
public final class Interpolation {
    /** Number of random directions tried; the one with the largest smallest gap between projections wins. */
    public static final int DIRECTION_CANDIDATES = 64;

    private Interpolation() {
    }

    /**
     * @param construction the N-unit network
     * @param phi the activation matrix in sorted order (N×N)
     * @param lowerTriangular whether Φ is lower triangular with a positive diagonal (checked, not assumed)
     * @param condition the 2-norm condition number of Φ
     * @param minGap the smallest gap between sorted projections
     */
    public record Result(Construction construction, Matrix phi, boolean lowerTriangular, double condition, double minGap) {
    }

    public static Result build(PointSet data, long seed) {
        Matrix x = data.x();
        Matrix y = data.y();
        int nPts = x.rows();
        int n = x.cols();
        int d = y.cols();
        double[] bestU = new double[n];
        double bestGap = bestDirection(x, Seeds.rng(seed), bestU);
        if (!(bestGap > 0) && nPts > 1) {
            throw new IllegalArgumentException("the points are not distinct (two points share every projection)");
        }
        double[] t = x.times(bestU);
        Integer[] order = new Integer[nPts];
        for (int j = 0; j < nPts; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> t[j]));
        double[] ts = new double[nPts];
        for (int j = 0; j < nPts; j++) {
            ts[j] = t[order[j]];
        }
        double[] beta = new double[nPts];
        double gap0 = nPts > 1 ? bestGap : 1;
        beta[0] = ts[0] - gap0;
        for (int k = 1; k < nPts; k++) {
            beta[k] = 0.5 * (ts[k - 1] + ts[k]);
        }
        Matrix phi = Matrix.zeros(nPts, nPts);
        boolean lower = true;
        for (int j = 0; j < nPts; j++) {
            for (int k = 0; k < nPts; k++) {
                double v = Math.max(0, ts[j] - beta[k]);
                phi.set(j, k, v);
                if (k > j && v != 0) {
                    lower = false;
                }
                if (k == j && !(v > 0)) {
                    lower = false;
                }
            }
        }
        double[][] v = forwardSubstitution(phi, y, order);
        double[][] w = new double[nPts][];
        double[] b = new double[nPts];
        double[][] vo = new double[d][nPts];
        for (int k = 0; k < nPts; k++) {
            w[k] = bestU.clone();
            b[k] = -beta[k];
            for (int o = 0; o < d; o++) {
                vo[o][k] = v[k][o];
            }
        }
        Mlp net = Nets.shallow(w, b, vo, new double[d]);
        double[] sv = Linalg.singularValues(phi);
        double cond = sv[0] / sv[sv.length - 1];
        Map<String, Object> det = new LinkedHashMap<>();
        det.put("points", nPts);
        det.put("outputs", d);
        det.put("conditionNumber", cond);
        return new Result(new Construction("C3", net, det), phi, lower, cond, bestGap);
    }

    /**
     * Of DIRECTION_CANDIDATES random unit directions u, the one whose projections x·u are farthest apart (largest
     * smallest gap); u is written into {@code best}, the gap returned.
     */
    private static double bestDirection(Matrix x, SplittableRandom rng, double[] best) {
        int n = x.cols();
        double bestGap = -1;
        for (int c = 0; c < DIRECTION_CANDIDATES; c++) {
            double[] u = new double[n];
            double nr = 0;
            for (int j = 0; j < n; j++) {
                u[j] = Seeds.gaussian(rng);
                nr += u[j] * u[j];
            }
            nr = Math.sqrt(nr);
            for (int j = 0; j < n; j++) {
                u[j] /= nr;
            }
            double[] t = x.times(u);
            Arrays.sort(t);
            double gap = Double.POSITIVE_INFINITY;
            for (int j = 1; j < x.rows(); j++) {
                gap = Math.min(gap, t[j] - t[j - 1]);
            }
            if (gap > bestGap) {
                bestGap = gap;
                System.arraycopy(u, 0, best, 0, n);
            }
        }
        return bestGap;
    }

    /** Solves Φ V = Y (rows of Y taken in {@code order}) by forward substitution, Φ lower triangular. */
    private static double[][] forwardSubstitution(Matrix phi, Matrix y, Integer[] order) {
        int nPts = phi.rows();
        int d = y.cols();
        double[][] v = new double[nPts][d];
        for (int j = 0; j < nPts; j++) {
            for (int o = 0; o < d; o++) {
                double s = y.get(order[j], o);
                for (int k = 0; k < j; k++) {
                    s -= phi.get(j, k) * v[k][o];
                }
                v[j][o] = s / phi.get(j, j);
            }
        }
        return v;
    }
}
