package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NonNegativeLeastSquaresTest {

    /**
     * Brute force over supports: the optimum of a convex QP is the least-squares solution on some support S with
     * the equality (an equality-constrained LS solved here independently through its KKT system by
     * {@link Linalg#lstsq}) that is non-negative; the smallest residual over all such feasible candidates is the
     * optimum. Supports up to size m (+1 with the equality) suffice (Carathéodory).
     */
    static double bruteForce(double[] a, double[] scale, int m, int n, double[] t, double[] e, double f) {
        double best = Double.POSITIVE_INFINITY;
        int maxSize = Math.min(n, m + (e == null ? 0 : 1));
        for (int mask = 0; mask < (1 << n); mask++) {
            int k = Integer.bitCount(mask);
            if (k > maxSize) {
                continue;
            }
            int[] sup = new int[k];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) != 0) {
                    sup[c++] = j;
                }
            }
            int q = k + (e == null ? 0 : 1);
            if (q == 0) {
                if (e == null || f == 0) {
                    best = Math.min(best, Linalg.norm2(t));
                }
                continue;
            }
            // KKT: [BᵀB e_S; e_Sᵀ 0][z; ν] = [Bᵀt; f]
            Matrix kkt = Matrix.zeros(q, q);
            double[] rhs = new double[q];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int r = 0; r < m; r++) {
                        s += col(a, scale, m, sup[i], r) * col(a, scale, m, sup[j], r);
                    }
                    kkt.set(i, j, s);
                }
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += col(a, scale, m, sup[i], r) * t[r];
                }
                rhs[i] = s;
                if (e != null) {
                    kkt.set(i, k, e[sup[i]]);
                    kkt.set(k, i, e[sup[i]]);
                }
            }
            if (e != null) {
                rhs[k] = f;
            }
            double[] z = Linalg.lstsq(kkt, rhs);
            boolean ok = true;
            double eq = 0;
            for (int i = 0; i < k; i++) {
                ok &= z[i] >= -1e-12;
                if (e != null) {
                    eq += e[sup[i]] * z[i];
                }
            }
            if (!ok || (e != null && Math.abs(eq - f) > 1e-9 * (1 + Math.abs(f)))) {
                continue;
            }
            double rr = 0;
            for (int r = 0; r < m; r++) {
                double v = -t[r];
                for (int i = 0; i < k; i++) {
                    v += z[i] * col(a, scale, m, sup[i], r);
                }
                rr += v * v;
            }
            best = Math.min(best, Math.sqrt(rr));
        }
        return best;
    }

    private static double col(double[] a, double[] scale, int m, int j, int r) {
        return (scale == null ? 1 : scale[j]) * a[j * m + r];
    }

    @ParameterizedTest
    @CsvSource({"2, 7, 1, false", "3, 9, 2, false", "3, 10, 3, true", "4, 11, 4, true", "2, 6, 5, true", "5, 12, 6, true"})
    void matchesBruteForceOverSupports(int m, int n, long seed, boolean equality) {
        SplittableRandom rng = Seeds.rng(seed);
        for (int rep = 0; rep < 20; rep++) {
            double[] a = new double[m * n];
            double[] scale = new double[n];
            double[] e = equality ? new double[n] : null;
            for (int j = 0; j < n; j++) {
                scale[j] = j < 2 ? 1 - 2 * j : rng.nextBoolean() ? 1 : -1; // both signs, so the equality is feasible
                if (equality) {
                    e[j] = scale[j];
                }
                for (int r = 0; r < m; r++) {
                    a[j * m + r] = Seeds.gaussian(rng);
                }
            }
            double[] t = new double[m];
            for (int r = 0; r < m; r++) {
                t[r] = 2 * Seeds.gaussian(rng);
            }
            double f = equality ? Seeds.gaussian(rng) : 0;
            NonNegativeLeastSquares.Result res = new NonNegativeLeastSquares(a, scale, m).solve(t, e, f, null);
            assertTrue(res.converged());
            double bf = bruteForce(a, scale, m, n, t, e, f);
            assertEquals(bf, res.norm(), 1e-10 * (1 + bf), "rep " + rep);
            // the returned point is feasible and reproduces the residual
            double eq = 0;
            double[] r = new double[m];
            for (int r0 = 0; r0 < m; r0++) {
                r[r0] = -t[r0];
            }
            for (int j = 0; j < n; j++) {
                assertTrue(res.x()[j] >= 0);
                if (equality) {
                    eq += e[j] * res.x()[j];
                }
                for (int r0 = 0; r0 < m; r0++) {
                    r[r0] += res.x()[j] * scale[j] * a[j * m + r0];
                }
            }
            assertArrayEquals(r, res.residual(), 1e-12 * (1 + Linalg.norm2(t)));
            if (equality) {
                assertEquals(f, eq, 1e-12 * (1 + Math.abs(f)));
            }
            // warm start from its own passive set gives the same optimum
            NonNegativeLeastSquares.Result again = new NonNegativeLeastSquares(a, scale, m).solve(t, e, f, res.passive());
            assertEquals(res.norm(), again.norm(), 1e-12 * (1 + res.norm()));
        }
    }

    @Test
    void oneSignedEqualityWithZeroRightHandSideForcesZero() {
        double[] a = {1, 0, 0, 1, 1, 1};
        double[] e = {1, 1, 1};
        NonNegativeLeastSquares.Result r = new NonNegativeLeastSquares(a, null, 2).solve(new double[] {-3, -4}, e, 0, null);
        assertEquals(5, r.norm(), 1e-15);
        assertArrayEquals(new double[3], r.x());
    }

    @Test
    void zeroEqualityOfBothSignsIsSolvedToo() {
        // columns (1,0) with e = +1 and (0,1) with e = −1 must enter together with equal weight: x = (c, c), min ‖(c − 2, c − 2)‖
        double[] a = {1, 0, 0, 1};
        NonNegativeLeastSquares.Result r = new NonNegativeLeastSquares(a, null, 2).solve(new double[] {2, 2}, new double[] {1, -1}, 0, null);
        assertEquals(0, r.norm(), 1e-14);
        assertArrayEquals(new double[] {2, 2}, r.x(), 1e-14);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NonNegativeLeastSquares(new double[5], null, 2));
        NonNegativeLeastSquares s = new NonNegativeLeastSquares(new double[] {1, 0, 0, 1}, null, 2);
        assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1, 1}, new double[] {1, 1}, -1, null));
        assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1, 1}, new double[] {1, 0}, 1, null));
        assertThrows(IllegalArgumentException.class, () -> s.solve(new double[3], null));
    }
}
