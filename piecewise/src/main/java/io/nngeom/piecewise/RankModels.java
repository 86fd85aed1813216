package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic models of matrix ranks (digest §4.5): Gaussian matrices are full rank almost surely; random ±1
 * and {0,1} matrices are singular with the exactly enumerated probabilities 1/2, 5/8, 169/256 (±1, n = 2..4) and
 * 1/2, 5/8, 169/256, 1343/2048 ({0,1}, n = 1..4); over GF(2) P(full rank) = Π_{i=1}^n (1 − 2^{−i}); a ReLU layer
 * of m units with symmetric random rows is locally injective at a point with probability P(Bin(m, ½) ≥ n).
 */
public final class RankModels {
    private RankModels() {
    }

    /** P(Bin(m, ½) ≥ n), exact. */
    public static double binomialTail(int m, int n) {
        double s = 0;
        for (int k = n; k <= m; k++) {
            s += RegionBounds.binomial(m, k).doubleValue();
        }
        return s / Math.pow(2, m);
    }

    /** Π_{i=1}^n (1 − 2^{−i}). */
    public static double gf2FullRank(int n) {
        double p = 1;
        for (int i = 1; i <= n; i++) {
            p *= 1 - Math.pow(2, -i);
        }
        return p;
    }

    /** Exact P(singular) for n×n matrices with i.i.d. uniform entries from {lo, hi} (integers), by enumeration. */
    public static double exactSingular(int n, int lo, int hi) {
        if (n > 4) {
            throw new IllegalArgumentException("exact enumeration is limited to n ≤ 4");
        }
        int cells = n * n;
        long singular = 0;
        long total = 1L << cells;
        long[] a = new long[cells];
        for (long mask = 0; mask < total; mask++) {
            for (int k = 0; k < cells; k++) {
                a[k] = ((mask >>> k) & 1) != 0 ? hi : lo;
            }
            if (integerDet(a.clone(), n) == 0) {
                singular++;
            }
        }
        return (double) singular / total;
    }

    /** Exact determinant of an integer matrix (Bareiss fraction-free elimination). */
    static long integerDet(long[] a, int n) {
        long sign = 1;
        long prev = 1;
        for (int k = 0; k < n - 1; k++) {
            if (a[k * n + k] == 0) {
                int p = -1;
                for (int r = k + 1; r < n; r++) {
                    if (a[r * n + k] != 0) {
                        p = r;
                        break;
                    }
                }
                if (p < 0) {
                    return 0;
                }
                for (int c = 0; c < n; c++) {
                    long t = a[k * n + c];
                    a[k * n + c] = a[p * n + c];
                    a[p * n + c] = t;
                }
                sign = -sign;
            }
            for (int r = k + 1; r < n; r++) {
                for (int c = k + 1; c < n; c++) {
                    a[r * n + c] = (a[r * n + c] * a[k * n + k] - a[r * n + k] * a[k * n + c]) / prev;
                }
            }
            prev = a[k * n + k];
        }
        return sign * a[n * n - 1];
    }

    /** Rank over GF(2) of an n×n 0/1 matrix whose rows are bit masks. */
    static int gf2Rank(long[] rows, int n) {
        long[] r = rows.clone();
        int rank = 0;
        for (int col = 0; col < n && rank < r.length; col++) {
            int piv = -1;
            for (int i = rank; i < r.length; i++) {
                if (((r[i] >>> col) & 1) != 0) {
                    piv = i;
                    break;
                }
            }
            if (piv < 0) {
                continue;
            }
            long t = r[rank];
            r[rank] = r[piv];
            r[piv] = t;
            for (int i = 0; i < r.length; i++) {
                if (i != rank && ((r[i] >>> col) & 1) != 0) {
                    r[i] ^= r[rank];
                }
            }
            rank++;
        }
        return rank;
    }

    /** Monte Carlo frequency of singular n×n matrices with entries uniform on {lo, hi}. */
    public static double mcSingular(int n, int lo, int hi, int trials, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int s = 0;
        long[] a = new long[n * n];
        for (int t = 0; t < trials; t++) {
            for (int k = 0; k < a.length; k++) {
                a[k] = rng.nextBoolean() ? hi : lo;
            }
            if (integerDet(a, n) == 0) {
                s++;
            }
        }
        return (double) s / trials;
    }

    /** Monte Carlo frequency of full rank over GF(2). */
    public static double mcGf2FullRank(int n, int trials, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int s = 0;
        long[] rows = new long[n];
        long mask = n == 64 ? -1L : (1L << n) - 1;
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < n; i++) {
                rows[i] = rng.nextLong() & mask;
            }
            if (gf2Rank(rows, n) == n) {
                s++;
            }
        }
        return (double) s / trials;
    }

    /** Monte Carlo frequency of full rank min(m, n) for Gaussian m×n matrices. */
    public static double mcGaussianFullRank(int m, int n, int trials, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int s = 0;
        for (int t = 0; t < trials; t++) {
            double[] d = new double[m * n];
            for (int k = 0; k < d.length; k++) {
                d[k] = Seeds.gaussian(rng);
            }
            if (Linalg.rank(new Matrix(m, n, d)) == Math.min(m, n)) {
                s++;
            }
        }
        return (double) s / trials;
    }

    /**
     * Monte Carlo frequency that a ReLU layer with m Gaussian rows (w_i, b_i) is locally injective (rank D_S W = n)
     * at a fixed Gaussian point x.
     */
    public static double mcReluInjective(int n, int m, int trials, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = Seeds.gaussian(rng);
        }
        int s = 0;
        for (int t = 0; t < trials; t++) {
            double[] rows = new double[m * n];
            int active = 0;
            for (int i = 0; i < m; i++) {
                double z = Seeds.gaussian(rng);
                double[] w = new double[n];
                for (int j = 0; j < n; j++) {
                    w[j] = Seeds.gaussian(rng);
                    z += w[j] * x[j];
                }
                if (z > 0) {
                    System.arraycopy(w, 0, rows, active * n, n);
                    active++;
                }
            }
            if (active >= n && Linalg.rank(new Matrix(active, n, Arrays.copyOf(rows, active * n))) == n) {
                s++;
            }
        }
        return (double) s / trials;
    }
}
