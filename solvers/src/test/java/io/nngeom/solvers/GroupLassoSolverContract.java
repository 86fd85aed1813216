package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Contract for {@link GroupLassoSolver}s. */
abstract class GroupLassoSolverContract {
    abstract GroupLassoSolver solver();

    @Test
    void singletonGroupsEqualTheLasso() {
        Matrix a = LassoSolverContract.randomMatrix(25, 30, 31);
        double[] y = LassoSolverContract.target(a, 32);
        int[] sizes = new int[30];
        Arrays.fill(sizes, 1);
        DenseColumns cols = DenseColumns.of(a);
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-12).withMaxIterations(100_000);
        LassoSolution g = solver().solve(new GroupLassoProblem(BlockProvider.ofColumns(cols, sizes), y, 0.7, true), o);
        LassoSolution l = new CoordinateDescentLasso().solve(new LassoProblem(cols, y, 0.7, true), o);
        assertEquals(l.primal(), g.primal(), 1e-10 * l.primal());
        assertEquals(l.intercept(), g.intercept(), 1e-6);
    }

    @Test
    void blockKktAndAgreement() {
        Matrix a = LassoSolverContract.randomMatrix(30, 24, 33);
        double[] y = LassoSolverContract.target(a, 34);
        int[] sizes = {3, 3, 3, 3, 4, 4, 2, 2};
        DenseColumns cols = DenseColumns.of(a);
        double bmax = 0;
        int o0 = 0;
        for (int size : sizes) {
            double t = 0;
            for (int q = 0; q < size; q++) {
                double c = Linalg.dot(a.colArray(o0 + q), y);
                t += c * c;
            }
            bmax = Math.max(bmax, Math.sqrt(t));
            o0 += size;
        }
        double beta = 0.4 * bmax;
        GroupLassoProblem pr = new GroupLassoProblem(BlockProvider.ofColumns(cols, sizes), y, beta, false);
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-13).withMaxIterations(100_000);
        LassoSolution s = solver().solve(pr, o);
        assertTrue(s.converged());
        double[] az = a.times(s.z());
        double[] r = new double[y.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - az[i];
        }
        int off = 0;
        int active = 0;
        for (int size : sizes) {
            double[] c = new double[size];
            double[] u = Arrays.copyOfRange(s.z(), off, off + size);
            for (int q = 0; q < size; q++) {
                c[q] = Linalg.dot(a.colArray(off + q), r);
            }
            double nu = Linalg.norm2(u);
            assertTrue(Linalg.norm2(c) <= beta * (1 + 1e-5));
            if (nu > 0) {
                active++;
                for (int q = 0; q < size; q++) {
                    assertEquals(beta * u[q] / nu, c[q], 1e-4 * beta);
                }
            }
            off += size;
        }
        assertTrue(active > 0 && active < sizes.length, "some groups active, some not: " + active);
        GroupLassoSolver other = solver() instanceof FistaGroupLasso ? new BlockCoordinateGroupLasso() : new FistaGroupLasso();
        LassoSolution ref = other.solve(pr, o);
        assertEquals(ref.primal(), s.primal(), 1e-11 * ref.primal());
        // each certificate's dual value is a lower bound on the other solver's primal value
        assertTrue(s.dual() <= ref.primal() * (1 + 1e-12));
        assertTrue(ref.dual() <= s.primal() * (1 + 1e-12));
    }

    @Test
    void largeBetaGivesZero() {
        Matrix a = LassoSolverContract.randomMatrix(20, 12, 35);
        double[] y = LassoSolverContract.target(a, 36);
        GroupLassoProblem pr = new GroupLassoProblem(BlockProvider.ofColumns(DenseColumns.of(a), new int[] {6, 6}), y, 1e6, true);
        LassoSolution s = solver().solve(pr, LassoOptions.defaults());
        assertEquals(0, s.nonzeros());
        assertTrue(s.relativeGap() <= 1e-9);
    }
}
