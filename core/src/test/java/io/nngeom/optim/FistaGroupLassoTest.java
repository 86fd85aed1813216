package io.nngeom.optim;

class FistaGroupLassoTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new FistaGroupLasso();
    }
}
