package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class CoordinateDescentLassoTest extends LassoSolverContract {
    @Override
    LassoSolver solver() {
        return new CoordinateDescentLasso();
    }

    @Test
    void screeningDoesNotChangeTheSolutionAndDiscardsColumns() {
        Matrix a = randomMatrix(30, 400, 21);
        double[] y = target(a, 22);
        DenseColumns cols = DenseColumns.of(a);
        double beta = 0.3 * LassoPath.betaMax(cols, y, true);
        // small working sets force several outer passes, where screening acts
        LassoOptions o = new LassoOptions(1e-12, 10_000, true, 2);
        LassoSolution on = solver().solve(new LassoProblem(cols, y, beta, true), o);
        LassoSolution off = solver().solve(new LassoProblem(cols, y, beta, true), o.withScreening(false));
        assertEquals(off.primal(), on.primal(), 1e-11 * off.primal());
        assertTrue(on.screened() > 50, "screened " + on.screened());
        assertEquals(0, off.screened());
    }
}
