package io.nngeom.solvers;

class FistaLassoTest extends LassoSolverContract {
    @Override
    LassoSolver solver() {
        return new FistaLasso();
    }
}
