package io.nngeom.optim;

class FistaLassoTest extends LassoSolverContract {
    @Override
    LassoSolver solver() {
        return new FistaLasso();
    }
}
