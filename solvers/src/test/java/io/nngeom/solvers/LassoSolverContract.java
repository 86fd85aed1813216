package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Contract every {@link LassoSolver} must satisfy; subclasses supply the solver. */
abstract class LassoSolverContract {
    abstract LassoSolver solver();

    static Matrix randomMatrix(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                m.set(i, j, rng.nextGaussian());
            }
        }
        return m;
    }

    static double[] target(Matrix a, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[a.cols()];
        for (int j = 0; j < Math.min(3, z.length); j++) {
            z[(j * 7) % z.length] = 2 - j;
        }
        double[] y = a.times(z);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.3 * rng.nextGaussian() + 1.5;
        }
        return y;
    }

    @Test
    void aboveBetaMaxGivesZero() {
        Matrix a = randomMatrix(30, 12, 1);
        double[] y = target(a, 2);
        for (boolean icpt : new boolean[] {true, false}) {
            DenseColumns cols = DenseColumns.of(a);
            double bmax = LassoPath.betaMax(cols, y, icpt);
            LassoSolution s = solver().solve(new LassoProblem(cols, y, bmax * 1.0001, icpt), LassoOptions.defaults());
            assertEquals(0, s.nonzeros());
            double mean = icpt ? LassoCertificate.mean(y) : 0;
            assertEquals(mean, s.intercept(), 1e-12);
            LassoSolution s2 = solver().solve(new LassoProblem(cols, y, bmax * 0.9, icpt), LassoOptions.defaults());
            assertTrue(s2.nonzeros() > 0, "just below beta_max some coefficient enters");
        }
    }

    @Test
    void smallBetaApproachesLeastSquares() {
        Matrix a = randomMatrix(40, 6, 3);
        double[] y = target(a, 4);
        // least squares with a free intercept: append a ones column
        Matrix aug = Matrix.zeros(40, 7);
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 6; j++) {
                aug.set(i, j, a.get(i, j));
            }
            aug.set(i, 6, 1);
        }
        double[] ls = Linalg.lstsq(aug, y);
        LassoSolution s = solver().solve(new LassoProblem(DenseColumns.of(a), y, 1e-9, true),
                LassoOptions.defaults().withTolerance(1e-14).withMaxIterations(200_000));
        for (int j = 0; j < 6; j++) {
            assertEquals(ls[j], s.z()[j], 1e-6, "coefficient " + j);
        }
        assertEquals(ls[6], s.intercept(), 1e-6);
    }

    @Test
    void kktConditionsAndGapHold() {
        Matrix a = randomMatrix(25, 60, 5);
        double[] y = target(a, 6);
        DenseColumns cols = DenseColumns.of(a);
        double bmax = LassoPath.betaMax(cols, y, true);
        double beta = 0.1 * bmax;
        LassoSolution s = solver().solve(new LassoProblem(cols, y, beta, true), LassoOptions.defaults().withTolerance(1e-12));
        assertTrue(s.converged());
        assertTrue(s.relativeGap() <= 1e-12);
        // independent KKT check: r = y − Az − ξ; |a_jᵀr| ≤ β, = β sign(z_j) on the support, Σ r = 0
        double[] az = a.times(s.z());
        double[] r = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - az[i] - s.intercept();
            sum += r[i];
        }
        assertEquals(0, sum, 1e-8);
        for (int j = 0; j < 60; j++) {
            double c = Linalg.dot(a.colArray(j), r);
            assertTrue(Math.abs(c) <= beta * (1 + 1e-5), "dual feasibility " + j);
            if (s.z()[j] != 0) {
                assertEquals(beta * Math.signum(s.z()[j]), c, 1e-5 * beta, "stationarity " + j);
            }
        }
        // the reported primal is the objective at the returned point
        double rr = 0;
        for (double v : r) {
            rr += v * v;
        }
        assertEquals(0.5 * rr + beta * s.l1Norm(), s.primal(), 1e-10 * s.primal());
        assertTrue(s.dual() <= s.primal());
    }

    @Test
    void agreesWithOtherSolverWithoutIntercept() {
        Matrix a = randomMatrix(20, 40, 7);
        double[] y = target(a, 8);
        DenseColumns cols = DenseColumns.of(a);
        double beta = 0.05 * LassoPath.betaMax(cols, y, false);
        LassoProblem pr = new LassoProblem(cols, y, beta, false);
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-13).withMaxIterations(100_000);
        LassoSolution mine = solver().solve(pr, o);
        LassoSolver other = solver() instanceof CoordinateDescentLasso ? new FistaLasso() : new CoordinateDescentLasso();
        LassoSolution ref = other.solve(pr, o);
        assertEquals(ref.primal(), mine.primal(), 1e-11 * ref.primal());
        assertArrayEquals(ref.z(), mine.z(), 1e-4);
        assertEquals(0, mine.intercept());
    }

    @Test
    void onTheFlyColumnsGiveTheSameSolutionAsStored() {
        Matrix a = randomMatrix(15, 30, 9);
        double[] y = target(a, 10);
        ColumnProvider lazy = new ColumnProvider() {
            @Override
            public int rows() {
                return 15;
            }

            @Override
            public int cols() {
                return 30;
            }

            @Override
            public void column(int j, double[] out) {
                for (int i = 0; i < 15; i++) {
                    out[i] = a.get(i, j);
                }
            }
        };
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-12);
        LassoSolution s1 = solver().solve(new LassoProblem(lazy, y, 0.5, true), o);
        LassoSolution s2 = solver().solve(new LassoProblem(DenseColumns.of(a), y, 0.5, true), o);
        assertEquals(s2.primal(), s1.primal(), 1e-10 * s2.primal());
    }

    @Test
    void warmStartedPathIsMonotoneInSparsity() {
        Matrix a = randomMatrix(30, 50, 11);
        double[] y = target(a, 12);
        DenseColumns cols = DenseColumns.of(a);
        double bmax = LassoPath.betaMax(cols, y, true);
        double[] betas = LassoPath.geometricGrid(bmax, 0.01, 8);
        var path = LassoPath.solve(solver(), new LassoProblem(cols, y, bmax, true), betas, LassoOptions.defaults());
        assertEquals(0, path.get(0).nonzeros());
        double prevL1 = -1;
        for (LassoSolution s : path) {
            assertTrue(s.converged());
            assertTrue(s.l1Norm() >= prevL1 - 1e-9, "‖z‖₁ grows as β decreases");
            prevL1 = s.l1Norm();
        }
    }
}
