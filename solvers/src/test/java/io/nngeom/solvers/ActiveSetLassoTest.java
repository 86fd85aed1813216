package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ActiveSetLassoTest extends LassoSolverContract {
    @Override
    LassoSolver solver() {
        return new ActiveSetLasso();
    }

    /**
     * A 2-D wedge dictionary with bias built here independently of the convex module: for every pair of points
     * (x_a, x_b) the signed distance h to the line through them and the two columns (h)₊ and (−h)₊. Centred,
     * (h)₊ − (−h)₊ = h is linear in x, so the dictionary is exactly rank-deficient on many supports.
     */
    static DenseColumns wedges(Matrix x) {
        int n = x.rows();
        int pairs = n * (n - 1) / 2;
        Matrix a = Matrix.zeros(n, 2 * pairs);
        int c = 0;
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double ex = x.get(p, 0) - x.get(q, 0);
                double ey = x.get(p, 1) - x.get(q, 1);
                double len = Math.hypot(ex, ey);
                for (int i = 0; i < n; i++) {
                    double h = ((x.get(i, 0) - x.get(q, 0)) * ey - (x.get(i, 1) - x.get(q, 1)) * ex) / len;
                    a.set(i, c, Math.max(h, 0));
                    a.set(i, c + 1, Math.max(-h, 0));
                }
                c += 2;
            }
        }
        return DenseColumns.of(a);
    }

    static Matrix points(int n, long seed) {
        return randomMatrix(n, 2, seed);
    }

    static double[] wave(Matrix x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * rng.nextGaussian();
        }
        return y;
    }

    /** Centred columns of the support, n × |S|. */
    static Matrix centredSupport(ColumnProvider a, double[] z) {
        int n = a.rows();
        int[] sup = IntStream.range(0, z.length).filter(j -> z[j] != 0).toArray();
        Matrix m = DenseColumns.select(a, sup).toMatrix();
        for (int j = 0; j < sup.length; j++) {
            double mu = 0;
            for (int i = 0; i < n; i++) {
                mu += m.get(i, j) / n;
            }
            for (int i = 0; i < n; i++) {
                m.set(i, j, m.get(i, j) - mu);
            }
        }
        return m;
    }

    /** Independent KKT check with the intercept: r = y − Az − ξ sums to 0, |a_jᵀr| ≤ β, = β sign z_j on S. */
    static void assertKkt(Matrix a, double[] y, double beta, LassoSolution s, double relTol) {
        double[] az = a.times(s.z());
        double[] r = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - az[i] - s.intercept();
            sum += r[i];
        }
        assertEquals(0, sum, 1e-9);
        for (int j = 0; j < a.cols(); j++) {
            double c = Linalg.dot(a.colArray(j), r);
            assertTrue(Math.abs(c) <= beta * (1 + relTol), "dual feasibility " + j + ": " + c / beta);
            if (s.z()[j] != 0) {
                assertEquals(beta * Math.signum(s.z()[j]), c, relTol * beta, "stationarity " + j);
            }
        }
    }

    @Test
    void rankDeficientWedgeDictionaryIsSolvedToATightGap() {
        Matrix x = points(40, 31);
        double[] y = wave(x, 32);
        DenseColumns a = wedges(x);
        // the dictionary is exactly degenerate: the differences of three ± pairs lie in the 2-D space of centred
        // linear functions, so their six centred columns have rank 5
        double[] z6 = new double[a.cols()];
        for (int c = 0; c < 6; c++) {
            z6[c] = 1;
        }
        assertEquals(5, Linalg.rank(centredSupport(a, z6), 1e-9));
        double beta = 1e-3 * LassoPath.betaMax(a, y, true);
        LassoProblem pr = new LassoProblem(a, y, beta, true);
        LassoSolution s = solver().solve(pr, LassoOptions.defaults().withTolerance(1e-11));
        assertTrue(s.converged());
        assertTrue(s.relativeGap() <= 1e-11, "gap " + s.relativeGap());
        assertKkt(a.toMatrix(), y, beta, s, 1e-7);
        // a basic solution: linearly independent centred support columns, at most n − 1 of them
        Matrix sup = centredSupport(a, s.z());
        assertEquals(s.nonzeros(), Linalg.rank(sup, 1e-10 * Linalg.singularValues(sup)[0]));
        assertTrue(s.nonzeros() <= 39);
        // a second algorithm's certificate brackets the optimum: its dual bound lies below, its primal above
        LassoSolution cd = new CoordinateDescentLasso().solve(pr, LassoOptions.defaults().withTolerance(1e-4));
        assertTrue(cd.dual() <= s.primal() * (1 + 1e-12), "CD dual " + cd.dual() + " vs " + s.primal());
        assertTrue(s.primal() <= cd.primal() * (1 + 1e-12));
    }

    @Test
    void exactlyDependentColumnsArePivotedOut() {
        // A = [B, B, B·M]: duplicates and linear combinations of the first block, and a free intercept
        Matrix b = randomMatrix(20, 8, 41);
        Matrix m = randomMatrix(8, 10, 42);
        Matrix bm = Linalg.mult(b, m);
        Matrix a = Matrix.zeros(20, 26);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 8; j++) {
                a.set(i, j, b.get(i, j));
                a.set(i, 8 + j, b.get(i, j));
            }
            for (int j = 0; j < 10; j++) {
                a.set(i, 16 + j, bm.get(i, j));
            }
        }
        double[] y = target(b, 43);
        DenseColumns cols = DenseColumns.of(a);
        double beta = 0.01 * LassoPath.betaMax(cols, y, true);
        LassoSolution s = solver().solve(new LassoProblem(cols, y, beta, true), LassoOptions.defaults().withTolerance(1e-13));
        assertTrue(s.converged(), "gap " + s.relativeGap());
        assertKkt(a, y, beta, s, 1e-8);
        Matrix sup = centredSupport(cols, s.z());
        assertEquals(s.nonzeros(), Linalg.rank(sup));
    }

    @Test
    void violatingDependentColumnIsPivotedIn() {
        // a3 = a1 + 1.5 a2 fits the e1-e2 part of y at a lower l1 cost than a1 and a2 together; warm-started on
        // {a1, a2}, the method must pivot a3 in (it is dependent on the active columns) and drop both
        Matrix a = Matrix.zeros(4, 4);
        a.set(0, 0, 1);
        a.set(1, 1, 1);
        a.set(0, 2, 1);
        a.set(1, 2, 1.5);
        a.set(2, 3, 1);
        double[] y = {3, 4.5, 0.5, 0.1};
        double beta = 0.1;
        LassoSolution s = solver().solve(new LassoProblem(DenseColumns.of(a), y, beta, false),
                LassoOptions.defaults().withTolerance(1e-14), new double[] {1, 1, 0, 0});
        // closed form on the support {a3, a4}: z_j = (a_jᵀy − β)/‖a_j‖²
        assertEquals(0, s.z()[0]);
        assertEquals(0, s.z()[1]);
        assertEquals((3 + 1.5 * 4.5 - beta) / 3.25, s.z()[2], 1e-14);
        assertEquals(0.5 - beta, s.z()[3], 1e-14);
        assertTrue(s.converged());
    }

    @Test
    void warmStartOnADependentSupportAndDeterminism() {
        Matrix x = points(25, 51);
        double[] y = wave(x, 52);
        DenseColumns a = wedges(x);
        double beta = 3e-3 * LassoPath.betaMax(a, y, true);
        LassoProblem pr = new LassoProblem(a, y, beta, true);
        // a warm start on three complete ± pairs (dependent once centred) and some other columns
        double[] warm = new double[a.cols()];
        for (int c = 0; c < 6; c++) {
            warm[c] = 0.1 * (c + 1);
        }
        warm[101] = -0.3;
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-10);
        LassoSolution s1 = solver().solve(pr, o, warm);
        LassoSolution s2 = solver().solve(pr, o, warm);
        LassoSolution cold = solver().solve(pr, o);
        assertTrue(s1.converged());
        assertEquals(cold.primal(), s1.primal(), 1e-9 * cold.primal());
        assertArrayEquals(s1.z(), s2.z(), 0.0);
        assertEquals(s1.primal(), s2.primal(), 0.0);
        assertKkt(a.toMatrix(), y, beta, s1, 1e-6);
    }

    @Test
    void warmStartedPathOnARankDeficientWedgeDictionary() {
        // LassoPath hands each solution to the next, smaller β as warm start; on a wedge dictionary with a free
        // intercept those warm supports are often dependent once centred
        Matrix x = points(30, 71);
        double[] y = wave(x, 72);
        DenseColumns a = wedges(x);
        double bmax = LassoPath.betaMax(a, y, true);
        double[] betas = LassoPath.geometricGrid(bmax, 1e-3, 12);
        var path = LassoPath.solve(solver(), new LassoProblem(a, y, bmax, true), betas, LassoOptions.defaults().withTolerance(1e-10));
        assertEquals(0, path.get(0).nonzeros());
        for (int k = 0; k < betas.length; k++) {
            LassoSolution s = path.get(k);
            assertTrue(s.converged(), "beta " + betas[k] + ": gap " + s.relativeGap());
            // independent checks: the KKT conditions on the materialised matrix and a linearly independent support
            assertKkt(a.toMatrix(), y, betas[k], s, 1e-6);
            if (s.nonzeros() > 0) {
                Matrix sup = centredSupport(a, s.z());
                assertEquals(s.nonzeros(), Linalg.rank(sup, 1e-10 * Linalg.singularValues(sup)[0]), "beta " + betas[k]);
            }
            // and a second algorithm's certificate brackets the value
            LassoSolution cd = new CoordinateDescentLasso().solve(new LassoProblem(a, y, betas[k], true),
                    LassoOptions.defaults().withTolerance(1e-4));
            assertTrue(cd.dual() <= s.primal() * (1 + 1e-12) && s.primal() <= cd.primal() * (1 + 1e-12), "beta " + betas[k]);
        }
    }

    @Test
    void zeroToleranceTerminatesAtTheRoundingLevel() {
        // tolerance 0 cannot be met: the solver must stop by itself (stall limit, pivot tabu) near rounding level
        for (int n : new int[] {20, 60}) {
            Matrix x = points(n, 61 + n);
            double[] y = wave(x, 62 + n);
            DenseColumns a = wedges(x);
            double beta = 1e-3 * LassoPath.betaMax(a, y, true);
            LassoSolution s = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> solver().solve(new LassoProblem(a, y, beta, true), LassoOptions.defaults().withTolerance(0)));
            assertTrue(s.relativeGap() <= 1e-11, "n = " + n + ": gap " + s.relativeGap());
        }
    }
}
