package io.nngeom.optim;

/** The FISTA group lasso without working sets (every iteration on all groups). */
class FistaGroupLassoAllGroupsTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new FistaGroupLasso(false);
    }
}
