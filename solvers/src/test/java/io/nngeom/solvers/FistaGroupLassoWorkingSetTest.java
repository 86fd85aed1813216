package io.nngeom.solvers;

/** The FISTA group lasso with working sets. */
class FistaGroupLassoWorkingSetTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new FistaGroupLasso(true);
    }
}
