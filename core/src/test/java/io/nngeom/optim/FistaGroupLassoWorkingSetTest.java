package io.nngeom.optim;

/** The FISTA group lasso with working sets. */
class FistaGroupLassoWorkingSetTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new FistaGroupLasso(true);
    }
}
